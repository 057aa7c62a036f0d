"""Outbox payloads: every kind survives the outbox's JSON, rows of the previous version still
read, and a row that does not read says why."""

from __future__ import annotations

import json

import pytest

from bot.outgoing import (
    Document,
    Payload,
    PayloadError,
    Photo,
    Poll,
    StopPoll,
    Text,
    Venue,
    decode,
    encode,
    screen_payload,
)
from bot.ui.model import Button, PollRequest, Screen

RATING = PollRequest(
    subject="session:2b1c",
    question_key="rating",
    language="vi",
    question="Quý vị đánh giá phiên “Bàn tròn Bộ trưởng” thế nào?",
    options=("⭐⭐⭐⭐⭐ Xuất sắc", "⭐⭐⭐⭐ Tốt", "Không tham dự"),
    keys=("5", "4", "absent"),
)
OPEN = ((Button("📋 Open", "s:AIGOV"), Button("‹ Main menu", "home")), (Button("Skip", "skipc"),))

EVERY_KIND: list[Payload] = [
    Text("<b>Reminder</b>: the roundtable starts in 10 minutes"),
    Text("<b>Ministerial Roundtable</b>", OPEN),
    Photo("AgACAgIAAxkBAAIB", "Map of <b>Hall B</b>"),
    Photo("AgACAgIAAxkBAAIB", "", OPEN),
    Poll(RATING),
    Poll(
        PollRequest(
            "survey:vidw2025",
            "themes",
            "fr",
            "Quels thèmes vous ont intéressé ?",
            ("IA", "Cybersécurité", "5G"),
            ("ai", "security", "5g"),
            multiple=True,
        )
    ),
    StopPoll(4711, "5432109876543210"),
    Document("BQACAgIAAxkBAAIC", "Programme, day 1"),
    Document("BQACAgIAAxkBAAIC"),
    Venue(21.0285, 105.8542, "National Convention Centre", "Phạm Hùng, Nam Từ Liêm, Hà Nội"),
]


@pytest.mark.parametrize("payload", EVERY_KIND, ids=lambda p: type(p).__name__)
def test_every_kind_reads_back_as_it_was_written(payload: Payload) -> None:
    assert decode(encode(payload)) == payload


def test_the_json_is_tagged_and_keeps_the_recipients_script() -> None:
    stored = encode(Poll(RATING))
    assert json.loads(stored)["type"] == "poll"
    assert "Quý vị đánh giá" in stored  # not \u escapes: the outbox stays readable


# Exactly what the previous version wrote (json.dumps(..., ensure_ascii=False) of its dicts):
# screen_payload, poll_payload, feedback's request_payload, broadcasting and poll closing.
BEFORE_TYPES = [
    (
        '{"text": "<b>Reminder</b>", "buttons": [[["Open", "s:AIGOV"]]]}',
        Text("<b>Reminder</b>", ((Button("Open", "s:AIGOV"),),)),
    ),
    ('{"text": "Phiên đã đổi phòng"}', Text("Phiên đã đổi phòng")),
    (
        '{"photo": "AgACAgIAAxkBAAIB", "caption": "Map of Hall B"}',
        Photo("AgACAgIAAxkBAAIB", "Map of Hall B"),
    ),
    (
        '{"poll": {"question": "Quý vị đánh giá phiên “Bàn tròn Bộ trưởng” thế nào?", '
        '"options": ["⭐⭐⭐⭐⭐ Xuất sắc", "⭐⭐⭐⭐ Tốt", "Không tham dự"], "multiple": false}, '
        '"meta": {"subject": "session:2b1c", "question": "rating", "language": "vi", '
        '"keys": ["5", "4", "absent"]}}',
        Poll(RATING),
    ),
    (
        '{"poll": {"question": "How was the roundtable?", "options": ["5", "4"], '
        '"multiple": false}}',
        Poll(PollRequest("", "", "en", "How was the roundtable?", ("5", "4"), ())),
    ),
    (
        '{"stop_poll": {"message_id": 4711}, "meta": {"poll_id": "5432109876543210"}}',
        StopPoll(4711, "5432109876543210"),
    ),
]


@pytest.mark.parametrize("stored, payload", BEFORE_TYPES, ids=lambda v: str(v)[:24])
def test_rows_queued_before_payloads_had_types_still_read(stored: str, payload: Payload) -> None:
    assert decode(stored) == payload


@pytest.mark.parametrize("stored, payload", BEFORE_TYPES[:4] + BEFORE_TYPES[5:])
def test_rows_queued_now_read_as_before_but_for_the_tag(stored: str, payload: Payload) -> None:
    """What the previous version's transports looked for is still there, unchanged: a
    rollback during a deploy does not strand the rows queued meanwhile."""
    written = json.loads(encode(payload))
    assert written.pop("type") == type(payload).tag
    assert written == json.loads(stored)


@pytest.mark.parametrize(
    "stored, reason",
    [
        ("not json", "not JSON"),
        ("[1, 2]", "a JSON list, not an object"),
        ("{}", "no type, and none of stop_poll, photo, poll, text: []"),
        ('{"forgotten": true}', "no type, and none of stop_poll, photo, poll, text: ['forgotten']"),
        ('{"type": "carrier-pigeon"}', "unknown type 'carrier-pigeon'"),
        ('{"type": 3, "text": "hi"}', "unknown type 3"),
        ('{"type": "text"}', "text: no 'text'"),
        ('{"text": 42}', "text: 'text' is int, not str"),
        (
            '{"text": "hi", "buttons": [["Open"]]}',
            "text: 'buttons' are not rows of [label, action]",
        ),
        ('{"text": "hi", "buttons": [[["Open", ""]]]}', "does not fit Telegram's 64-byte limit"),
        ('{"poll": {"question": "Q?", "options": "yes"}}', "poll: 'options' is str, not list"),
        ('{"poll": {"question": "Q?", "options": [1, 2]}}', "'options' holds something other"),
        ('{"stop_poll": {"message_id": 7}}', "stop_poll: no 'meta'"),
        ('{"stop_poll": {"message_id": true}, "meta": {"poll_id": "p"}}', "'message_id' is bool"),
        ('{"type": "venue", "venue": {"latitude": "21", "longitude": 105}}', "'latitude' is str"),
    ],
)
def test_a_row_that_does_not_read_says_why(stored: str, reason: str) -> None:
    with pytest.raises(PayloadError, match=r"^unreadable payload: ") as raised:
        decode(stored)
    assert reason in str(raised.value)


def test_a_screen_becomes_a_text_or_its_photo_with_a_caption() -> None:
    assert screen_payload(Screen("<b>Hello</b>", OPEN)) == Text("<b>Hello</b>", OPEN)
    shown = Screen("Map of Hall B", photo="AgACAgIAAxkBAAIB")
    assert screen_payload(shown) == Photo("AgACAgIAAxkBAAIB", "Map of Hall B")
