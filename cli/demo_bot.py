"""The real bot offline, as both demos run it: the stand-ins on loopback, a scratch database,
and what you type."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.config import Settings, Zalo
from bot.deps import Deps
from channels.telegram.runner import running
from cli.compose import telegram_application
from standin.telegram import Limits, StandIn
from standin.zalo import ZaloStandIn

DEMO_ORGANIZER_ID = 1000  # the demo's organizer: the console's login link is theirs
QUIT = frozenset({"/quit", "quit", "exit", "/exit"})
# Without VIDW_NOW the demo lives on the opening morning, so "now" has something to show.
DEMO_START = datetime(2025, 10, 27, 10, 15, tzinfo=timezone(timedelta(hours=7)))
ZALO_SEND_RATE = 50.0  # the stand-in has no limit: answer at once


def demo_settings(
    settings: Settings, telegram: StandIn, db_path: Path, zalo: ZaloStandIn | None = None
) -> Settings:
    """`settings` pointed at the stand-ins and a database of its own."""
    demo = replace(
        settings,
        token=telegram.token,
        base_url=telegram.base_url,
        db_path=db_path,
        rehearsal_start=settings.rehearsal_start or DEMO_START,
        organizers=settings.organizers | {DEMO_ORGANIZER_ID},
    )
    if zalo is None:
        return demo
    return replace(demo, zalo=Zalo(zalo.token, zalo.base_url, send_rate=ZALO_SEND_RATE))


@asynccontextmanager
async def offline_bot(
    settings: Settings, zalo: ZaloStandIn | None = None
) -> AsyncIterator[StandIn]:
    """The bot running against a Telegram stand-in, and `zalo` beside it if given; yields the
    Telegram stand-in. The database goes when the demo ends."""
    with tempfile.TemporaryDirectory(prefix="vidw-demo-") as scratch:
        async with StandIn(limits=Limits(enforce=False)) as telegram:
            demo = demo_settings(settings, telegram, Path(scratch) / "demo.db", zalo)
            app = telegram_application(demo)
            async with running(app, poll_timeout=1):
                await _print_console_link(app.bot_data.deps)
                yield telegram


async def _print_console_link(deps: Deps) -> None:
    if deps.settings.console_listen is None:
        return
    link = await deps.console.link(DEMO_ORGANIZER_ID)
    print(f"Staff console (as the demo organizer, one use, 10 minutes): {link}\n")


async def typed_lines() -> AsyncIterator[str]:
    """What the attendee types, a line at a time (blank ones skipped), until a quit word."""
    while True:
        line = (await asyncio.to_thread(input, "\nyou> ")).strip()
        if not line:
            continue
        if line.lower() in QUIT:
            return
        yield line
