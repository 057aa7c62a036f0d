"""Delivery engine: 10,000 recipients at Telegram's ceiling, at 1,000/s paid, and kill -9.

1. 30 messages/s overall and 1/s per chat, enforced by the stand-in (in this process), the
   bot in this process; an attendee asks /schedule every second while it runs.
2. The same at 1,000 messages/s (paid broadcast), the stand-in in its own process.
3. kill -9 of the bot (its own process) half way through (2.), then a restart.
"""

from __future__ import annotations

import asyncio
import signal
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.stats import peak_rss_mb, summary_ms
from bot.clock import Clock
from bot.config import Settings
from bot.delivery.sender import duplicate_bound
from bot.outgoing import Outgoing, Text
from bot.storage import Storage
from channels.telegram.app import BotApplication, build_application
from channels.telegram.runner import running
from standin.botproc import bot_environment, start_bot
from standin.telegram import Limits, RemoteStandIn, StandIn

FIRST_CHAT = 100_000
PROBE_USER = 99_999


def announcement(batch: str, count: int) -> list[Outgoing]:
    return [
        Outgoing(chat, Text(f"VIDW 2025: the roundtable starts soon ({chat})"), f"{batch}:{chat}")
        for chat in range(FIRST_CHAT, FIRST_CHAT + count)
    ]


async def prepare_db(path: Path, count: int, batch: str | None = None) -> None:
    storage = await Storage.open(path)
    try:
        now = Clock().now()
        users = [(chat, "en") for chat in range(FIRST_CHAT, FIRST_CHAT + count)]
        await storage.users.register_many(users, now)
        if batch is not None:
            await storage.outbox.enqueue(batch, "announcement", announcement(batch, count), now)
    finally:
        await storage.close()


def _settings(base: Settings, token: str, base_url: str, db: Path, **changes: Any) -> Settings:
    return replace(base, token=token, base_url=base_url, db_path=db, **changes)


async def _until_sent(bot: BotApplication, batch: str) -> None:
    delivery = bot.bot_data.deps.delivery
    while not (await delivery.progress(batch)).done:
        await asyncio.sleep(0.2)


async def ceiling(base: Settings, scratch: Path, count: int) -> None:
    db = scratch / "ceiling.db"
    await prepare_db(db, count)
    limits = Limits(global_rate=30, global_burst=30, chat_rate=1, chat_burst=1)
    async with StandIn(limits=limits, record_calls=False) as standin:
        standin.open_chats(FIRST_CHAT, count)
        app = build_application(_settings(base, standin.token, standin.base_url, db))
        async with running(app, poll_timeout=1):
            probe = standin.user(PROBE_USER, language_code="vi")
            await probe.ask("/start")
            await asyncio.sleep(1.1)  # Telegram's 1 message/s in the probe's own chat
            standin.stats.clear()
            latencies: list[float] = []
            started = time.perf_counter()
            await app.bot_data.deps.delivery.enqueue(
                "ceiling", "announcement", announcement("ceiling", count)
            )
            done = asyncio.create_task(_until_sent(app, "ceiling"))
            while not done.done():
                t0 = time.perf_counter()
                await probe.ask("/schedule", timeout=30)
                latencies.append(time.perf_counter() - t0)
                await asyncio.wait({done}, timeout=1.0)
            elapsed = time.perf_counter() - started
            progress = await app.bot_data.deps.delivery.progress("ceiling")
        stats = standin.stats
        recipients = range(FIRST_CHAT, FIRST_CHAT + count)
        reached = sum(1 for c in recipients if standin.user(c).messages)
        duplicates = sum(stats.duplicates[c] for c in recipients)  # the probe's asks excluded
    print(f"[30/s ceiling] {count} recipients, stand-in enforcing 30/s overall and 1/s per chat")
    print(f"  sustained rate    {stats.sustained_rate():.2f} messages/s (target ≥ 29.4)")
    print(f"  peak in any 1 s   {stats.peak()} messages")
    print(f"  elapsed           {elapsed:.1f} s (ideal {count / 30:.1f} s)")
    print(f"  429 answers       {stats.too_many_requests}")
    print(f"  lost              {count - reached} (sent {progress.sent}, failed {progress.failed})")
    print(f"  duplicates        {duplicates}")
    print(f"  /schedule during  {len(latencies)} asks: {summary_ms(latencies)}")
    print(f"  peak RSS          {peak_rss_mb():.0f} MB (bot and stand-in in this process)")


async def paid(base: Settings, scratch: Path, count: int) -> None:
    db = scratch / "paid.db"
    await prepare_db(db, count)
    limits = Limits(global_rate=1000, global_burst=1000, chat_rate=1, chat_burst=1)
    async with RemoteStandIn(limits=limits, open_chats=[(FIRST_CHAT, count)]) as standin:
        settings = _settings(
            base, standin.token, standin.base_url, db, send_rate=1000.0, paid_broadcast=True
        )
        app = build_application(settings)
        async with running(app, poll_timeout=1):
            await standin.reset()
            started = time.perf_counter()
            await app.bot_data.deps.delivery.enqueue(
                "paid", "announcement", announcement("paid", count)
            )
            await _until_sent(app, "paid")
            elapsed = time.perf_counter() - started
        stats = await standin.stats()
    print(f"[1,000/s paid broadcast] {count} recipients, stand-in in its own process")
    print(f"  sustained rate    {stats['sustained_rate']:.0f} messages/s (target ≥ 900)")
    print(f"  elapsed           {elapsed:.1f} s (ideal {count / 1000:.1f} s)")
    print(f"  429 answers       {stats['too_many_requests']}")
    print(f"  lost              {count - stats['chats_with_messages']}")
    print(f"  duplicates        {stats['duplicate_sends']}")


async def _bot_process(
    standin: RemoteStandIn, db: Path, base: Settings
) -> asyncio.subprocess.Process:
    env = bot_environment(base, standin.token, standin.base_url, db, send_rate=1000, paid=True)
    return await start_bot(env)


async def crash(base: Settings, scratch: Path, count: int) -> None:
    db = scratch / "crash.db"
    await prepare_db(db, count, batch="crash")
    limits = Limits(global_rate=1000, global_burst=1000, chat_rate=1, chat_burst=1)
    async with RemoteStandIn(limits=limits, open_chats=[(FIRST_CHAT, count)]) as standin:
        first = await _bot_process(standin, db, base)
        while (await standin.stats())["sent"] < count // 2:
            await asyncio.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        at_kill = (await standin.stats())["sent"]
        storage = await Storage.open(db)
        try:
            in_flight = await storage.outbox.by_status("sending")
        finally:
            await storage.close()
        second = await _bot_process(standin, db, base)
        while (await standin.stats())["chats_with_messages"] < count:
            await asyncio.sleep(0.1)
        second.send_signal(signal.SIGTERM)
        await second.wait()
        stats = await standin.stats()
    bound = duplicate_bound(1000)
    print(f"[kill -9 half way] {count} recipients at 1,000/s, bot in its own process")
    print(f"  delivered at kill {at_kill}; items marked in flight then: {in_flight}")
    print(f"  lost              {count - stats['chats_with_messages']}")
    print(
        f"  duplicates        {stats['duplicate_sends']} (bound: in flight + unrecorded = {bound})"
    )


async def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench delivery")
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--only", choices=("ceiling", "paid", "crash"))
    args = parser.parse_args(argv)
    base = Settings.from_env({}, dotenv=None)
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as tmp:
        scratch = Path(tmp)
        if args.only in (None, "paid"):
            await paid(base, scratch, args.recipients)
        if args.only in (None, "crash"):
            await crash(base, scratch, args.recipients)
        if args.only in (None, "ceiling"):
            await ceiling(base, scratch, args.recipients)
