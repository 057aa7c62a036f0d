"""A real polling PTB Application against the stand-in, driven by simulated users."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Conflict
from telegram.ext import Application

from standin.telegram import StandIn

App = Application[Any, Any, Any, Any, Any, Any]


async def until_polling(standin: StandIn) -> None:
    """Let a getUpdates task reach the stand-in and start waiting."""
    async with asyncio.timeout(5):
        await standin.until_polling()


def keyboard(label: str, data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]])


async def test_start_command_reaches_the_handler_with_args(app: App, standin: StandIn) -> None:
    ana = standin.user(42, "Ana", "fr")
    reply = await ana.ask("/start talk-17 fr")
    assert reply.text == "start ['talk-17', 'fr']"
    assert reply.buttons == [[("Yes", "yes")]]
    assert standin.calls_to(42, "sendMessage")[-1].params["text"] == reply.text


async def test_button_tap_reaches_the_handler_and_is_answered(app: App, standin: StandIn) -> None:
    ana = standin.user(42)
    menu = await ana.ask("/start")
    edited = await ana.press(menu, "Yes")
    assert edited.message_id == menu.message_id
    assert (menu.text, edited.text) == ("start []", "tapped yes")  # snapshots, before and after
    assert edited.edit_count == 1
    assert ana.last.text == "tapped yes"  # the chat itself shows the message as it is now
    assert ana.callback_answers == ["got yes"]
    assert standin.calls_to(42, "answerCallbackQuery")[-1].status == 200


async def test_forged_callback_data_reaches_the_handler(app: App, standin: StandIn) -> None:
    ana = standin.user(42)
    menu = await ana.ask("/start")
    assert (await ana.press(menu, data="forged:1")).text == "tapped forged:1"


async def test_poll_answer_and_retraction_are_parsed_by_ptb(app: App, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await app.bot.send_poll(42, "Best day?", ["Mon", "Tue", "Wed"], is_anonymous=False)
    assert sent.poll is not None
    poll_id = sent.poll.id

    since = ana.seq
    await ana.answer_poll(poll_id, [2])
    assert (await ana.wait_for(since=since)).text == f"vote [2] ['{poll_id}:2']"
    assert ana.messages[0].poll is not None
    assert ana.messages[0].poll["options"][2]["voter_count"] == 1

    since = ana.seq
    await ana.answer_poll(poll_id, [])  # retracted vote: PTB must still parse it
    assert (await ana.wait_for(since=since)).text == "vote [] []"
    assert ana.messages[0].poll["total_voter_count"] == 0


async def test_anonymous_poll_cannot_be_answered(app: App, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await app.bot.send_poll(42, "Anonymous?", ["Yes", "No"])
    assert sent.poll is not None
    with pytest.raises(ValueError, match="anonymous"):
        await ana.answer_poll(sent.poll.id, [0])


async def test_users_wait_for_their_own_chat(app: App, standin: StandIn) -> None:
    ana, bao = standin.user(1, "Ana"), standin.user(2, "Bao", "vi")
    first, second = await asyncio.gather(ana.ask("/start a"), bao.ask("/start b"))
    assert first.text == "start ['a']"
    assert second.text == "start ['b']"


async def test_ask_timeout_names_the_chat_and_its_last_calls(app: App, standin: StandIn) -> None:
    ana = standin.user(42)
    await ana.ask("/start")
    with pytest.raises(TimeoutError, match=r"chat 42 .* sendMessage -> 200"):
        await ana.ask("no handler answers plain text", timeout=0.2)


async def test_updates_are_confirmed_by_offset(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    await ana.send("hello")
    await ana.send("/help")
    first = await bot.get_updates(timeout=0)
    assert [u.message.text for u in first if u.message] == ["hello", "/help"]
    assert standin.pending_updates == 2  # not confirmed yet
    assert await bot.get_updates(offset=first[-1].update_id + 1, timeout=0) == ()
    assert standin.pending_updates == 0


async def test_get_updates_honours_limit(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    for text in ("one", "two", "three"):
        await ana.send(text)
    assert len(await bot.get_updates(limit=2, timeout=0)) == 2


async def test_long_poll_returns_when_an_update_arrives(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await until_polling(standin)
    await ana.send("wake up")
    updates = await poll
    assert updates[0].message is not None and updates[0].message.text == "wake up"


async def test_allowed_updates_filters_like_telegram(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    await bot.send_message(42, "Pick", reply_markup=keyboard("A", "a"))
    await bot.get_updates(timeout=0, allowed_updates=["message"])
    await ana.tap(ana.last, "A")  # a callback_query the bot did not ask for: never queued
    await ana.send("kept")
    assert standin.pending_updates == 1


async def test_second_poller_terminates_the_first(standin: StandIn) -> None:
    async with (
        Bot(standin.token, base_url=standin.base_url) as first,
        Bot(standin.token, base_url=standin.base_url) as second,
    ):
        waiting = asyncio.create_task(first.get_updates(timeout=30, read_timeout=35))
        await until_polling(standin)
        await second.get_updates(timeout=0)
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await waiting


async def test_get_updates_conflicts_with_a_webhook(bot: Bot, standin: StandIn) -> None:
    await bot.set_webhook("https://example.org/hook")
    assert (await bot.get_webhook_info()).url == "https://example.org/hook"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates(timeout=0)
    await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == ()


async def test_set_webhook_checks_the_secret_token_and_posts_only_to_loopback(
    bot: Bot, standin: StandIn
) -> None:
    with pytest.raises(BadRequest, match=r"(?i)secret token"):
        await bot.set_webhook("http://127.0.0.1:9/hook", secret_token="no spaces allowed")
    assert standin.webhook.url == ""
    await bot.set_webhook("https://example.org/hook", secret_token="s3cret_-")
    assert standin.webhook.secret_token == "s3cret_-"
    await standin.user(42).send("hello")
    info = await bot.get_webhook_info()
    assert info.last_error_message == "the stand-in posts only to loopback webhooks"
    assert info.pending_update_count == 1 and standin.webhook.delivered == 0
