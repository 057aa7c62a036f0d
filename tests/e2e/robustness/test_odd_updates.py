"""No input breaks the bot: odd updates over the real getUpdates path, as properties.

Each example is pushed into the stand-in's update queue, fetched by the running bot with
getUpdates and handled; then the property checks that nothing reached the error handler (it
logs every failure at ERROR), that the bot owed and gave the right answer, and that it still
answers /start.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import MessageEntity

from channels.telegram.app import BotApplication
from standin.telegram import Call, ChatMessage, SimUser, StandIn
from tests.e2e.conftest import settled
from tests.e2e.robustness.odd_updates import (
    FUZZ_USER,
    FUZZ_USER_ID,
    Case,
    Due,
    commands,
    forged_data,
    ignored_updates,
    inaccessible_message,
    media_messages,
    message_update,
    mutated_data,
    tap,
    text_messages,
    unknown_message,
)

APOLOGY = "Sorry, something went wrong"
SEARCH_ANSWERS = (
    "found for “",  # "3 sessions found for …", "Nothing found for …"
    "That is too long to search",
    "Type a few words and I will search",
)
UNKNOWN = "I don't know the command"
TEXT_ONLY = "I can only read text"
EXPIRED = "This button is no longer valid. Here is the main menu."
WELCOME = "Welcome to"


class KeepErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def logged_errors() -> Iterator[list[logging.LogRecord]]:
    """Every record at ERROR or above while the test runs: channels/telegram/errors.py logs each
    exception that reaches the error handler there, PTB its own failures."""
    keep = KeepErrors()
    root = logging.getLogger()
    root.addHandler(keep)
    try:
        yield keep.records
    finally:
        root.removeHandler(keep)


@pytest.fixture
async def attendee(bot: BotApplication, standin: StandIn) -> SimUser:
    user = standin.user(FUZZ_USER_ID, FUZZ_USER.first_name, FUZZ_USER.language_code)
    assert user.user == FUZZ_USER  # the strategies build updates from this same person
    assert WELCOME in (await user.ask("/start")).text
    return user


@pytest.fixture
async def button_data(attendee: SimUser) -> list[str]:
    """Real callback data, from the buttons of the screens an attendee reaches first."""
    screens = [await attendee.ask(command) for command in ("/start", "/help", "/language")]
    screens += [await attendee.ask(command) for command in ("/agenda", "/reminders", "/now")]
    screens += [await attendee.ask("/feedback"), await attendee.ask("/search AI")]
    programme = await attendee.ask("/schedule")
    theme = await attendee.press(programme, programme.labels[-3])  # the last theme but one
    card = await attendee.press(theme, theme.labels[0])
    days = await attendee.ask("/days")
    day = await attendee.press(days, days.labels[0])
    screens += [programme, theme, card, days, day]
    found = {data for screen in screens for row in screen.buttons for _, data in row if data}
    assert len(found) > 30
    return sorted(found)


async def feed(
    standin: StandIn,
    bot: BotApplication,
    attendee: SimUser,
    case: Case,
    errors: list[logging.LogRecord],
) -> tuple[list[ChatMessage], list[Call]]:
    """Push one update through getUpdates; returns what the bot sent or edited in the chat
    and the calls it made meanwhile. `errors` then holds this example's errors only."""
    errors.clear()
    # A tap may have switched the language: the expected texts are English.
    await bot.bot_data.deps.storage.users.set_language(FUZZ_USER_ID, "en")
    since, first_call = attendee.seq, len(standin.calls)
    assert standin.push_update(case.update, answerable=case.answerable) is not None
    await settled(standin, bot)
    return attendee.events_since(since), standin.calls[first_call:]


def check(
    case: Case,
    events: list[ChatMessage],
    calls: list[Call],
    errors: list[logging.LogRecord],
    attendee: SimUser,
) -> None:
    assert not errors, [record.getMessage() for record in errors]
    shown = [event.text or event.caption for event in events]
    assert not any(APOLOGY in text for text in shown)
    answers = [
        call.status
        for call in calls
        if call.method == "answerCallbackQuery"
        and call.params.get("callback_query_id") == case.query_id
    ]
    if case.query_id is not None:  # every tap is answered once (too old: Telegram says 400)
        assert answers == [200 if case.answerable else 400]
    match case.due:
        case Due.SEARCH:
            assert len(shown) == 1 and any(answer in shown[0] for answer in SEARCH_ANSWERS)
        case Due.SCREEN:
            assert shown and not any(UNKNOWN in text for text in shown)
        case Due.UNKNOWN_COMMAND:
            assert len(shown) == 1 and UNKNOWN in shown[0] and "/schedule" in shown[0]
        case Due.TEXT_ONLY:
            assert len(shown) == 1 and TEXT_ONLY in shown[0]
        case Due.EXPIRED:
            # The main menu, unless the tapped message shows it already (edit not modified).
            carried = case.update["callback_query"].get("message", {}).get("text", "")
            if shown:
                assert len(shown) == 1 and WELCOME in shown[0]
            else:
                assert WELCOME in carried
            if case.answerable:
                assert attendee.callback_answers[-1] == EXPIRED
        case Due.TAP:
            pass  # a screen, a file, a poll or nothing (noop): no apology, answered once
        case Due.TAP_ONLY | Due.NOTHING:
            assert shown == []
    if case.query_id is None:
        assert answers == []


async def still_answers(bot: BotApplication, attendee: SimUser) -> None:
    await bot.bot_data.deps.storage.users.set_language(FUZZ_USER_ID, "en")
    assert WELCOME in (await attendee.ask("/start")).text


@given(case=st.one_of(text_messages(), commands(), media_messages()))
async def test_messages_and_commands_get_the_answer_they_are_owed(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    logged_errors: list[logging.LogRecord],
    case: Case,
) -> None:
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    await still_answers(bot, attendee)


@given(case=ignored_updates())
async def test_updates_owed_nothing_are_left_alone(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    logged_errors: list[logging.LogRecord],
    case: Case,
) -> None:
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    await still_answers(bot, attendee)


@given(data=st.data())
async def test_real_cut_and_forged_button_data(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    button_data: list[str],
    logged_errors: list[logging.LogRecord],
    data: st.DataObject,
) -> None:
    real = data.draw(st.sampled_from(button_data), label="real")
    with_buttons = [m for m in attendee.messages if m.buttons]
    carried = with_buttons[-1].raw if with_buttons else None  # the tapped message, as it is
    answerable = data.draw(st.booleans(), label="answerable")
    case = data.draw(
        st.one_of(
            st.just(tap(real, carried, Due.TAP, answerable=answerable)),
            mutated_data(real).map(lambda d: tap(d, carried, Due.TAP, answerable=answerable)),
            forged_data(real).map(lambda d: tap(d, carried, Due.EXPIRED, answerable=answerable)),
            # A button of a game: no data at all.
            st.just(tap(None, carried, Due.EXPIRED, game="vidw_quiz", answerable=answerable)),
            # A message the stand-in never saw, or one too old for the bot to see.
            forged_data(real).map(lambda d: tap(d, unknown_message(), Due.EXPIRED)),
            forged_data(real).map(lambda d: tap(d, inaccessible_message(), Due.EXPIRED)),
            # A button on a message sent in inline mode: no chat to answer in.
            st.just(tap(real, None, Due.TAP_ONLY, inline_message_id="AAEAAAA")),
        ),
        label="case",
    )
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    await still_answers(bot, attendee)


# -- the failures these properties found, kept as plain examples ----------------------------


@pytest.mark.parametrize(
    "case",
    [
        # Formatting that splits an emoji in two (PTB cannot decode it to HTML).
        Case(
            message_update(text="🫠 roundtable", entities=[MessageEntity("bold", 0, 1)]), Due.SEARCH
        ),
        # A lone surrogate, which no encoding can carry back out.
        Case(message_update(text="AI \ud800 governance"), Due.SEARCH),
        # A private message without a sender: nobody to answer.
        Case(message_update(user=None, text="hello"), Due.NOTHING),
        # A button on a message sent in inline mode: no chat to show anything in.
        tap("help", None, Due.TAP_ONLY, inline_message_id="AAEAAAA"),
    ],
    ids=["emoji-split", "surrogate", "no-sender", "inline-tap"],
)
async def test_odd_updates_found_once(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    logged_errors: list[logging.LogRecord],
    case: Case,
) -> None:
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    await still_answers(bot, attendee)


async def test_a_tap_too_old_to_answer_still_shows_its_screen(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    logged_errors: list[logging.LogRecord],
) -> None:
    home = await attendee.ask("/start")
    case = tap("help", home.raw, Due.SCREEN, answerable=False)
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    assert "How to use this bot" in events[-1].text


async def test_a_tap_carrying_a_file_message_gets_a_new_message(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    logged_errors: list[logging.LogRecord],
) -> None:
    agenda = await attendee.ask("/agenda")
    calendar = await attendee.press(agenda, data="ics")
    assert calendar.document is not None
    # The file has no text to replace: the screen comes as a new message instead.
    case = tap("help", calendar.raw, Due.SCREEN)
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    assert events[-1].message_id != calendar.message_id


async def test_a_command_for_another_bot_is_not_taken_for_ours(
    bot: BotApplication,
    standin: StandIn,
    attendee: SimUser,
    logged_errors: list[logging.LogRecord],
) -> None:
    command = "/start@other_bot"
    entity = MessageEntity(MessageEntity.BOT_COMMAND, 0, len(command))
    case = Case(message_update(text=command, entities=[entity]), Due.UNKNOWN_COMMAND)
    events, calls = await feed(standin, bot, attendee, case, logged_errors)
    check(case, events, calls, logged_errors, attendee)
    assert f"{UNKNOWN} {command}." in events[0].text  # not "I don't know /start"
