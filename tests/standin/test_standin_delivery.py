"""Delivery accounting for benchmarks: duplicates, many chats, unrecorded calls, admin API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import Bot
from telegram.error import RetryAfter

from standin.telegram import Limits, StandIn
from standin.telegram.recording import Stats


def test_a_chat_receiving_a_text_again_is_one_duplicate_chat() -> None:
    stats = Stats()
    stats.sent(1, 0.0, "Reminder")
    stats.sent(1, 0.1)  # an edit: not compared
    stats.sent(2, 0.2, "Reminder")  # another chat: no duplicate
    stats.sent(1, 0.3, "Reminder")
    stats.sent(1, 0.4, "Reminder")
    assert stats.duplicate_chats() == 1
    assert stats.duplicates == {1: 2}
    assert stats.sends_per_chat == {1: 4, 2: 1}
    summary = stats.summary()
    assert (summary["sent"], summary["duplicate_sends"]) == (5, 2)
    assert summary["chats_with_messages"] == 2


def test_clear_zeroes_everything() -> None:
    stats = Stats()
    stats.sent(1, 0.0, "a")
    stats.sent(1, 0.5, "a")
    stats.clear()
    assert stats.summary()["sent"] == 0
    stats.sent(1, 1.0, "a")  # not a duplicate of a text sent before the clear
    assert stats.duplicate_chats() == 0


def test_open_chats_creates_a_range_of_users() -> None:
    standin = StandIn()
    users = standin.open_chats(5000, 1000, language_code="vi")
    assert [user.id for user in users] == list(range(5000, 6000))
    assert users[0].user.language_code == "vi"
    assert len(standin.users) == 1000
    assert standin.open_chats(5999, 2)[0] is users[-1]  # existing users are kept


async def test_successful_sends_count_per_chat_and_duplicates(bot: Bot, standin: StandIn) -> None:
    standin.open_chats(1, 3)
    first = await bot.send_message(1, "Hello")
    await bot.edit_message_text("Bye", chat_id=1, message_id=first.message_id)
    await bot.send_message(1, "Bye")  # the edit showed "Bye", but as no new message
    await bot.send_poll(2, "Which day?", ["Mon", "Tue"])
    await bot.send_poll(2, "Which day?", ["Mon", "Tue"])
    await bot.send_chat_action(3, "typing")  # not message-producing
    assert standin.stats.sends_per_chat == {1: 3, 2: 2}
    assert standin.stats.duplicates == {2: 1}

    standin.limits = Limits(chat_rate=0.001, chat_burst=1)
    await bot.send_message(1, "Spends the chat's token")
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "Hello")  # refused: delivered once only
    assert standin.stats.sends_per_chat[1] == 4
    assert standin.stats.duplicate_chats() == 1


async def test_unrecorded_calls_still_count() -> None:
    async with StandIn(limits=Limits(enforce=False), record_calls=False) as standin:
        standin.user(1)
        async with Bot(standin.token, base_url=standin.base_url) as bot:
            await bot.send_message(1, "Hi")
        assert standin.calls == []
        assert standin.stats.by_method["sendMessage"] == 1
        assert standin.stats.sends_per_chat == {1: 1}


@pytest.fixture
async def admin(standin: StandIn) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(f"http://127.0.0.1:{standin.port}") as session:
        yield session


async def post(session: aiohttp.ClientSession, name: str, body: Any) -> tuple[int, Any]:
    async with session.post(f"/_standin/{name}", json=body) as response:
        return response.status, await response.json()


async def test_admin_limits_change_only_the_given_fields(
    admin: aiohttp.ClientSession, standin: StandIn
) -> None:
    status, result = await post(admin, "limits", {"enforce": True, "global_rate": 2})
    assert status == 200
    assert standin.limits == Limits(global_rate=2.0)
    assert result["global_rate"] == 2.0


@pytest.mark.parametrize(
    ("name", "body", "error"),
    [
        ("limits", {"speed": 1}, "unknown limits ['speed']"),
        ("limits", {"global_burst": True}, "global_burst must be int"),
        ("limits", {"chat_rate": "fast"}, "chat_rate must be int or float"),
        ("limits", {"chat_rate": 0}, "rates must be positive"),
        ("limits", [1], "the body must be a JSON object"),
        ("inject", {"method": "sendMessage"}, "kind is required"),
        ("inject", {"kind": "500", "times": 0}, "times must be at least 1"),
        ("block", {"user_id": "42"}, "user_id must be int"),
    ],
)
async def test_admin_refuses_nonsense(
    admin: aiohttp.ClientSession, name: str, body: Any, error: str
) -> None:
    status, result = await post(admin, name, body)
    assert status == 400
    assert result["error"].startswith(error)


async def test_admin_is_outside_the_bot_api(admin: aiohttp.ClientSession, standin: StandIn) -> None:
    await post(admin, "block", {"user_id": 42})
    assert standin.users[42].blocked
    async with admin.get("/_standin/stats") as response:
        assert (await response.json())["by_method"] == {}
    assert standin.calls == []
