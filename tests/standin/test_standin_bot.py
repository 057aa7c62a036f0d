"""A plain PTB Bot against the stand-in: results PTB parses, validation, faults, recording."""

from __future__ import annotations

import datetime as dtm
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats
from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Keyboard
from telegram.error import (
    BadRequest,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from standin.telegram import StandIn


def keyboard(label: str, data: str) -> Keyboard:
    return Keyboard([[Button(label, callback_data=data)]])


async def expect_bad_request(standin: StandIn, call: Awaitable[object], description: str) -> None:
    """Telegram's exact description on the wire, and PTB's BadRequest built from it."""
    with pytest.raises(BadRequest) as caught:
        await call
    assert standin.calls[-1].status == 400
    assert standin.calls[-1].error == description
    # PTB strips "Bad Request: " and capitalizes what remains.
    assert caught.value.message == description.removeprefix("Bad Request: ").capitalize()


async def test_get_me_describes_the_bot(bot: Bot, standin: StandIn) -> None:
    me = await bot.get_me()
    assert me.is_bot
    assert me.id == int(standin.token.split(":")[0])
    assert me.username == "standin_bot"
    assert standin.calls[-1].method == "getMe"


async def test_method_names_are_case_insensitive(bot: Bot, standin: StandIn) -> None:
    result = await bot.do_api_request("GETME")
    assert result["is_bot"] is True
    assert standin.calls[-1].method == "getMe"


async def test_json_bodies_and_query_strings_are_read(standin: StandIn) -> None:
    """Telegram takes JSON and GET too; text fields stay text even when they look like JSON."""
    standin.user(42)
    url = f"{standin.base_url}{standin.token}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json={"chat_id": 42, "text": "123", "reply_markup": markup}) as r:
            sent = await r.json()
        async with http.get(url, params={"chat_id": "42", "text": "true"}) as r:
            got = await r.json()
    assert sent["ok"] and sent["result"]["text"] == "123"
    assert sent["result"]["reply_markup"] == markup
    assert got["ok"] and got["result"]["text"] == "true"
    assert standin.calls[-1].params == {"chat_id": 42, "text": "true"}


async def test_log_out_and_close_are_acknowledged(bot: Bot) -> None:
    assert await bot.log_out()
    assert await bot.close()


async def test_send_then_edit_updates_the_chat_view(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await bot.send_message(
        42, "<b>Hello</b> &amp; bye", parse_mode="HTML", reply_markup=keyboard("Go", "go")
    )
    assert sent.text == "Hello & bye"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 5)]
    assert sent.reply_markup == keyboard("Go", "go")
    assert ana.last.text == "Hello & bye"
    assert ana.last.source == "<b>Hello</b> &amp; bye"
    assert ana.last.buttons == [[("Go", "go")]]

    edited = await bot.edit_message_text("Bye", chat_id=42, message_id=sent.message_id)
    assert not isinstance(edited, bool) and edited.edit_date is not None
    assert ana.last.text == "Bye"
    assert ana.last.buttons == []  # editing text without a keyboard removes it, as Telegram does
    assert ana.last.edit_count == 1
    call = standin.calls_to(42, "editMessageText")[-1]
    assert call.params["text"] == "Bye"
    assert call.params["message_id"] == sent.message_id
    assert call.status == 200


async def test_edit_reply_markup_replaces_the_buttons(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await bot.send_message(42, "Pick", reply_markup=keyboard("A", "a"))
    await bot.edit_message_reply_markup(42, sent.message_id, reply_markup=keyboard("B", "b"))
    assert ana.last.buttons == [[("B", "b")]]
    assert ana.last.text == "Pick"


async def test_document_arrives_with_filename_and_content(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await bot.send_document(42, b"id,name\n1,Ana\n", filename="people.csv", caption="CSV")
    assert sent.document is not None
    assert sent.document.file_name == "people.csv"
    assert sent.caption == "CSV"
    assert ana.last.document == ("people.csv", b"id,name\n1,Ana\n")
    file = await sent.document.get_file()
    assert bytes(await file.download_as_bytearray()) == b"id,name\n1,Ana\n"


async def test_document_by_known_file_id_is_resent(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    first = await bot.send_document(42, b"agenda", filename="agenda.txt")
    assert first.document is not None
    await bot.send_document(42, first.document.file_id)
    assert ana.last.document == ("agenda.txt", b"agenda")


async def test_photo_arrives_as_bytes(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await bot.send_photo(42, b"\x89PNG fake", caption="map")
    assert sent.photo
    assert ana.last.photo == b"\x89PNG fake"
    assert ana.last.caption == "map"


async def test_commands_are_stored_per_language_and_scope(bot: Bot, standin: StandIn) -> None:
    await bot.set_my_commands([BotCommand("start", "Commencer")], language_code="fr")
    await bot.set_my_commands([BotCommand("help", "Help")], scope=BotCommandScopeAllPrivateChats())
    assert standin.commands("fr") == [{"command": "start", "description": "Commencer"}]
    assert standin.commands(scope={"type": "all_private_chats"}) == [
        {"command": "help", "description": "Help"}
    ]
    assert standin.commands() == []
    assert [c.command for c in await bot.get_my_commands(language_code="fr")] == ["start"]
    await bot.delete_my_commands(language_code="fr")
    assert standin.commands("fr") == []


async def test_chat_action_needs_a_known_action(bot: Bot, standin: StandIn) -> None:
    standin.user(42)
    assert await bot.send_chat_action(42, "typing")
    await expect_bad_request(
        standin,
        bot.send_chat_action(42, "dancing"),
        "Bad Request: wrong parameter action in request",
    )


async def test_stop_poll_closes_it_once(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    sent = await bot.send_poll(42, "Best talk?", ["Keynote", "Panel"], is_anonymous=False)
    assert sent.poll is not None and not sent.poll.is_anonymous
    stopped = await bot.stop_poll(42, sent.message_id)
    assert stopped.is_closed
    assert ana.last.poll is not None and ana.last.poll["is_closed"]
    await expect_bad_request(
        standin, bot.stop_poll(42, sent.message_id), "Bad Request: poll has already been closed"
    )


async def test_callback_query_can_be_answered_once(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    await bot.send_message(42, "Pick", reply_markup=keyboard("A", "a"))
    query_id = await ana.tap(ana.last, "A")
    assert await bot.answer_callback_query(query_id, text="Saved")
    assert ana.callback_answers == ["Saved"]
    assert standin.calls_to(42, "answerCallbackQuery")[-1].status == 200
    await expect_bad_request(
        standin,
        bot.answer_callback_query(query_id),
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
    )


async def test_tap_names_the_labels_it_knows(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    await bot.send_message(42, "Pick", reply_markup=keyboard("Oui", "yes"))
    with pytest.raises(LookupError, match="'Oui'"):
        await ana.tap(ana.last, "Non")


@pytest.mark.parametrize(
    ("text", "parse_mode", "shown"),
    [
        ("x" * 4096, None, "x" * 4096),
        ("<b>" + "x" * 4096 + "</b>", "HTML", "x" * 4096),  # tags do not count
        ("&lt;" * 4096, "HTML", "<" * 4096),  # entities count once decoded
    ],
)
async def test_text_limit_counts_what_the_user_sees(
    bot: Bot, standin: StandIn, text: str, parse_mode: str | None, shown: str
) -> None:
    standin.user(42)
    sent = await bot.send_message(42, text, parse_mode=parse_mode)
    assert sent.text == shown


async def test_limits_count_callback_data_in_bytes(bot: Bot, standin: StandIn) -> None:
    standin.user(42)
    await bot.send_message(42, "ok", reply_markup=keyboard("A", "x" * 64))
    await bot.send_message(42, "ok", reply_markup=keyboard("A", "ắ" * 21))  # 63 bytes
    await expect_bad_request(
        standin,
        bot.send_message(42, "no", reply_markup=keyboard("A", "ắ" * 22)),  # 22 chars, 66 bytes
        "Bad Request: BUTTON_DATA_INVALID",
    )


async def _first_message(bot: Bot, standin: StandIn) -> int:
    standin.user(42)
    return (await bot.send_message(42, "Same", reply_markup=keyboard("A", "a"))).message_id


@pytest.mark.parametrize(
    ("case", "description"),
    [
        ("too long", "Bad Request: message is too long"),
        ("blank", "Bad Request: message text is empty"),
        (
            "unclosed tag",
            "Bad Request: can't parse entities: "
            'Can\'t find end tag corresponding to start tag "b"',
        ),
        (
            "unknown tag",
            'Bad Request: can\'t parse entities: Unsupported start tag "blink" at byte offset 4',
        ),
        ("65-byte data", "Bad Request: BUTTON_DATA_INVALID"),
        ("blank label", "Bad Request: BUTTON_TEXT_INVALID"),
        (
            "not modified",
            "Bad Request: message is not modified: specified new message content "
            "and reply markup are exactly the same as a current content and reply markup of the "
            "message",
        ),
        ("not found", "Bad Request: message to edit not found"),
        ("unknown chat", "Bad Request: chat not found"),
        ("long question", "Bad Request: poll question length must not exceed 300"),
        ("one option", "Bad Request: poll must have at least 2 option"),
        ("13 options", "Bad Request: poll can't have more than 12 options"),
        ("long option", "Bad Request: poll options length must not exceed 100"),
        ("long caption", "Bad Request: message caption is too long"),
    ],
)
async def test_invalid_calls_raise_bad_request(
    bot: Bot, standin: StandIn, case: str, description: str
) -> None:
    message_id = await _first_message(bot, standin)
    calls: dict[str, Callable[[], Awaitable[object]]] = {
        "too long": lambda: bot.send_message(42, "x" * 4097),
        "blank": lambda: bot.send_message(42, "  "),
        "unclosed tag": lambda: bot.send_message(42, "<b>bold", parse_mode="HTML"),
        "unknown tag": lambda: bot.send_message(42, "Hi, <blink>x</blink>", parse_mode="HTML"),
        "65-byte data": lambda: bot.send_message(42, "x", reply_markup=keyboard("A", "x" * 65)),
        "blank label": lambda: bot.send_message(42, "x", reply_markup=keyboard(" ", "a")),
        "not modified": lambda: bot.edit_message_text(
            "Same", chat_id=42, message_id=message_id, reply_markup=keyboard("A", "a")
        ),
        "not found": lambda: bot.edit_message_text("New", chat_id=42, message_id=999),
        "unknown chat": lambda: bot.send_message(777, "Hello"),
        "long question": lambda: bot.send_poll(42, "?" * 301, ["a", "b"]),
        "one option": lambda: bot.send_poll(42, "Q", ["a"]),
        "13 options": lambda: bot.send_poll(42, "Q", [str(i) for i in range(13)]),
        "long option": lambda: bot.send_poll(42, "Q", ["a", "b" * 101]),
        "long caption": lambda: bot.send_document(42, b"x", filename="x.txt", caption="c" * 1025),
    }
    await expect_bad_request(standin, calls[case](), description)
    assert standin.stats.by_status[400] == 1


async def test_blocked_user_answers_403_until_unblocked(bot: Bot, standin: StandIn) -> None:
    standin.user(42)
    standin.block(42)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(42, "Reminder")
    assert standin.calls[-1].status == 403
    standin.unblock(42)
    await bot.send_message(42, "Reminder")


async def test_injected_429_raises_retry_after(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    standin.inject("429", method="sendMessage", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(42, "Hi")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)
    assert ana.messages == []  # a 429 means nothing was sent
    await bot.send_message(42, "Hi")  # the fault was used up
    assert standin.stats.too_many_requests == 1


@pytest.mark.parametrize("kind", ["500", "502"])
async def test_injected_server_errors_raise_network_error(
    bot: Bot, standin: StandIn, kind: str
) -> None:
    standin.user(42)
    standin.inject(kind)  # type: ignore[arg-type]
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(42, "Hi")
    assert type(caught.value) is NetworkError  # not a BadRequest, which is a NetworkError too
    assert standin.calls[-1].status == int(kind)


async def test_injected_faults_match_their_chat_and_count(bot: Bot, standin: StandIn) -> None:
    standin.user(1)
    standin.user(2)
    standin.inject("403", chat_id=2, times=2)
    await bot.send_message(1, "fine")
    for _ in range(2):
        with pytest.raises(Forbidden):
            await bot.send_message(2, "blocked")
    await bot.send_message(2, "fine again")


async def test_injected_chat_not_found(bot: Bot, standin: StandIn) -> None:
    standin.user(42)
    standin.inject("400_chat_not_found", method="sendMessage")
    await expect_bad_request(standin, bot.send_message(42, "Hi"), "Bad Request: chat not found")


async def test_injected_timeout_outlasts_the_client(bot: Bot, standin: StandIn) -> None:
    ana = standin.user(42)
    standin.inject("timeout", method="sendMessage")
    with pytest.raises(TimedOut):
        await bot.send_message(42, "Hi", read_timeout=0.2)
    assert ana.messages == []


async def test_latency_delays_but_keeps_answers(bot: Bot, standin: StandIn) -> None:
    standin.user(42)
    standin.latency = 0.01
    assert (await bot.send_message(42, "slow")).text == "slow"


async def test_wrong_token_is_unauthorized(standin: StandIn) -> None:
    wrong = Bot("999:WRONG", base_url=standin.base_url)
    with pytest.raises(InvalidToken):
        await wrong.initialize()
    assert standin.calls[-1].status == 401
    assert standin.calls[-1].error == "Unauthorized"


async def test_unknown_method_is_not_found(bot: Bot, standin: StandIn) -> None:
    with pytest.raises(EndPointNotFound):  # do_api_request's name for a 404 once initialized
        await bot.do_api_request("sendTelepathy")
    assert standin.calls[-1].status == 404
    assert standin.calls[-1].error == "Not Found"
