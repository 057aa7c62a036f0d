"""Poll texts respect Telegram's limits in every language: long titles are shortened."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.features.feedback.screens import QUESTION_CHARS, RATING_KEYS, rating_poll
from bot.i18n import Catalogs
from bot.programme.loader import load_schedule
from bot.ui.view import View
from tests.conftest import SCHEDULE, at


@pytest.mark.parametrize("lang", ["vi", "en", "fr"])
def test_a_very_long_title_is_shortened_not_rejected(catalogs: Catalogs, lang: str) -> None:
    schedule = load_schedule(SCHEDULE)
    session = schedule.sessions[0]
    long_title = "Chuyển đổi số " * 40
    session = replace(session, title=long_title, titles={lang: long_title})
    poll = rating_poll(View(catalogs[lang], schedule, at("2025-10-27T18:00+07:00")), session, "s")
    assert len(poll.question) <= QUESTION_CHARS
    assert "…" in poll.question
    assert all(1 <= len(option) <= 100 for option in poll.options)
    assert poll.keys == RATING_KEYS and len(poll.options) == len(RATING_KEYS)
