"""`vidw-bot backup` of a realistic database, idle and while the bot keeps writing.

10,000 attendees, 100,000 poll answers and an announcement queued to everyone. The busy run
has a writer commit one attendee contact after the other (as /start does) during the backup,
and compares its write latency with the same writer's when no backup runs.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

from bench.stats import peak_rss_mb, percentile
from bot.clock import Clock
from bot.config import Settings
from bot.features.feedback.screens import RATING_KEYS
from bot.i18n import LANGUAGES
from bot.outgoing import Outgoing, Text
from bot.programme.loader import load_schedule
from bot.storage import Storage
from bot.storage.backup import BackupReport, backup

WRITER_BASELINE = 1.0  # seconds of writes without a backup, for comparison


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench backup")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100_000)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        folder = Path(scratch)
        live = folder / "vidw.db"
        storage = await Storage.open(live)
        try:
            started = time.perf_counter()
            await fill(storage, options.users, options.answers)
            filled = time.perf_counter() - started
            idle = await asyncio.to_thread(backup, live, folder / "idle.db")
            busy, baseline, during = await _backup_while_writing(storage, live, folder)
        finally:
            await storage.close()
        started = time.perf_counter()
        with closing(sqlite3.connect(folder / "busy.db")) as copy:
            check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        checked = time.perf_counter() - started
    print(f"[backup] {options.users:,} attendees, {options.answers:,} poll answers, an outbox")
    print(f"  database written in     {filled:.1f} s")
    print(f"  backup, bot idle        {_figures(idle)}")
    print(f"  backup, bot writing     {_figures(busy)}")
    print(
        f"  writes during backup    {len(during)} commits, p50 {_ms(during, 50)}, "
        f"p99 {_ms(during, 99)}, max {max(during) * 1000:.1f} ms"
    )
    print(
        f"  writes without backup   {len(baseline)} commits/{WRITER_BASELINE:.0f} s, "
        f"p50 {_ms(baseline, 50)}, p99 {_ms(baseline, 99)}, max {max(baseline) * 1000:.1f} ms"
    )
    print(f"  integrity_check of copy {check} ({checked:.2f} s)")
    print(f"  peak RSS                {peak_rss_mb():.0f} MB")


async def fill(storage: Storage, users: int, answers: int) -> None:
    schedule = load_schedule(Settings.from_env({}, dotenv=None).schedule_path)
    sessions = schedule.sessions
    now = Clock().now()
    await storage.users.register_many([(i, LANGUAGES[i % 3]) for i in range(1, users + 1)], now)
    # Each attendee rates answers // users sessions: user i % users, session i // users.
    await asyncio.gather(
        *(
            storage.feedback.answer(
                f"session:{sessions[(i // users) % len(sessions)].guid}",
                "rating",
                i % users + 1,
                [RATING_KEYS[i % len(RATING_KEYS)]],
                LANGUAGES[i % 3],
                now,
            )
            for i in range(answers)
        )
    )
    text = "Welcome to VIDW 2025! The opening ceremony starts at 08:30 in the Main Hall. " * 3
    items = [Outgoing(i, Text(text), f"bench-backup:{i}") for i in range(1, users + 1)]
    await storage.outbox.enqueue("announcement:bench", "announcement", items, now)


async def _backup_while_writing(
    storage: Storage, live: Path, folder: Path
) -> tuple[BackupReport, list[float], list[float]]:
    """The backup's report, and the writer's commit latencies without and with a backup."""
    now = Clock().now()
    next_id = 10_000_000

    async def write_once() -> float:
        nonlocal next_id
        started = time.perf_counter()
        await storage.users.touch(next_id, "en", now)
        next_id += 1
        return time.perf_counter() - started

    baseline: list[float] = []
    until = time.perf_counter() + WRITER_BASELINE
    while time.perf_counter() < until:
        baseline.append(await write_once())

    during: list[float] = []
    copying = asyncio.create_task(asyncio.to_thread(backup, live, folder / "busy.db"))
    while not copying.done():
        during.append(await write_once())
    return await copying, baseline, during


def _figures(report: BackupReport) -> str:
    return (
        f"{report.seconds:.2f} s, {report.size / 1e6:.1f} MB, {report.pages:,} pages "
        f"({report.size / 1e6 / report.seconds:.0f} MB/s)"
    )


def _ms(samples: list[float], q: float) -> str:
    return f"{percentile(samples, q) * 1000:.1f} ms"
