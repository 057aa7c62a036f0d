"""2,000 attendees at once, each walking /start → /schedule → a theme → a session → follow.

The bot runs in its own process, started as `vidw-bot run` starts it, so its memory and CPU are
its own. The stand-in runs in this process together with the simulated attendees (they are its
chats, and each one measures its own steps), so bot and stand-in sit on different cores.

Every attendee starts at the same instant and presses the buttons of the screens it got, with
no pause between steps. Latency is from the user's update being queued at the stand-in to the
bot's reply or edit reaching the stand-in. The stand-in enforces Telegram's limits: the
chosen overall rate, and about one message per second per chat (bursts of three).

By default the bot sends at the paid-broadcast ceiling (1,000 messages/s), so its pacer stays
out of the way and the figures measure the bot's own work. `--rate 30` runs it at Telegram's
default 30 messages/s, where replies to a crowd are paced by design: 2,000 attendees × 5
messages / 30 per second is about 5.6 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.stats import percentile, reset_peak_rss
from bench.walks import StepTimes, browse, first_button
from bot.config import FREE_RATE_CEILING, PAID_RATE_CEILING, Settings
from bot.storage import Storage
from standin.botproc import bot_environment, cpu_seconds_of, peak_rss_mb_of, rss_mb_of, start_bot
from standin.telegram import Limits, SimUser, StandIn
from standin.telegram.remote import terminate

STEPS = ("/start", "/schedule", "theme", "session", "follow")
FIRST_USER = 400_000
WARM_UP_USER = FIRST_USER - 1
READY_TIMEOUT = 60.0  # seconds for the bot's process to start polling
STOP_GRACE = 10.0


class WalkError(Exception):
    """The bot answered, but not with what the step should have shown."""


async def attendee(user: SimUser, theme: int, times: StepTimes, step_timeout: float) -> None:
    await times.timed("/start", user.ask("/start", timeout=step_timeout))
    card = await browse(user, times, theme=theme, step_timeout=step_timeout)
    follow = first_button(card, "F")
    followed = await times.timed("follow", user.press(card, follow, timeout=step_timeout))
    if first_button(followed, "F") == follow:  # "Follow" must have become "Unfollow"
        raise WalkError("the card still offers to follow after the tap")


@dataclass
class Usage:
    """What one process used while the attendees walked."""

    before_mb: float  # resident memory when the walks began
    peak_mb: float
    cpu_seconds: float


class Meter:
    """Measures a process (by pid) from `start()` to `stop()`."""

    def __init__(self, pid: int, *, own: bool = False) -> None:
        self._pid = pid
        self._own = own  # this process: its peak so far (imports, other suites) is forgotten
        self._before = self._cpu = 0.0

    def start(self) -> None:
        if self._own:
            reset_peak_rss()
        self._before, self._cpu = rss_mb_of(self._pid), cpu_seconds_of(self._pid)

    def stop(self) -> Usage:
        cpu = cpu_seconds_of(self._pid) - self._cpu
        return Usage(self._before, peak_rss_mb_of(self._pid), cpu)


@dataclass
class RunFigures:
    walks: int
    errors: Counter[str]
    seconds: float
    times: StepTimes
    too_many_requests: int
    messages: int  # sends and edits the stand-in accepted during the walks
    follows_stored: int
    total_seconds: float  # from starting the bot's process to its exit
    bot: Usage
    standin: Usage
    bot_log_errors: int

    @property
    def completed(self) -> int:
        return self.walks - self.errors.total()


async def run(users: int, rate: float, scratch: Path, base: Settings) -> RunFigures:
    paid = rate > FREE_RATE_CEILING
    db = scratch / "load.db"
    log_path = scratch / "bot.log"
    limits = Limits(global_rate=rate, global_burst=max(30, int(rate)))
    step_timeout = 120 + 2 * users * len(STEPS) / rate  # generous: a late answer is a figure
    async with StandIn(limits=limits, record_calls=False) as standin:
        crowd = [
            standin.user(FIRST_USER + i, f"Attendee {i}", ("vi", "en", "fr")[i % 3])
            for i in range(users)
        ]
        env = bot_environment(base, standin.token, standin.base_url, db, send_rate=rate, paid=paid)
        with log_path.open("wb") as log:
            launched = time.perf_counter()
            bot = await start_bot(env, stderr=log)
            try:
                await until_polling(standin, bot, log_path)
                warm_up = standin.user(WARM_UP_USER, "Warm-up", "en")
                await attendee(warm_up, 0, StepTimes(STEPS), step_timeout)  # not counted
                standin.stats.clear()
                times = StepTimes(STEPS)
                meters = Meter(bot.pid), Meter(os.getpid(), own=True)
                for meter in meters:
                    meter.start()
                started = time.perf_counter()
                results = await asyncio.gather(
                    *(attendee(u, i, times, step_timeout) for i, u in enumerate(crowd)),
                    return_exceptions=True,
                )
                seconds = time.perf_counter() - started
                bot_usage, standin_usage = (meter.stop() for meter in meters)
            finally:
                await terminate(bot, STOP_GRACE)
            total = time.perf_counter() - launched
        errors = Counter(error_kind(r) for r in results if isinstance(r, BaseException))
        stats = standin.stats
        too_many, messages = stats.too_many_requests, len(stats.send_times)
    return RunFigures(
        walks=users,
        errors=errors,
        seconds=seconds,
        times=times,
        too_many_requests=too_many,
        messages=messages,
        follows_stored=await _follows(db) - 1,  # the warm-up user's follow
        total_seconds=total,
        bot=bot_usage,
        standin=standin_usage,
        bot_log_errors=log_errors(log_path),
    )


async def until_polling(standin: StandIn, bot: asyncio.subprocess.Process, log_path: Path) -> None:
    """Wait for the bot's first getUpdates; if its process ends first, show why."""
    polling = asyncio.ensure_future(standin.until_polling())
    exited = asyncio.ensure_future(bot.wait())
    done, pending = await asyncio.wait(
        {polling, exited}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()
    if polling in done:
        return
    tail = log_path.read_text(errors="replace").strip().splitlines()[-5:]
    state = f"exited with {bot.returncode}" if bot.returncode is not None else "is not polling"
    raise RuntimeError(f"the bot's process {state}; its log ends: {tail}")


def error_kind(error: BaseException) -> str:
    """An error without its chat ids and numbers, so that alike errors count together."""
    text = str(error).split(";")[0]  # a stand-in timeout adds the chat's last calls after ";"
    return f"{type(error).__name__}: {re.sub(r'[0-9.]+', 'N', text)}"


async def _follows(db: Path) -> int:
    """Follows the bot stored, read back from its database once it has stopped."""
    storage = await Storage.open(db)
    try:
        return sum(count for _, count in await storage.stats.top_followed(limit=1_000_000))
    finally:
        await storage.close()


def log_errors(path: Path) -> int:
    """Lines the bot logged at ERROR or CRITICAL (its log format puts the level second)."""
    lines = path.read_text(errors="replace").splitlines()
    return sum(1 for line in lines if " ERROR " in line or " CRITICAL " in line)


def _spread(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    p50, p99 = percentile(samples, 50), percentile(samples, 99)
    return f"p50 {p50 * 1000:7.1f} ms, p99 {p99 * 1000:7.1f} ms, max {max(samples) * 1000:7.1f} ms"


def report(outcome: RunFigures, users: int, rate: float) -> None:
    ceiling = "paid broadcast" if rate > FREE_RATE_CEILING else "no paid broadcast"
    updates, seconds = outcome.times.count, outcome.seconds
    print(
        f"[load] {users} attendees at once walk /start → /schedule → theme → session → "
        f"follow; the bot sends at {rate:g} messages/s ({ceiling}), in its own process"
    )
    print(
        f"  walks completed   {outcome.completed} of {outcome.walks}, "
        f"{outcome.errors.total()} errors; {outcome.follows_stored} follows stored"
    )
    for error, count in outcome.errors.most_common(5):
        print(f"    {count} × {error}")
    print(
        f"  updates handled   {updates} in {seconds:.1f} s = {updates / seconds:.0f} updates/s; "
        f"{outcome.messages} sends and edits = {outcome.messages / seconds:.0f}/s"
    )
    print("  latency per step  (user's update → the bot's reply or edit at the stand-in)")
    for step, samples in outcome.times.by_step.items():
        print(f"    {step:<15} {_spread(samples)}")
    print(f"    {'all steps':<15} {_spread(outcome.times.all())}")
    print(f"  429 answers       {outcome.too_many_requests}")
    print(f"  bot log errors    {outcome.bot_log_errors}")
    for name, usage in (("bot", outcome.bot), ("stand-in", outcome.standin)):
        print(
            f"  {name + ' process':<17} peak RSS {usage.peak_mb:.0f} MB "
            f"({usage.before_mb:.0f} MB before the walks); CPU {usage.cpu_seconds:.1f} s = "
            f"{usage.cpu_seconds / seconds:.0%} of a core"
        )
    print(f"  wall time         {seconds:.1f} s walking, {outcome.total_seconds:.1f} s in all")


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench load")
    parser.add_argument("--users", type=int, default=2_000, help="simulated attendees at once")
    parser.add_argument(
        "--rate",
        type=float,
        default=PAID_RATE_CEILING,
        help="the bot's VIDW_SEND_RATE; above 30 runs with paid broadcast (default 1000)",
    )
    args = parser.parse_args(argv)
    if not 0 < args.rate <= PAID_RATE_CEILING:
        parser.error(f"--rate must be above 0 and at most {PAID_RATE_CEILING:g}")
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        base = Settings.from_env({}, dotenv=None)
        outcome = await run(args.users, args.rate, Path(scratch), base)
    report(outcome, args.users, args.rate)
