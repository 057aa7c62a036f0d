"""Poll answers recorded per second through the whole update pipeline.

The bot sends N feedback polls (at the paid 1,000 messages/s ceiling, so this takes seconds)
to a stand-in in its own process; then all N attendees answer at once: the stand-in serves the
PollAnswer updates over getUpdates, PTB parses them, the handler maps each poll id back to its
session and stores the answer by option key. Timed from the answers being cast to the last one
stored.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.stats import peak_rss_mb
from bot.config import Settings
from bot.features.feedback.service import FEEDBACK_KIND
from bot.outgoing import Outgoing, Poll
from bot.storage import Storage
from bot.ui.view import View
from channels.telegram.app import build_application
from channels.telegram.runner import running
from standin.telegram import Limits, RemoteStandIn

FIRST_CHAT = 300_000
ABSENT = 5  # "I did not attend": stored, and no comment offer is sent back


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench polls")
    parser.add_argument("--answers", type=int, default=5_000)
    count = parser.parse_args(argv).answers
    base = Settings.from_env({}, dotenv=None)
    chats = list(range(FIRST_CHAT, FIRST_CHAT + count))
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        db = Path(scratch) / "polls.db"
        limits = Limits(enforce=False)
        async with RemoteStandIn(limits=limits, open_chats=[(FIRST_CHAT, count)]) as standin:
            settings = replace(
                base,
                token=standin.token,
                base_url=standin.base_url,
                db_path=db,
                send_rate=1000.0,
                paid_broadcast=True,
            )
            app = build_application(settings)
            async with running(app, poll_timeout=1):
                deps = app.bot_data.deps
                storage: Storage = deps.storage
                navigator = deps.navigator
                session = navigator.schedule.sessions[0]
                await storage.users.register_many([(c, "en") for c in chats], navigator.clock.now())
                view = View(navigator.catalogs["en"], navigator.schedule, navigator.clock.now())
                payload = Poll(deps.feedback.rating_request(view, session))
                items = [Outgoing(c, payload, f"bench:{c}") for c in chats]
                await deps.delivery.enqueue("bench-polls", FEEDBACK_KIND, items)
                while not (await deps.delivery.progress("bench-polls")).done:
                    await asyncio.sleep(0.2)
                await asyncio.sleep(0.5)  # the last poll ids are recorded by the send hook
                started = time.perf_counter()
                await standin.answer_polls(chats, [ABSENT])
                while await _stored(storage, session.guid) < count:
                    await asyncio.sleep(0.02)
                seconds = time.perf_counter() - started
    rate = count / seconds
    print(f"[poll answers] {count} attendees answer at once; stand-in in its own process")
    print(f"  recorded          {count} answers in {seconds:.2f} s = {rate:.0f}/s (target ≥ 2,000)")
    print(f"  peak RSS          {peak_rss_mb():.0f} MB (the bot's process)")


async def _stored(storage: Storage, guid: str) -> int:
    results = await storage.feedback.results(f"session:{guid}", "rating")
    return sum(sum(per.values()) for per in results.values())
