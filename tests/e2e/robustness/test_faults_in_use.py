"""Telegram failing while people use the bot and bulk messages are queued.

Users browse while an announcement and reminders wait in the outbox, and the stand-in fails
sendMessage, editMessageText and answerCallbackQuery with 5xx answers, a timeout and a storm
of 429s. Every action gets an answer (the screen, or at worst the apology, never silence),
the bot answers normally once the faults have cleared, and every queued message is sent,
exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest

from bot.clock import Clock
from bot.config import Settings
from bot.features.broadcast.cli import broadcast
from channels.telegram.flood_control import MAX_INTERACTIVE_ATTEMPTS
from standin.telegram import ChatMessage, SimUser, StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot, settled
from tests.e2e.delivery.helpers import delivery_of, until_done

APOLOGY = "Sorry, something went wrong on my side."
ANSWER_WITHIN = 20.0  # seconds: a timeout (5 s) and a few retries, on a slow shared machine
ANNOUNCEMENT = "Shuttle buses leave the Main Hall at 17:30."
# One walk through the bot: typed commands and words, taps on the menus they bring.
ACTIONS = [
    ("ask", "/start"),
    ("tap", "sched"),
    ("ask", "AI governance"),
    ("ask", "/help"),
    ("tap", "home"),
]


@pytest.fixture
def errors_logged() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    keep = Keep(logging.ERROR)
    logging.getLogger().addHandler(keep)
    try:
        yield records
    finally:
        logging.getLogger().removeHandler(keep)


async def _act(user: SimUser, kind: str, what: str) -> ChatMessage:
    if kind == "tap":
        carrying = [m for m in user.messages if what in _data(m)]
        if carrying:  # else an apology came instead of the menu: start again
            return await user.press(carrying[-1], data=what, timeout=ANSWER_WITHIN)
        what = "/start"
    return await user.ask(what, timeout=ANSWER_WITHIN)


def _data(message: ChatMessage) -> list[str | None]:
    return [data for row in message.buttons for _, data in row]


async def _walk(user: SimUser) -> list[ChatMessage]:
    return [await _act(user, kind, what) for kind, what in ACTIONS]


def _arm_faults(standin: StandIn, browsers: list[SimUser], audience: list[SimUser]) -> None:
    """Faults for each chat, so that every run meets the same ones in the same order."""
    standin.timeout_hold = 6.0  # past the bot's 5 s read timeout: the bot gives up first
    first, second, third = (user.id for user in browsers)
    # Retried until the reply goes through: 5xx, a timeout, 429s, in all three methods.
    standin.inject("500", method="sendMessage", chat_id=second, times=2)
    standin.inject("502", method="editMessageText", chat_id=first)
    standin.inject("timeout", method="editMessageText", chat_id=first)
    standin.inject("500", method="answerCallbackQuery", chat_id=first)
    standin.inject("502", method="answerCallbackQuery", chat_id=second, times=2)
    standin.inject("502", method="sendMessage", chat_id=third)
    standin.inject("429", method="sendMessage", chat_id=third, retry_after=1)
    standin.inject("429", method="editMessageText", chat_id=third, retry_after=1)
    # More failures than a reply is tried: the apology (a tap's answer: just the screen).
    standin.inject("500", method="editMessageText", chat_id=second, times=MAX_INTERACTIVE_ATTEMPTS)
    standin.inject(
        "500", method="answerCallbackQuery", chat_id=third, times=MAX_INTERACTIVE_ATTEMPTS
    )
    # The outbox's sends: retried later, within the sender's five attempts.
    standin.inject("500", method="sendMessage", chat_id=audience[0].id, times=2)
    standin.inject("timeout", method="sendMessage", chat_id=audience[1].id)
    standin.inject("429", method="sendMessage", chat_id=audience[2].id, retry_after=1)
    standin.inject("502", method="sendMessage", chat_id=audience[3].id, times=4)


async def test_faults_while_browsing_and_sending_lose_nothing(
    start_bot: RunningBot,
    standin: StandIn,
    settings: Settings,
    clock: Clock,
    errors_logged: list[logging.LogRecord],
) -> None:
    audience = [standin.user(3300 + i, language_code="en") for i in range(12)]
    browsers = [standin.user(3400 + i, language_code="en") for i in range(3)]
    async with start_bot(retry_backoff=0.1) as bot:
        for user in audience:  # they follow AITAL: a reminder comes 15 minutes before
            await user.press(await user.ask("/start s_AITAL"), data="F:AITAL")
        for user in browsers:
            await user.ask("/start")
        _arm_faults(standin, browsers, audience)

        # Reminders come due (AITAL starts at 13:30) and an announcement is sent from a
        # terminal, while the browsers walk through the bot.
        clock.set(at("2025-10-27T13:15:05+07:00"))
        await bot.bot_data.deps.reminders.run()
        sending = asyncio.create_task(
            broadcast(settings, "session:AITAL", {"all": ANNOUNCEMENT}, "en", confirmed=True)
        )
        walks = await asyncio.gather(*(_walk(user) for user in browsers))
        assert await sending == 0
        reminders = await until_done(delivery_of(bot), "reminder:" + _guid(bot, "AITAL"))

        answers = [step for walk in walks for step in walk]
        apologies = sum(APOLOGY in (step.text or "") for step in answers)
        print(
            f"\n{len(answers)} actions under faults: {len(answers) - apologies} answered, "
            f"{apologies} apologies; statuses {dict(standin.stats.by_status)}"
        )
        # One reply failed more often than it is tried: the apology, and its trace in the log.
        failures = [r for r in errors_logged if r.getMessage().startswith("update failed")]
        assert apologies == len(failures) == 1

        # The faults have cleared: a full walk gets every screen.
        assert standin.faults_left == 0
        await settled(standin, bot)  # no answer to an earlier action is still on its way
        # After a 429 the bot sends to that chat once a second while it is kept busy (as
        # Telegram asks): people read their answer before they tap again.
        await asyncio.sleep(1.1)
        for user in browsers:
            assert all(APOLOGY not in (step.text or "") for step in await _walk(user))

    # Nothing queued was lost, nothing went twice.
    assert reminders.total == reminders.sent == len(audience)
    received = {u.id: [m.text for m in u.messages].count(ANNOUNCEMENT) for u in audience}
    assert received == {u.id: 1 for u in audience}
    reminded = {u.id: sum((m.text or "").startswith("⏰") for m in u.messages) for u in audience}
    assert reminded == {u.id: 1 for u in audience}


def _guid(bot, key: str) -> str:  # type: ignore[no-untyped-def]
    session = bot.bot_data.deps.navigator.schedule.session(key)
    assert session is not None
    return str(session.guid)
