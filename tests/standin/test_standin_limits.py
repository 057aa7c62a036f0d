"""Flood limits: token buckets on a fake clock, then 429s through a real PTB Bot."""

from __future__ import annotations

import datetime as dtm

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import RetryAfter

from standin.telegram import Limits, StandIn
from standin.telegram.limits import RateLimiter
from standin.telegram.recording import Stats

# So slow to refill that no token comes back during a test, however slow the machine.
FROZEN = 0.001


def test_a_burst_passes_then_retry_after_is_the_wait_rounded_up() -> None:
    limiter = RateLimiter(Limits(global_rate=2.0, global_burst=3, chat_rate=100, chat_burst=100))
    assert [limiter.admit(chat, now=0.0) for chat in (1, 2, 3)] == [0, 0, 0]
    assert limiter.admit(4, now=0.0) == 1  # half a second to the next token, rounded up
    assert limiter.admit(4, now=0.5) == 0
    assert limiter.admit(5, now=0.5) == 1


def test_the_chat_bucket_is_per_chat() -> None:
    limiter = RateLimiter(Limits(chat_rate=0.25, chat_burst=1))
    assert limiter.admit(1, now=0.0) == 0
    assert limiter.admit(1, now=1.0) == 3  # four seconds per token, one elapsed
    assert limiter.admit(2, now=1.0) == 0


def test_a_refused_send_spends_no_token() -> None:
    limiter = RateLimiter(Limits(global_rate=1.0, global_burst=1, chat_rate=1.0, chat_burst=1))
    assert limiter.admit(1, now=0.0) == 0
    assert limiter.admit(2, now=0.0) == 1  # global refuses; chat 2's token stays
    assert limiter.admit(2, now=1.0) == 0


def test_limits_off_admit_everything() -> None:
    limiter = RateLimiter(Limits(enforce=False, global_burst=1, chat_burst=1))
    assert {limiter.admit(1, now=0.0) for _ in range(100)} == {0}


@pytest.mark.parametrize("bad", [{"global_rate": 0.0}, {"chat_burst": 0}])
def test_nonsense_limits_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Limits(**bad)  # type: ignore[arg-type]


def test_stats_peak_and_sustained_rate() -> None:
    stats = Stats()
    for stamp in (0.0, 0.1, 0.2, 1.5, 2.0):
        stats.sent(1, stamp)
    assert stats.peak(window=1.0) == 3
    assert stats.sustained_rate() == 2.0  # four intervals over two seconds
    assert stats.sends_per_chat[1] == 5


async def count_refusals(bot: Bot, chat_ids: list[int]) -> int:
    refused = 0
    for chat_id in chat_ids:
        try:
            await bot.send_message(chat_id, "Reminder")
        except RetryAfter:
            refused += 1
    return refused


async def test_global_burst_refuses_the_rest(bot: Bot, standin: StandIn) -> None:
    chats = list(range(1, 41))
    for chat_id in chats:
        standin.user(chat_id)
    standin.limits = Limits(global_rate=FROZEN, global_burst=30)
    assert await count_refusals(bot, chats) == 10
    assert standin.stats.too_many_requests == 10
    assert len(standin.stats.sends_per_chat) == 30
    assert standin.users[40].messages == []  # refused calls were not performed


async def test_without_limits_nothing_is_refused(bot: Bot, standin: StandIn) -> None:
    chats = list(range(1, 41))
    for chat_id in chats:
        standin.user(chat_id)
    standin.limits = Limits(enforce=False)
    assert await count_refusals(bot, chats) == 0
    assert len(standin.stats.send_times) == 40


async def test_per_chat_limit_counts_edits_and_spares_other_chats(
    bot: Bot, standin: StandIn
) -> None:
    standin.user(1)
    standin.user(2)
    standin.limits = Limits(chat_rate=FROZEN, chat_burst=3)
    first = await bot.send_message(1, "one")
    await bot.edit_message_text("one, edited", chat_id=1, message_id=first.message_id)
    await bot.send_message(1, "three")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1, "four")
    assert isinstance(caught.value.retry_after, dtm.timedelta)
    assert caught.value.retry_after >= dtm.timedelta(seconds=1)
    assert standin.calls[-1].error is not None
    assert standin.calls[-1].error.startswith("Too Many Requests: retry after ")
    await bot.send_message(2, "other chat")
    await bot.send_chat_action(1, "typing")  # not message-producing: free


async def test_limits_change_at_run_time(bot: Bot, standin: StandIn) -> None:
    standin.user(1)
    standin.limits = Limits(chat_rate=FROZEN, chat_burst=1)
    await bot.send_message(1, "one")
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "two")
    standin.limits = Limits(enforce=False)
    await bot.send_message(1, "two")


async def test_answering_a_callback_query_is_free(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(1)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    await bot.send_message(1, "Pick", reply_markup=keyboard)
    standin.limits = Limits(global_rate=FROZEN, global_burst=1, chat_rate=FROZEN, chat_burst=1)
    await bot.send_message(1, "spends the last token")
    query_id = await ana.tap(ana.messages[0], "A")
    assert await bot.answer_callback_query(query_id)
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "refused")
