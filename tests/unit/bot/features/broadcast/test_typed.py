"""A draft typed in one go (the console's form): the audience as chosen, the texts as typed
(Telegram HTML made safe), and each problem named by its field."""

from __future__ import annotations

import re

import pytest

from bot.features.broadcast.markup import MarkupError, telegram_html
from bot.features.broadcast.service import (
    Problem,
    Typed,
    audience_from_text,
    parse_audience,
    typed_texts,
)
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE

SCHEDULE_IN_USE = load_schedule(SCHEDULE)


def test_telegram_html_keeps_its_tags_balanced_and_escapes_the_rest() -> None:
    typed = 'R&D <b>bold <i>both</b> 1 < 2</i> <a href="https://vidw.vn/?a=1&b=2">site</a>'
    assert telegram_html(typed) == (
        'R&amp;D <b>bold <i>both</i></b> 1 &lt; 2 <a href="https://vidw.vn/?a=1&amp;b=2">site</a>'
    )
    assert telegram_html("  <b>open\r\nline") == "<b>open\nline</b>"
    with pytest.raises(MarkupError, match="<div>"):
        telegram_html("<div>x</div>")
    with pytest.raises(MarkupError, match="javascript"):
        telegram_html('<a href="javascript:alert(1)">x</a>')


def test_audiences_by_kind_including_the_channel() -> None:
    session = SCHEDULE_IN_USE.sessions[0]
    track = SCHEDULE_IN_USE.tracks[0]
    assert parse_audience(SCHEDULE_IN_USE, "all", "") == "all"
    assert parse_audience(SCHEDULE_IN_USE, "lang", "fr") == "lang:fr"
    assert parse_audience(SCHEDULE_IN_USE, "channel", "zalo") == "channel:zalo"
    assert parse_audience(SCHEDULE_IN_USE, "theme", track.slug) == f"theme:{track.slug}"
    assert parse_audience(SCHEDULE_IN_USE, "session", session.key) == (
        f"session:{session.guid}|{session.track_slug or ''}"
    )
    assert parse_audience(SCHEDULE_IN_USE, "session", "NOPE") == Problem(
        "audience", "unknown-session", detail="NOPE"
    )
    assert parse_audience(SCHEDULE_IN_USE, "theme", "nope").kind == "unknown-theme"  # type: ignore[union-attr]
    assert parse_audience(SCHEDULE_IN_USE, "channel", "fax").kind == "unknown-audience"  # type: ignore[union-attr]
    assert audience_from_text(SCHEDULE_IN_USE, "channel:telegram") == "channel:telegram"
    with pytest.raises(ValueError, match=re.escape("channel:telegram|zalo")):
        audience_from_text(SCHEDULE_IN_USE, "channel:fax")


def test_texts_empty_too_long_or_without_the_default_are_named() -> None:
    assert typed_texts(Typed("all", texts={"all": " <b>Hi</b> "})) == {"all": "<b>Hi</b>"}
    assert typed_texts(Typed("all", texts={"all": "  "})) == [Problem("all", "empty")]
    long = "x" * 4097
    assert typed_texts(Typed("all", texts={"all": long})) == [Problem("all", "too-long", 4097)]
    # The tags do not count: 4096 letters in bold fit.
    assert typed_texts(Typed("all", texts={"all": f"<b>{'x' * 4096}</b>"})) != []
    per_language = {"vi": "Xin chào", "en": "", "fr": "Bonjour"}
    assert typed_texts(Typed("all", texts=per_language, default_language="en")) == [
        Problem("default", "no-default-text")
    ]
    assert typed_texts(Typed("all", texts=per_language, default_language="fr")) == {
        "vi": "Xin chào",
        "fr": "Bonjour",
    }
    nothing = {"vi": "", "en": "", "fr": ""}
    assert typed_texts(Typed("all", texts=nothing)) == [Problem("en", "empty")]
    assert typed_texts(Typed("all", texts={"vi": "<p>x</p>", "en": "ok"})) == [
        Problem("vi", "markup", detail="<p>")
    ]
