"""bench console: the staff console with a crowd's data and many browsers watching.

A database with 10,000 attendees, 100,000 poll answers, follows and an announcement's outbox;
the real bot (Telegram stand-in) with its console. Figures:
- page time (p50/p99 of sequential GETs, logged in as an organizer) for every page in the
  console's menu, without and with the browsers watching (and 20 poll answers a second
  arriving, so that the results are counted again behind them);
- 200 browsers on the live page's event stream: the update delay, from a change in the
  database (a new attendee) until every browser has the new figure;
- the bot's interactive latency (an attendee's /start answered) without and with the
  browsers and the page load: it must not move.

python -m bench console [--users 10000] [--answers 100000] [--watchers 200] [--requests 40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import aiohttp

from bench.backup import fill
from bench.stats import peak_rss_mb, percentile, summary_ms
from bot.clock import Clock
from bot.config import Settings
from bot.deps import Deps
from bot.features.feedback.screens import RATING_KEYS
from bot.programme.loader import load_schedule
from bot.storage import Storage
from channels.telegram.app import build_application
from channels.telegram.runner import running
from standin.telegram import Limits, StandIn
from web.console.nav import MENU
from web.console.server import ConsoleServer

ORGANIZER = 42
CHANGES = 10  # database changes whose arrival at every browser is timed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _prepare(db: Path, users: int, answers: int) -> None:
    storage = await Storage.open(db)
    try:
        await fill(storage, users, answers)
        now = Clock().now()
        sessions = load_schedule(Settings.from_env({}, dotenv=None).schedule_path).sessions
        await storage.db.write_many(
            "INSERT OR IGNORE INTO follows (user_id, session_guid, created_at) VALUES (?, ?, ?)",
            [(u, sessions[u % len(sessions)].guid, now.isoformat()) for u in range(1, users + 1)],
        )
        # The announcement went out before the bench: figures to count, nothing left to send.
        await storage.db.write("UPDATE outbox SET status = 'sent' WHERE status = 'pending'")
    finally:
        await storage.close()


async def _login(deps: Deps, base: str) -> aiohttp.ClientSession:
    link = await deps.console.link(ORGANIZER)
    assert link is not None
    client = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with client.post(f"{base}/login", data={"t": link.split("t=", 1)[1]}) as response:
        if response.status != 200:
            raise RuntimeError(f"login failed: {response.status}")
    return client


async def _page_times(
    client: aiohttp.ClientSession, base: str, requests: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for entry in MENU:
        samples = times.setdefault(entry.path, [])
        for _ in range(requests):
            started = time.perf_counter()
            async with client.get(base + entry.path) as response:
                await response.read()
                if response.status != 200:
                    raise RuntimeError(f"{entry.path}: {response.status}")
            samples.append(time.perf_counter() - started)
    return times


async def _interactive(standin: StandIn, first_id: int, count: int) -> list[float]:
    samples = []
    for n in range(count):
        user = standin.user(first_id + n, first_name="A", language_code="en")
        started = time.perf_counter()
        await user.ask("/start", timeout=30)
        samples.append(time.perf_counter() - started)
    return samples


class Watchers:
    """`count` browsers on /live/stream, each keeping the last 'reachable' it was sent."""

    def __init__(self, client: aiohttp.ClientSession, base: str, count: int) -> None:
        self._client, self._base, self._count = client, base, count
        self.seen: list[str] = ["" for _ in range(count)]
        self.arrived: list[float] = [0.0 for _ in range(count)]
        self._tasks: list[asyncio.Task[None]] = []

    async def __aenter__(self) -> Watchers:
        self._tasks = [asyncio.create_task(self._watch(i)) for i in range(self._count)]
        async with asyncio.timeout(60):
            while not all(self.seen):
                await asyncio.sleep(0.05)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _watch(self, index: int) -> None:
        async with self._client.get(f"{self._base}/live/stream") as response:
            async for line in response.content:
                if line.startswith(b"data: "):
                    shown = json.loads(line[6:])["reachable"]  # "10.051" in Vietnamese
                    self.seen[index] = "".join(c for c in shown if c.isdigit())
                    self.arrived[index] = time.perf_counter()

    async def until_all_see(self, value: str) -> float:
        """Seconds until every browser shows `value`."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(30):
                while any(seen != value for seen in self.seen):
                    await asyncio.sleep(0.01)
        except TimeoutError:
            raise RuntimeError(
                f"after 30 s the browsers show {set(self.seen)}, not {value}"
            ) from None
        return max(self.arrived) - started


def _pages_line(label: str, times: dict[str, list[float]]) -> None:
    for path, samples in times.items():
        print(f"  {label:<16} GET {path:<12} {summary_ms(samples)}")


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench console")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--watchers", type=int, default=200)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args(argv)
    print(
        f"bench console: {args.users:,} attendees, {args.answers:,} answers, "
        f"{args.watchers} browsers watching"
    )
    with tempfile.TemporaryDirectory(prefix="vidw-bench-console-") as scratch:
        db = Path(scratch) / "vidw.db"
        started = time.perf_counter()
        await _prepare(db, args.users, args.answers)
        print(f"  database filled in {time.perf_counter() - started:.1f} s")
        async with StandIn(limits=Limits(enforce=False)) as telegram:
            port = _free_port()
            settings = replace(
                Settings.from_env({}, dotenv=None),
                token=telegram.token,
                base_url=telegram.base_url,
                db_path=db,
                organizers=frozenset({ORGANIZER}),
                console_listen=("127.0.0.1", port),
                health_listen=None,
            )
            server = ConsoleServer("127.0.0.1", port)
            app = build_application(settings, services=[server])
            async with running(app, poll_timeout=1):
                await telegram.until_polling()
                await _measure(app.bot_data.deps, telegram, f"http://127.0.0.1:{port}", args)
    print(f"  peak RSS {peak_rss_mb():.0f} MB (bot, stand-in and browsers in one process)")


@asynccontextmanager
async def _answers_arriving(deps: Deps, per_second: float) -> AsyncIterator[None]:
    """Poll answers keep coming in (the results page is counted again behind them)."""
    sessions = deps.programme.schedule.sessions

    async def trickle() -> None:
        n = 0
        while True:
            await deps.storage.feedback.answer(
                f"session:{sessions[n % len(sessions)].guid}",
                "rating",
                30_000_000 + n,
                [RATING_KEYS[n % len(RATING_KEYS)]],
                "en",
                deps.navigator.clock.now(),
            )
            n += 1
            await asyncio.sleep(1 / per_second)

    task = asyncio.create_task(trickle())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def _first_loads(client: aiohttp.ClientSession, base: str) -> dict[str, float]:
    """Each page once, after the start: what the first visitor waits (results are counted)."""
    first: dict[str, float] = {}
    for entry in MENU:
        started = time.perf_counter()
        async with client.get(base + entry.path) as response:
            await response.read()
        first[entry.path] = time.perf_counter() - started
    return first


async def _measure(deps: Deps, telegram: StandIn, base: str, args: argparse.Namespace) -> None:
    client = await _login(deps, base)
    async with client:
        first = await _first_loads(client, base)
        slowest = max(first, key=lambda path: first[path])
        print(f"  first load after the start: slowest GET {slowest} {first[slowest] * 1000:.0f} ms")
        await _interactive(telegram, 10_000_000, 5)  # warm up
        quiet = await _interactive(telegram, 10_000_100, 50)
        idle_pages = await _page_times(client, base, args.requests)
        watching_client = aiohttp.ClientSession(
            cookie_jar=client.cookie_jar, connector=aiohttp.TCPConnector(limit=0)
        )
        async with watching_client, Watchers(watching_client, base, args.watchers) as watchers:
            delays = []
            for n in range(CHANGES):
                await deps.storage.users.touch(20_000_000 + n, "vi", deps.navigator.clock.now())
                users = await deps.storage.stats.users_by_language()
                reachable = sum(r for r, _blocked in users.values())
                delays.append(await watchers.until_all_see(str(reachable)))
            async with _answers_arriving(deps, per_second=20):
                busy_pages = await _page_times(client, base, args.requests)
                busy = await _interactive(telegram, 10_001_000, 50)
    print(f"  interactive /start, quiet      {summary_ms(quiet)}")
    print(f"  interactive /start, watched    {summary_ms(busy)}")
    _pages_line("idle", idle_pages)
    _pages_line(f"{args.watchers} watching", busy_pages)
    worst = max(percentile(s, 99) for s in [*idle_pages.values(), *busy_pages.values()])
    print(f"  worst page p99 {worst * 1000:.0f} ms (goal ≤ 200 ms)")
    print(
        f"  update delay to all {args.watchers} browsers: p50 {percentile(delays, 50):.2f} s, "
        f"max {max(delays):.2f} s (goal ≤ 1 s)"
    )
