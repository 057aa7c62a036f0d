"""Inline mode on the stand-in: inline-query updates PTB parses, answerInlineQuery checked
as Telegram checks it, a user typing a query through the admin API; sendLocation; photos by
URL."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.error import BadRequest

from standin.telegram import StandIn


def article(ident: str, title: str = "Roundtable") -> InlineQueryResultArticle:
    return InlineQueryResultArticle(ident, title, InputTextMessageContent(f"<b>{title}</b>"))


async def test_a_typed_inline_query_reaches_the_bot_and_its_answer_is_recorded(
    bot: Bot, standin: StandIn
) -> None:
    user = standin.user(31, language_code="vi")
    query_id = user.type_inline("roundtable", offset="20")
    (update,) = await bot.get_updates()
    query = update.inline_query
    assert query is not None and query.id == query_id
    assert (query.query, query.offset, query.from_user.language_code) == ("roundtable", "20", "vi")
    await bot.answer_inline_query(
        query_id, [article("AIGOV")], cache_time=5, is_personal=True, next_offset="40"
    )
    answer = user.inline_answers[query_id]
    assert answer.titles == ["Roundtable"] and answer.next_offset == "40"
    assert answer.cache_time == 5 and answer.is_personal


@pytest.mark.parametrize(
    ("results", "error"),
    [
        ([article(str(i)) for i in range(51)], "RESULTS_TOO_MUCH"),
        ([article("x" * 65)], "RESULT_ID_INVALID"),
        ([article("AIGOV"), article("AIGOV")], "RESULT_ID_DUPLICATE"),
        ([article("AIGOV", title=" ")], "RESULT_TITLE_EMPTY"),
    ],
)
async def test_answers_outside_telegrams_limits_are_refused(
    bot: Bot, standin: StandIn, results: list[InlineQueryResultArticle], error: str
) -> None:
    query_id = standin.user(32).type_inline("ai")
    with pytest.raises(BadRequest):
        await bot.answer_inline_query(query_id, results)
    assert standin.calls[-1].error == f"Bad Request: {error}"
    await bot.answer_inline_query(query_id, [article("ok")])  # still open: nothing was taken


async def test_a_query_is_answered_once(bot: Bot, standin: StandIn) -> None:
    query_id = standin.user(33).type_inline("ai")
    await bot.answer_inline_query(query_id, [])
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query(query_id, [])
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query("forged", [])


async def test_the_admin_api_plays_a_user_typing_and_returns_the_answer(
    bot: Bot, standin: StandIn
) -> None:
    async def answer_one() -> None:
        while True:
            for update in await bot.get_updates(timeout=1):
                if update.inline_query is not None:
                    await update.inline_query.answer([article("AIGOV")])
                    return

    answering = asyncio.create_task(answer_one())
    body: dict[str, Any] = {"user_id": 34, "query": "roundtable", "language_code": "fr"}
    async with (
        aiohttp.ClientSession(f"http://127.0.0.1:{standin.port}") as admin,
        admin.post("/_standin/inline_query", json=body) as response,
    ):
        result = await response.json()
    await answering
    assert response.status == 200
    assert [r["id"] for r in result["results"]] == ["AIGOV"]
    async with (
        aiohttp.ClientSession(f"http://127.0.0.1:{standin.port}") as admin,
        admin.post("/_standin/inline_query", json={"user_id": "x"}) as bad,
    ):
        assert bad.status == 400


async def test_a_location_and_a_photo_by_url(bot: Bot, standin: StandIn) -> None:
    user = standin.user(35)
    await bot.send_location(35, latitude=20.25, longitude=105.97)
    assert user.last.location == {"latitude": 20.25, "longitude": 105.97}
    await bot.send_photo(35, "https://example.org/portrait.jpg", caption="Phạm Quang Ngọc")
    assert user.last.photo_url == "https://example.org/portrait.jpg"
    assert user.last.caption == "Phạm Quang Ngọc"
    with pytest.raises(BadRequest, match="Wrong latitude"):
        await bot.send_location(35, latitude=91, longitude=0)
