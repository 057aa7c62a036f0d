"""The staff console served by the real bot (its process, its event loop) against the stand-in."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from bot.deps import Deps
from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.robustness.test_health import free_port

ORGANIZER = 7001
STAFF = 7002
ATTENDEE = 7003
LINK = re.compile(r"(http://\S+/login\?t=[A-Za-z0-9_\-.=]+)")


@dataclass
class Console:
    app: BotApplication
    base: str  # http://127.0.0.1:<port>
    standin: StandIn

    @property
    def deps(self) -> Deps:
        return self.app.bot_data.deps

    async def link_by_chat(self, user_id: int, language: str = "en") -> str:
        """What /console answers in the Telegram chat: the link in it."""
        user = self.standin.user(user_id, first_name="Staff", language_code=language)
        reply = await user.ask("/console")
        found = LINK.search(reply.text or "")
        assert found, reply.text
        return found.group(1)

    async def session(self, user_id: int) -> aiohttp.ClientSession:
        """A client logged in as `user_id` (by a link from the chat)."""
        link = await self.link_by_chat(user_id)
        client = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        token = link.split("t=", 1)[1]
        async with client.post(f"{self.base}/login", data={"t": token}) as response:
            assert response.status == 200, await response.text()  # followed to the live page
        return client


@pytest.fixture
async def console(start_bot: RunningBot, standin: StandIn) -> AsyncIterator[Console]:
    async with console_running(start_bot, standin) as running:
        yield running


@asynccontextmanager
async def console_running(
    start_bot: RunningBot, standin: StandIn, **overrides: Any
) -> AsyncIterator[Console]:
    """The bot with its console on a free port, ORGANIZER and STAFF in their roles."""
    port = free_port()
    async with start_bot(
        console_listen=("127.0.0.1", port),
        organizers=frozenset({ORGANIZER}),
        staff=frozenset({STAFF}),
        **overrides,
    ) as app:
        await standin.until_polling()
        yield Console(app, f"http://127.0.0.1:{port}", standin)


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no CSRF field"
    return found.group(1)
