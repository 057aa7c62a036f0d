"""The stand-in in its own process: a real PTB Bot here, stats and controls over /_standin/."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from standin.telegram import Limits, RemoteStandIn

FIRST, COUNT = 5000, 100
FROZEN = 0.001  # no token comes back during a test


@pytest.fixture
async def remote() -> AsyncIterator[RemoteStandIn]:
    async with RemoteStandIn(limits=Limits(enforce=False), open_chats=[(FIRST, COUNT)]) as child:
        yield child
    assert child.process.returncode == 0  # stopped by SIGTERM, cleanly


@pytest.fixture
async def bot(remote: RemoteStandIn) -> AsyncIterator[Bot]:
    async with Bot(
        remote.token, base_url=remote.base_url, base_file_url=remote.base_file_url
    ) as plain_bot:
        yield plain_bot


async def test_sends_are_counted_and_a_repeated_text_is_a_duplicate(
    bot: Bot, remote: RemoteStandIn
) -> None:
    chats = range(FIRST, FIRST + 50)
    await asyncio.gather(*(bot.send_message(chat, f"Reminder for {chat}") for chat in chats))
    stats = await remote.stats()
    assert (stats["sent"], stats["chats_with_messages"], stats["duplicate_chats"]) == (50, 50, 0)
    assert stats["by_method"]["sendMessage"] == 50
    assert stats["by_status"]["200"] == 51  # and the getMe of Bot.initialize

    await bot.send_message(FIRST, f"Reminder for {FIRST}")
    stats = await remote.stats()
    assert (stats["sent"], stats["duplicate_chats"], stats["duplicate_sends"]) == (51, 1, 1)

    await remote.reset()
    assert (await remote.stats())["sent"] == 0


async def test_only_the_opened_chats_exist(bot: Bot, remote: RemoteStandIn) -> None:
    await bot.send_message(FIRST + COUNT - 1, "last")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(FIRST + COUNT, "one too far")


async def test_limits_set_at_run_time_answer_429(bot: Bot, remote: RemoteStandIn) -> None:
    limits = await remote.set_limits(enforce=True, global_rate=FROZEN, global_burst=2)
    assert limits == Limits(global_rate=FROZEN, global_burst=2)  # other fields kept
    await bot.send_message(FIRST, "one")
    await bot.send_message(FIRST + 1, "two")
    with pytest.raises(RetryAfter):
        await bot.send_message(FIRST + 2, "three")
    assert (await remote.stats())["too_many_requests"] == 1
    await remote.set_limits(enforce=False)
    await bot.send_message(FIRST + 2, "three")


async def test_injected_faults_and_blocks(bot: Bot, remote: RemoteStandIn) -> None:
    await remote.inject("500", method="sendMessage", chat_id=FIRST)
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(FIRST, "Hi")
    assert type(caught.value) is NetworkError
    await bot.send_message(FIRST, "Hi")  # the fault was used up
    await remote.block(FIRST + 1)
    with pytest.raises(Forbidden):
        await bot.send_message(FIRST + 1, "Hi")
    with pytest.raises(ValueError, match="unknown fault kind"):
        await remote.inject("418")  # type: ignore[arg-type]


async def test_a_child_that_cannot_listen_is_reported() -> None:
    with pytest.raises(RuntimeError, match="did not get ready"):
        async with RemoteStandIn(host="256.0.0.1"):
            pass
