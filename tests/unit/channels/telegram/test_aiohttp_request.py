"""The aiohttp request backend (every call but uploads), against the stand-in over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from channels.telegram.aiohttp_request import AiohttpRequest
from standin.telegram import Limits, StandIn


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    async with StandIn(limits=Limits(enforce=False), timeout_hold=7.0) as server:
        yield server


@pytest.fixture
async def bot(standin: StandIn) -> AsyncIterator[Bot]:
    bot = Bot(
        standin.token,
        base_url=standin.base_url,
        base_file_url=standin.base_file_url,
        request=AiohttpRequest(2),
        get_updates_request=AiohttpRequest(1),
    )
    async with bot:
        yield bot


async def test_messages_arrive_and_uploads_are_refused_clearly(bot: Bot, standin: StandIn) -> None:
    user = standin.user(77, language_code="vi")
    await bot.send_message(77, "<b>Xin chào</b> Ninh Bình", parse_mode="HTML")
    (text,) = user.messages
    assert text.text == "Xin chào Ninh Bình"
    with pytest.raises(NetworkError, match="interactive"):  # PTB wraps backend errors
        await bot.send_document(77, b"a,b\n1,2\n", filename="kết-quả.csv")


async def test_telegram_errors_keep_their_meaning(bot: Bot, standin: StandIn) -> None:
    standin.user(78)
    standin.inject("429", method="sendMessage", retry_after=3)
    with pytest.raises(RetryAfter):
        await bot.send_message(78, "x")
    standin.block(78)
    with pytest.raises(Forbidden):
        await bot.send_message(78, "x")
    with pytest.raises(BadRequest, match="not found"):
        await bot.send_message(79, "x")  # a chat nobody opened
    standin.inject("500", method="sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(78, "x")


async def test_a_hanging_request_times_out(bot: Bot, standin: StandIn) -> None:
    standin.user(80)
    standin.inject("timeout", method="sendMessage")
    with pytest.raises(TimedOut):
        await bot.send_message(80, "x", read_timeout=0.5)


async def test_uploads_go_to_the_other_backend_with_their_names_intact(standin: StandIn) -> None:
    user = standin.user(81, language_code="vi")
    request = AiohttpRequest(2, uploads=HTTPXRequest(2))
    async with Bot(standin.token, base_url=standin.base_url, request=request) as bot:
        await bot.send_message(81, "Kết quả")
        await bot.send_document(81, b"a,b\n1,2\n", filename="kết-quả.csv")
    text, document = user.messages
    assert text.text == "Kết quả"
    assert document.document == ("kết-quả.csv", b"a,b\n1,2\n")
