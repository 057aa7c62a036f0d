"""Offline demo of the Zalo channel: you are a Zalo user; the bot answers in numbered text.

The real bot runs against both stand-ins on loopback (Telegram and Zalo side by side); what you
type goes to the Zalo stand-in as a message, and every message the bot sends back is printed.
"""

from __future__ import annotations

import asyncio

from bot.config import Settings
from cli.demo_bot import offline_bot, typed_lines
from standin.zalo import ZaloStandIn, ZaloUser

DEMO_ZALO_ID = "8000000000000000001"
SETTLE_SECONDS = 0.4  # a reply may come in several messages (long texts, a poll after it)


async def run_zalo_demo(settings: Settings) -> None:
    async with ZaloStandIn() as zalo, offline_bot(settings, zalo):
        await _chat(zalo.user(DEMO_ZALO_ID, name="Demo"))


async def _chat(user: ZaloUser) -> None:
    print("VIDW 2025 bot on Zalo — offline demo. Write as on Zalo (try “xin chào”); /quit leaves.")
    async for line in typed_lines():
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
