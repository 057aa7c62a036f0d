"""Staff export of 100,000 poll answers: XLSX and CSV build times, and peak memory."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from bench.stats import peak_rss_mb
from bot.clock import Clock
from bot.config import Settings
from bot.features.exports.results import collect, csv_bytes, xlsx_bytes
from bot.features.feedback.screens import RATING_KEYS
from bot.features.survey.service import load_survey
from bot.i18n import LANGUAGES
from bot.programme.loader import load_schedule
from bot.storage import Storage


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench export")
    parser.add_argument("--answers", type=int, default=100_000)
    count = parser.parse_args(argv).answers
    base = Settings.from_env({}, dotenv=None)
    schedule = load_schedule(base.schedule_path)
    survey = load_survey()
    now = Clock().now()
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        storage = await Storage.open(Path(scratch) / "export.db")
        try:
            store = storage.feedback
            sessions = schedule.sessions
            # Every attendee rates every session: user i answers session i % n.
            await asyncio.gather(
                *(
                    store.answer(
                        f"session:{sessions[i % len(sessions)].guid}",
                        "rating",
                        i // len(sessions),
                        [RATING_KEYS[i % len(RATING_KEYS)]],
                        LANGUAGES[i % 3],
                        now,
                    )
                    for i in range(count)
                )
            )
            started = time.perf_counter()
            data = await collect(storage, schedule, survey, user_ids=False)
            read = time.perf_counter() - started
            started = time.perf_counter()
            xlsx = xlsx_bytes(data, survey)
            xlsx_seconds = time.perf_counter() - started
            started = time.perf_counter()
            csv = csv_bytes(data)
            csv_seconds = time.perf_counter() - started
        finally:
            await storage.close()
    print(f"[export] {len(data.raw)} answers")
    print(f"  read and pseudonymize  {read:.2f} s")
    print(
        f"  XLSX                   {xlsx_seconds:.2f} s, {len(xlsx) / 1e6:.1f} MB (target ≤ 10 s)"
    )
    print(f"  CSV                    {csv_seconds:.2f} s, {len(csv) / 1e6:.1f} MB (target ≤ 2 s)")
    print(f"  peak RSS               {peak_rss_mb():.0f} MB (target ≤ 300 MB)")
