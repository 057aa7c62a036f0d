"""Feedback polls answered by stand-in users, then the console started: what the results
pages are tested on (the poll flow as tests/e2e/feedback plays it)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.clock import Clock
from standin.telegram import ChatMessage, StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot
from tests.e2e.console.conftest import Console, console_running

TIMEOUT = 10.0
# (user, language, option index: 0 = 5 stars … 4 = 1 star, 5 = did not attend, None: no answer)
VOTERS = [(8301, "vi", 0), (8302, "vi", 1), (8303, "en", 0), (8304, "fr", 5), (8305, "en", None)]
COMMENT = "Rất bổ ích, cảm ơn Ban Tổ chức!"


def is_poll(message: ChatMessage) -> bool:
    return message.poll is not None


@pytest.fixture
async def answered(start_bot: RunningBot, standin: StandIn, clock: Clock) -> AsyncIterator[Console]:
    """Five followers of AIGOV polled after it, four answered (one in French did not attend),
    one left a comment; the console runs."""
    users = {uid: standin.user(uid, first_name="A", language_code=lang) for uid, lang, _ in VOTERS}
    async with start_bot():
        for user in users.values():
            card = await user.ask("/start s_AIGOV")
            await user.press(card, data="F:AIGOV")
    marks = {uid: user.seq for uid, user in users.items()}
    clock.set(at("2025-10-27T12:04:58.5+07:00"))  # AIGOV ends at 12:00, polls 5 minutes later
    async with console_running(start_bot, standin) as running:
        polls = {
            uid: await user.wait_for(is_poll, since=marks[uid], timeout=TIMEOUT)
            for uid, user in users.items()
        }
        for uid, _lang, option in VOTERS:
            if option is not None:
                mark = users[uid].seq
                await users[uid].answer_poll(polls[uid].poll["id"], [option])
                if option < 5:  # a rating is followed by the offer to comment
                    await users[uid].wait_for(since=mark, timeout=TIMEOUT)
        await users[8301].ask(COMMENT)
        store = running.deps.storage.feedback
        async with asyncio.timeout(TIMEOUT):
            while len(await store.all_answers()) < 4:
                await asyncio.sleep(0.02)
        yield running
