"""Soak: a bad hour of a live event in ten minutes, the world misbehaving all along.

    python -m bench soak [--minutes 10] [--users 2000] [--recipients 10000] [--rate 60]
                         [--lock 15] [--seed 15]

2,000 attendees arrive over the first three quarters of the run and each walks /start →
/schedule → a theme → a session → follow (bench load's walk), reading each screen 1 to 5 s;
a 10,000-recipient announcement is queued from this process, as `vidw-bot broadcast` queues
it from a terminal; one recipient in five follows the opening ceremony, whose reminders come
due during the run. Meanwhile, at seeded random instants within fixed stretches of the run,
the faults of a bad day: two 429 storms, scattered 5xx answers, a kill -9 of the bot in the
middle of the announcement (started again at once), a database lock of `--lock` seconds
(another process holds `BEGIN EXCLUSIVE`; the reminders come due inside it), and a short 502
outage of every method.

The bot runs in its own process as `vidw-bot run` runs it (its clock set with VIDW_NOW, carried
over the restart); the stand-in, enforcing the overall rate and about 1 message/s per chat, and
the attendees run in this one. Figures: bulk messages delivered / lost / duplicated / expired
(from what reached the recipients' chats, and the outbox), the attendees' reply latency inside
the lock and outside it, task restarts (the supervisor's, from each process's /metrics).

The default rate is 60 messages/s (paid broadcast): at Telegram's free 30/s the announcement
alone takes 5.6 minutes, and the attendees' replies take about 20 a second of the same pace.

Long (the run, then the backlog's drain): `python -m bench` without arguments leaves it out;
run it by name.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import ClassVar

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bench.delivery import FIRST_CHAT, announcement, prepare_db
from bench.load import (
    FIRST_USER,
    READY_TIMEOUT,
    STEPS,
    attendee,
    error_kind,
    log_errors,
    until_polling,
)
from bench.stats import percentile
from bench.walks import StepTimes
from bot.config import FREE_RATE_CEILING, PAID_RATE_CEILING, Settings
from bot.delivery.sender import duplicate_bound
from bot.programme.loader import load_schedule
from bot.programme.model import Session
from bot.storage import Storage
from bot.storage.outbox import FAILED, PENDING, SENDING
from standin.botproc import bot_environment, start_bot
from standin.common.sqlite_lock import database_locked
from standin.telegram import ChatMessage, Limits, StandIn
from standin.telegram.remote import terminate

REMINDED = "0c62a11b"  # the opening ceremony: no theme, not featured, nothing else due near it
LEAD = timedelta(minutes=15)  # the default lead time
FOLLOWER_EVERY = 5  # one recipient in five follows it
ANNOUNCED = "VIDW 2025: the roundtable"  # how bench delivery's announcement begins
REMINDER = "⏰"  # how a reminder begins, in every language
BATCH = "soak"
STEP_TIMEOUT = 25.0  # a reply held by the lock comes after it; none by then is an error
DRAIN_LIMIT = 300.0  # seconds after the run for the backlog to drain
SCRAPE_EVERY = 2.0
HEALTH_LINE = re.compile(r"health: http://[^:]+:(\d+)/healthz")
TASK_FAILED = re.compile(r"background task (\S+) failed")
LOCK_FELT = re.compile(r"the database takes writes again after ([\d.]+) s")
# (share of the run, fault): each at a random instant within ±2 % of the run around it.
PLAN = (
    (0.05, "announce"),
    (0.12, "429 storm"),
    (0.22, "kill -9"),
    (0.30, "5xx"),
    (0.38, "lock"),
    (0.55, "429 storm"),
    (0.70, "502 outage"),
)
ARRIVALS = 0.75  # attendees arrive over this share of the run
THINK = (1.0, 5.0)  # seconds a person reads a screen before the next tap
STORM = 40  # calls a 429 storm (or a 5xx spell) answers with its error
OUTAGE = 5.0  # seconds of the 502 outage


@dataclass(frozen=True)
class Config:
    seconds: float
    users: int
    recipients: int
    rate: float
    lock: float
    seed: int
    step_timeout: float = STEP_TIMEOUT


@dataclass(frozen=True)
class Window:
    """A fault under way, on this process's perf_counter clock."""

    kind: str
    start: float
    end: float

    def overlaps(self, start: float, seconds: float) -> bool:
        return start < self.end and start + seconds > self.start


class TimedSteps(StepTimes):
    """StepTimes that also keep when each step began, to tell which fault it met, and let the
    attendee read each screen before the next step: `answer` (the tap) is not sent until
    awaited."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__(STEPS)
        self.samples: list[tuple[float, float]] = []  # (began, seconds)
        self._rng = rng

    async def timed(self, step: str, answer: Awaitable[ChatMessage]) -> ChatMessage:
        await asyncio.sleep(self._rng.uniform(*THINK))
        began = time.perf_counter()
        message = await super().timed(step, answer)
        self.samples.append((began, time.perf_counter() - began))
        return message


class BotProcesses:
    """The bot in its own process, its clock carried over a kill -9 and restart, and the task
    restarts its supervisor reported on /metrics (as last scraped, per process)."""

    def __init__(self, env: dict[str, str], scratch: Path, starts_at: datetime) -> None:
        self._env = env
        self._scratch = scratch
        self._starts_at = starts_at  # the bot's clock at the first launch
        self._launched = 0.0
        self.process: asyncio.subprocess.Process | None = None
        self.logs: list[Path] = []
        self.restarts: list[Counter[str]] = []  # per process: task -> restarts
        self._port: int | None = None

    def now(self) -> datetime:
        """The bot's clock (VIDW_NOW runs in real time from the launch)."""
        return self._starts_at + timedelta(seconds=time.perf_counter() - self._launched)

    async def start(self) -> asyncio.subprocess.Process:
        if not self.logs:
            self._launched = time.perf_counter()
        log = self._scratch / f"bot-{len(self.logs) + 1}.log"
        self.logs.append(log)
        self.restarts.append(Counter())
        self._port = None
        env = {**self._env, "VIDW_NOW": self.now().isoformat()}
        with log.open("wb") as out:
            self.process = await start_bot(env, stderr=out)
        return self.process

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def until_serving(self) -> None:
        """Until the latest process serves /healthz (its log names the port)."""
        async with asyncio.timeout(READY_TIMEOUT):
            while self._port is None:
                found = HEALTH_LINE.search(self.logs[-1].read_text(errors="replace"))
                if found:
                    self._port = int(found.group(1))
                else:
                    await asyncio.sleep(0.05)

    async def scrape(self) -> None:
        if self._port is None:
            return
        url = f"http://127.0.0.1:{self._port}/metrics"
        try:
            async with aiohttp.ClientSession() as session, session.get(url) as response:
                text = await response.text()
        except aiohttp.ClientError:
            return  # killed, or not yet listening: the last scrape stands
        latest: Counter[str] = Counter()
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "vidw_task_restarts_total":
                    latest[sample.labels["task"]] += int(sample.value)
        self.restarts[-1] = latest

    async def scrape_loop(self) -> None:
        while True:
            await self.scrape()
            await asyncio.sleep(SCRAPE_EVERY)

    def task_restarts(self) -> Counter[str]:
        return sum(self.restarts, Counter())

    def logged(self, pattern: re.Pattern[str]) -> list[str]:
        """The first group of each match of `pattern` in the processes' logs."""
        found: list[str] = []
        for log in self.logs:
            found += pattern.findall(log.read_text(errors="replace"))
        return found


@dataclass
class Figures:
    config: Config
    windows: list[Window]
    times: TimedSteps
    walk_errors: Counter[str]
    recipients: int
    delivered: int  # recipients whose chat got the announcement
    announcement_duplicates: int
    followers: int
    reminded: int  # followers whose chat got the reminder
    reminder_duplicates: int
    outbox: dict[tuple[str, str], int]
    task_restarts: Counter[str]
    failures_logged: Counter[str]  # "background task X failed", by task
    lock_felt: list[float]  # seconds the bot could not write, as it logged them
    kills: int
    run_seconds: float
    drain_seconds: float
    bot_log_errors: int
    reminders_missed: int
    too_many_requests: int
    injected_429: int
    server_errors: int
    started: float  # perf_counter at the run's start, for the faults' instants

    @property
    def expired(self) -> int:
        return sum(n for (_, status), n in self.outbox.items() if status == "expired")

    @property
    def lost(self) -> int:
        """Messages that reached no chat and did not expire."""
        return self.recipients - self.delivered + self.followers - self.reminded - self.expired

    @property
    def duplicates(self) -> int:
        return self.announcement_duplicates + self.reminder_duplicates

    @property
    def duplicate_bound(self) -> int:
        return self.kills * duplicate_bound(self.config.rate)

    def latencies(self, *, in_lock: bool) -> list[float]:
        locks = [w for w in self.windows if w.kind == "lock"]
        return [
            seconds
            for began, seconds in self.times.samples
            if any(w.overlaps(began, seconds) for w in locks) == in_lock
        ]

    def outside_by_fault(self) -> dict[str, list[float]]:
        """Replies outside the lock by the fault they met ("calm": none)."""
        kinds: dict[str, list[float]] = {}
        for began, seconds in self.times.samples:
            met = [w.kind for w in self.windows if w.overlaps(began, seconds)]
            if "lock" not in met:
                kinds.setdefault(met[0] if met else "calm", []).append(seconds)
        return kinds


def reminded_session(base: Settings) -> Session:
    schedule = load_schedule(base.schedule_path)
    return next(s for s in schedule.sessions if s.guid.startswith(REMINDED))


async def prepare(db: Path, config: Config, session: Session, now: datetime) -> list[int]:
    """The recipients registered (bench delivery's); one in five follows `session`."""
    await prepare_db(db, config.recipients)
    followers = list(range(FIRST_CHAT, FIRST_CHAT + config.recipients, FOLLOWER_EVERY))
    storage = await Storage.open(db)
    try:
        for chat in followers:
            await storage.follows.follow(chat, session.guid, now - timedelta(hours=1))
    finally:
        await storage.close()
    return followers


def schedule(config: Config, rng: random.Random) -> list[tuple[float, str]]:
    """Seconds into the run, and what happens then."""
    jitter = 0.02 * config.seconds
    return [(share * config.seconds + rng.uniform(-jitter, jitter), what) for share, what in PLAN]


async def _until_cleared(standin: StandIn) -> None:
    while standin.faults_left:
        await asyncio.sleep(0.1)


class Faults:
    """Does what the plan says at its instant and records each fault's window."""

    def __init__(
        self, standin: StandIn, bots: BotProcesses, db: Path, config: Config, rng: random.Random
    ) -> None:
        self._standin, self._bots, self._db = standin, bots, db
        self._config, self._rng = config, rng
        self.windows: list[Window] = []
        self.kills = 0
        self.injected_429 = 0

    async def run(self, plan: list[tuple[float, str]], started: float) -> None:
        for at, what in plan:
            await asyncio.sleep(max(0.0, started + at - time.perf_counter()))
            began = time.perf_counter()
            await self._actions[what](self)
            if what != "announce":
                self.windows.append(Window(what, began, time.perf_counter()))

    async def _announce(self) -> None:
        storage = await Storage.open(self._db)
        try:
            items = announcement(BATCH, self._config.recipients)
            await storage.outbox.enqueue(BATCH, "announcement", items, self._bots.now())
        finally:
            await storage.close()

    async def _storm(self) -> None:
        retry_after = self._rng.choice((1, 2, 3))
        self._standin.inject("429", times=STORM, retry_after=retry_after)
        self.injected_429 += STORM
        await _until_cleared(self._standin)

    async def _server_errors(self) -> None:
        for _ in range(STORM):
            self._standin.inject(self._rng.choice(("500", "502")))
        await _until_cleared(self._standin)

    async def _kill(self) -> None:
        await self._bots.kill()
        self.kills += 1
        await self._bots.start()
        await self._bots.until_serving()

    async def _lock(self) -> None:
        async with database_locked(self._db):
            await asyncio.sleep(self._config.lock)

    async def _outage(self) -> None:
        self._standin.outage("502", seconds=OUTAGE)
        await asyncio.sleep(OUTAGE)

    _actions: ClassVar[dict[str, Callable[[Faults], Awaitable[None]]]] = {
        "announce": _announce,
        "429 storm": _storm,
        "kill -9": _kill,
        "5xx": _server_errors,
        "lock": _lock,
        "502 outage": _outage,
    }


async def _drained(db: Path) -> dict[tuple[str, str], int]:
    """The outbox by (kind, status) once nothing is left to send (or the limit has passed)."""
    storage = await Storage.open(db)
    try:
        async with asyncio.timeout(DRAIN_LIMIT):
            while True:
                depth = await storage.outbox.depth()
                if not any(status in (PENDING, SENDING) for _, status in depth):
                    return depth
                await asyncio.sleep(0.5)
    except TimeoutError:
        return await storage.outbox.depth()
    finally:
        await storage.close()


async def _missed(db: Path) -> int:
    storage = await Storage.open(db)
    try:
        return int(await storage.state.get("reminders.missed") or 0)
    finally:
        await storage.close()


def _received(standin: StandIn, chats: range | list[int], start: str) -> tuple[int, int]:
    """How many of `chats` got a message beginning with `start`, and how many got it again."""
    reached = again = 0
    for chat in chats:
        count = sum(1 for m in standin.user(chat).messages if m.text.startswith(start))
        reached += count > 0
        again += max(0, count - 1)
    return reached, again


async def run(config: Config, scratch: Path, base: Settings) -> Figures:
    rng = random.Random(config.seed)
    plan = schedule(config, rng)
    lock_at = next(at for at, what in plan if what == "lock")
    session = reminded_session(base)
    # The bot's clock starts so that the reminders come due half way through the lock.
    starts_at = session.start - LEAD - timedelta(seconds=lock_at + config.lock / 2)
    db = scratch / "soak.db"
    followers = await prepare(db, config, session, starts_at)
    recipients = range(FIRST_CHAT, FIRST_CHAT + config.recipients)
    limits = Limits(global_rate=config.rate, global_burst=max(30, int(config.rate)))
    async with StandIn(limits=limits, record_calls=False) as standin:
        standin.open_chats(FIRST_CHAT, config.recipients)
        crowd = [
            standin.user(FIRST_USER + i, f"Attendee {i}", ("vi", "en", "fr")[i % 3])
            for i in range(config.users)
        ]
        paid = config.rate > FREE_RATE_CEILING
        env = bot_environment(
            base, standin.token, standin.base_url, db, send_rate=config.rate, paid=paid
        )
        bots = BotProcesses(env, scratch, starts_at)
        process = await bots.start()
        try:
            await until_polling(standin, process, bots.logs[0])
            await bots.until_serving()
            scraping = asyncio.create_task(bots.scrape_loop())
            faults = Faults(standin, bots, db, config, rng)
            arrivals = random.Random(config.seed + 1)
            times = TimedSteps(arrivals)
            started = time.perf_counter()
            injecting = asyncio.create_task(faults.run(plan, started))

            async def arrive(i: int) -> None:
                await asyncio.sleep(arrivals.uniform(0, ARRIVALS * config.seconds))
                await attendee(crowd[i], i, times, config.step_timeout)

            walks = await asyncio.gather(
                *(arrive(i) for i in range(config.users)), return_exceptions=True
            )
            await injecting
            await asyncio.sleep(max(0.0, started + config.seconds - time.perf_counter()))
            run_seconds = time.perf_counter() - started
            outbox = await _drained(db)
            drain_seconds = time.perf_counter() - started - run_seconds
            await bots.scrape()
            scraping.cancel()
        finally:
            if bots.process is not None:
                await terminate(bots.process)
        delivered, announcement_again = _received(standin, recipients, ANNOUNCED)
        reminded, reminder_again = _received(standin, followers, REMINDER)
        stats = standin.stats
        too_many = stats.too_many_requests
        server_errors = stats.by_status[500] + stats.by_status[502]
    return Figures(
        config=config,
        windows=faults.windows,
        times=times,
        walk_errors=Counter(error_kind(w) for w in walks if isinstance(w, BaseException)),
        recipients=config.recipients,
        delivered=delivered,
        announcement_duplicates=announcement_again,
        followers=len(followers),
        reminded=reminded,
        reminder_duplicates=reminder_again,
        outbox=outbox,
        task_restarts=bots.task_restarts(),
        failures_logged=Counter(bots.logged(TASK_FAILED)),
        lock_felt=[float(s) for s in bots.logged(LOCK_FELT)],
        kills=faults.kills,
        run_seconds=run_seconds,
        drain_seconds=drain_seconds,
        bot_log_errors=sum(log_errors(log) for log in bots.logs),
        reminders_missed=await _missed(db),
        too_many_requests=too_many,
        injected_429=faults.injected_429,
        server_errors=server_errors,
        started=started,
    )


def _spread(samples: list[float]) -> str:
    if not samples:
        return "no replies"
    p50, p99 = percentile(samples, 50), percentile(samples, 99)
    return f"{len(samples)} replies, p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms"


def report(figures: Figures) -> None:
    config = figures.config
    print(
        f"[soak] {config.seconds / 60:g} min: {config.users} attendees browsing, a "
        f"{config.recipients}-recipient announcement, {figures.followers} reminders due; "
        f"{config.rate:g} messages/s, seed {config.seed}; bot in its own process"
    )
    faults = (
        f"{w.kind} at {w.start - figures.started:.0f} s for {w.end - w.start:.1f} s"
        for w in figures.windows
    )
    print("  faults            " + "; ".join(faults))
    print(
        f"  delivered         {figures.delivered + figures.reminded} of "
        f"{figures.recipients + figures.followers} (announcement {figures.delivered} of "
        f"{figures.recipients}, reminders {figures.reminded} of {figures.followers})"
    )
    print(f"  lost              {figures.lost}")
    print(
        f"  duplicates        {figures.duplicates} (announcement "
        f"{figures.announcement_duplicates}, reminders {figures.reminder_duplicates}; bound: "
        f"{figures.kills} kill × {duplicate_bound(config.rate)} in flight + unrecorded = "
        f"{figures.duplicate_bound})"
    )
    print(
        f"  expired           {figures.expired} (reminders counted missed: "
        f"{figures.reminders_missed})"
    )
    failed = sum(n for (_, status), n in figures.outbox.items() if status == FAILED)
    print(f"  outbox at the end {dict(sorted(figures.outbox.items()))}; failed {failed}")
    print(f"  replies outside the lock  {_spread(figures.latencies(in_lock=False))}")
    print(f"  replies inside the lock   {_spread(figures.latencies(in_lock=True))}")
    for kind, samples in sorted(figures.outside_by_fault().items()):
        print(f"    during {kind:<12} {_spread(samples)}")
    walks = config.users - figures.walk_errors.total()
    print(f"  walks completed   {walks} of {config.users}")
    for error, count in figures.walk_errors.most_common(5):
        print(f"    {count} × {error}")
    restarts = figures.task_restarts
    shown = ", ".join(f"{task} {n}" for task, n in restarts.most_common()) or "none"
    print(f"  task restarts     {restarts.total()} ({shown}); bot processes {figures.kills + 1}")
    logged = ", ".join(f"{t} {n}" for t, n in figures.failures_logged.most_common()) or "none"
    felt = ", ".join(f"{s:g} s" for s in figures.lock_felt) or "never"
    print(f"  failures logged   {logged}; writes refused by the lock for {felt}")
    print(
        f"  stand-in answered {figures.too_many_requests} × 429 ({figures.injected_429} "
        f"injected, the rest by its limits), {figures.server_errors} × 500/502"
    )
    print(f"  bot log errors    {figures.bot_log_errors}")
    print(
        f"  wall time         {figures.run_seconds:.0f} s run, then "
        f"{figures.drain_seconds:.0f} s until the outbox was drained"
    )


def parse(argv: list[str]) -> Config:
    parser = argparse.ArgumentParser(prog="python -m bench soak")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--users", type=int, default=2_000, help="attendees browsing")
    parser.add_argument("--recipients", type=int, default=10_000, help="of the announcement")
    parser.add_argument("--rate", type=float, default=60.0, help="VIDW_SEND_RATE (messages/s)")
    parser.add_argument("--lock", type=float, default=15.0, help="seconds the database is locked")
    parser.add_argument("--seed", type=int, default=15, help="for the faults' random instants")
    args = parser.parse_args(argv)
    if not 0 < args.rate <= PAID_RATE_CEILING:
        parser.error(f"--rate must be above 0 and at most {PAID_RATE_CEILING:g}")
    if args.minutes <= 0 or args.users < 1 or args.recipients < FOLLOWER_EVERY or args.lock <= 0:
        parser.error("--minutes and --lock above 0, --users at least 1, --recipients at least 5")
    return Config(args.minutes * 60, args.users, args.recipients, args.rate, args.lock, args.seed)


async def main(argv: list[str]) -> None:
    config = parse(argv)
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        base = Settings.from_env({}, dotenv=None)
        figures = await run(config, Path(scratch), base)
    report(figures)
