"""Offline demo of the Zalo channel: you are a Zalo user; the bot answers in numbered text.

The real bot runs against both stand-ins on loopback (Telegram hosts the bot's jobs); what you
type goes to the Zalo stand-in as a message, and every message the bot sends back is printed.
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import replace
from pathlib import Path

from bot.config import Settings, Zalo
from channels.telegram.app import build_application
from channels.telegram.runner import running
from cli.demo import DEMO_START, QUIT
from standin.telegram import Limits, StandIn
from standin.zalo import ZaloStandIn, ZaloUser

DEMO_ZALO_ID = "8000000000000000001"
SETTLE_SECONDS = 0.4  # a reply may come in several messages (long texts, a poll after it)


async def run_zalo_demo(settings: Settings) -> None:
    with tempfile.TemporaryDirectory(prefix="vidw-demo-") as scratch:
        async with StandIn(limits=Limits(enforce=False)) as telegram, ZaloStandIn() as zalo:
            demo = replace(
                settings,
                token=telegram.token,
                base_url=telegram.base_url,
                db_path=Path(scratch) / "demo.db",
                rehearsal_start=settings.rehearsal_start or DEMO_START,
                zalo=Zalo(zalo.token, zalo.base_url, send_rate=50),
            )
            async with running(build_application(demo), poll_timeout=1):
                await _chat(zalo.user(DEMO_ZALO_ID, name="Demo"))


async def _chat(user: ZaloUser) -> None:
    print("VIDW 2025 bot on Zalo — offline demo. Write as on Zalo (try “xin chào”); /quit leaves.")
    while True:
        line = (await asyncio.to_thread(input, "\nyou> ")).strip()
        if not line:
            continue
        if line.lower() in QUIT:
            return
        mark = user.seq
        await user.send(line)
        try:
            await user.wait_for(since=mark, timeout=10)
        except TimeoutError:
            print("  (no answer)")
            continue
        await asyncio.sleep(SETTLE_SECONDS)
        for message in user.messages[mark:]:
            print(f"\n{message.text}")
