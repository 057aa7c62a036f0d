"""Outbox rows over an upgrade: those queued by the previous version still go out, and a row
that does not read fails alone, with its reason, while the sender goes on."""

from __future__ import annotations

import itertools
import json
import logging
from typing import Any

import pytest

from bot.clock import Clock
from bot.outgoing import Document, Outgoing, Text, Venue
from bot.storage.outbox import FAILED, SENT, utc_text
from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from tests.e2e.delivery.helpers import delivery_of, recipients, until_done

ROW_NUMBERS = itertools.count(1)


async def queue_row(bot: BotApplication, clock: Clock, kind: str, chat: int, payload: str) -> str:
    """An outbox row written straight to the table, as an older version (or a broken hand)
    left it; returns its batch (its own) once the sender has been told."""
    batch = f"raw:{kind}:{next(ROW_NUMBERS)}"
    stamp = utc_text(clock.now())
    await bot.bot_data.deps.storage.db.write(
        "INSERT INTO outbox (batch, kind, chat_id, payload, dedupe_key, not_before, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (batch, kind, chat, payload, batch, stamp, stamp, stamp),
    )
    delivery_of(bot).sender.wake()
    return batch


def as_before(payload: dict[str, Any]) -> str:
    """How the previous version stored a payload."""
    return json.dumps(payload, ensure_ascii=False)


async def row(bot: BotApplication, batch: str) -> tuple[str, int, str | None]:
    found = await bot.bot_data.deps.storage.db.one(
        "SELECT status, attempts, last_error FROM outbox WHERE batch = ?", (batch,)
    )
    assert found is not None
    return str(found[0]), int(found[1]), found[2]


async def test_rows_queued_by_the_previous_version_go_out_after_an_upgrade(
    bot: BotApplication, standin: StandIn, clock: Clock
) -> None:
    (chat,) = await recipients(bot, standin, 2300, 1)
    card = {"text": "<b>Reminder</b>: the roundtable", "buttons": [[["Open", "s:AIGOV"]]]}
    rating = {
        "poll": {"question": "How was the roundtable?", "options": ["5", "4"], "multiple": False},
        "meta": {
            "subject": "session:x",
            "question": "rating",
            "language": "en",
            "keys": ["5", "4"],
        },
    }
    reminder = await queue_row(bot, clock, "reminder", chat, as_before(card))
    poll = await queue_row(bot, clock, "feedback", chat, as_before(rating))
    await until_done(delivery_of(bot), reminder)
    await until_done(delivery_of(bot), poll)
    sent_card, sent_poll = standin.user(chat).messages
    assert sent_card.text == "Reminder: the roundtable"
    assert sent_card.buttons == [[("Open", "s:AIGOV")]]
    assert sent_poll.poll is not None and sent_poll.poll["question"] == "How was the roundtable?"
    poll_id = str(sent_poll.poll["id"])
    feedback = bot.bot_data.deps.storage.feedback
    recorded = await feedback.poll(poll_id)  # the delivery hook read the old meta
    assert recorded is not None and (recorded.subject, recorded.options) == (
        "session:x",
        ("5", "4"),
    )

    stop = {"stop_poll": {"message_id": sent_poll.message_id}, "meta": {"poll_id": poll_id}}
    closing = await queue_row(bot, clock, "close-poll", chat, as_before(stop))
    await until_done(delivery_of(bot), closing)
    assert sent_poll.poll["is_closed"] is True
    closed = await bot.bot_data.deps.storage.db.one(
        "SELECT closed FROM polls WHERE poll_id = ?", (poll_id,)
    )
    assert closed is not None and closed[0] == 1
    assert [(await row(bot, b))[0] for b in (reminder, poll, closing)] == [SENT, SENT, SENT]


async def test_a_row_that_does_not_read_fails_alone_with_its_reason(
    bot: BotApplication, standin: StandIn, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    (chat,) = await recipients(bot, standin, 2400, 1)
    caplog.set_level(logging.WARNING, logger="bot.delivery.sender")
    pigeon = await queue_row(bot, clock, "announcement", chat, '{"type": "carrier-pigeon"}')
    torn = await queue_row(bot, clock, "announcement", chat, '{"text": "cut sho')
    await delivery_of(bot).enqueue("after", "announcement", [Outgoing(chat, Text("Hello"), "a:1")])
    await until_done(delivery_of(bot), "after")
    await until_done(delivery_of(bot), pigeon)
    await until_done(delivery_of(bot), torn)

    assert await row(bot, pigeon) == (
        FAILED,
        1,
        "PayloadError: unreadable payload: unknown type 'carrier-pigeon'",
    )
    status, attempts, error = await row(bot, torn)
    assert (status, attempts) == (FAILED, 1)
    assert error is not None and error.startswith("PayloadError: unreadable payload: not JSON")
    assert [m.text for m in standin.user(chat).messages] == ["Hello"]
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("unknown type 'carrier-pigeon'" in line for line in logged)
    assert delivery_of(bot).sender.stats.errors["PayloadError"] == 2

    # The sender goes on.
    await delivery_of(bot).enqueue("later", "announcement", [Outgoing(chat, Text("Bye"), "l:1")])
    await until_done(delivery_of(bot), "later")
    assert [m.text for m in standin.user(chat).messages] == ["Hello", "Bye"]


async def test_a_document_and_a_venue_go_out(bot: BotApplication, standin: StandIn) -> None:
    (chat,) = await recipients(bot, standin, 2500, 1)
    known = await standin.user_sends_photo(2501, b"%PDF-1.7 programme", "")  # a file Telegram has
    delivery = delivery_of(bot)
    document = Document(known, "<b>Programme</b>, day 1")
    venue = Venue(21.0285, 105.8542, "National Convention Centre", "Phạm Hùng, Hà Nội")
    await delivery.enqueue("doc", "announcement", [Outgoing(chat, document, "doc:1")])
    await delivery.enqueue("venue", "announcement", [Outgoing(chat, venue, "venue:1")])
    await until_done(delivery, "doc")
    await until_done(delivery, "venue")
    sent, pin = standin.user(chat).messages
    assert sent.document is not None and sent.document[1] == b"%PDF-1.7 programme"
    assert sent.caption == "Programme, day 1"
    # sendVenue: the place on a map (it was refused until the venue screens came)
    assert pin.venue is not None
    assert pin.venue["location"]["latitude"] == pytest.approx(21.0285)
    assert pin.venue["title"] == "National Convention Centre"
    assert pin.venue["address"] == "Phạm Hùng, Hà Nội"
