"""10,000 attendees reminded of the Ministerial Roundtable (featured: everyone gets it).

The bot's clock starts two seconds before the reminder comes due (15 minutes before the
roundtable); the stand-in enforces 30 messages/s overall and 1/s per chat. Figures: delay from
the due instant to the first reminder delivered, time to the last one against the ideal
10,000 / 30 s, and peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bench.stats import peak_rss_mb
from bot.clock import Clock
from bot.config import Settings
from bot.programme.loader import load_schedule
from bot.storage import Storage
from channels.telegram.app import build_application
from channels.telegram.runner import running
from standin.telegram import Limits, StandIn

FIRST_CHAT = 200_000
LEAD = timedelta(minutes=15)  # the default lead time
WARM_UP = 2.0  # seconds between the bot's start and the due instant


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench reminders")
    parser.add_argument("--attendees", type=int, default=10_000)
    args = parser.parse_args(argv)
    count = args.attendees
    base = Settings.from_env({}, dotenv=None)
    roundtable = load_schedule(base.schedule_path).featured()[0]
    due = roundtable.start - LEAD
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        db = Path(scratch) / "reminders.db"
        storage = await Storage.open(db)
        users = [(FIRST_CHAT + i, ("vi", "en", "fr")[i % 3]) for i in range(count)]
        await storage.users.register_many(users, due - timedelta(days=1))
        await storage.close()
        limits = Limits(global_rate=30, global_burst=30, chat_rate=1, chat_burst=1)
        async with StandIn(limits=limits, record_calls=False) as standin:
            standin.open_chats(FIRST_CHAT, count)
            settings = replace(base, token=standin.token, base_url=standin.base_url, db_path=db)
            clock = Clock(due - timedelta(seconds=WARM_UP))
            due_tick = time.monotonic() + WARM_UP  # when the bot's clock reaches `due`
            app = build_application(settings, clock=clock)
            async with running(app, poll_timeout=1):
                delivery = app.bot_data.deps.delivery
                batch = f"reminder:{roundtable.guid}"
                while (await delivery.progress(batch)).total < count or not (
                    await delivery.progress(batch)
                ).done:
                    await asyncio.sleep(0.5)
            times = standin.stats.send_times
            reached = sum(
                1 for c in range(FIRST_CHAT, FIRST_CHAT + count) if standin.user(c).messages
            )
            duplicates = sum(
                standin.stats.duplicates[c] for c in range(FIRST_CHAT, FIRST_CHAT + count)
            )
            too_many = standin.stats.too_many_requests
    first, last = times[0] - due_tick, times[-1] - due_tick
    ideal = count / 30
    print(f"[reminders] {count} attendees, the featured roundtable, 30/s and 1/s per chat")
    print(f"  first reminder    {first:.2f} s after the due instant (target ≤ 1 s)")
    gap = (last / ideal - 1) * 100
    print(
        f"  last reminder     {last:.1f} s after it; ideal {ideal:.1f} s ({gap:+.1f} %; target ±5)"
    )
    print(
        f"  delivered         {reached} of {count}; duplicates {duplicates}; 429 answers {too_many}"
    )
    print(f"  peak RSS          {peak_rss_mb():.0f} MB (bot and stand-in in this process)")
