"""The programme by the sessions' language: /schedule → 🗣 By language, in vi/en/fr."""

from __future__ import annotations

import pytest

from channels.telegram.app import BotApplication
from standin.telegram import StandIn


@pytest.mark.parametrize(
    ("language", "button", "english", "heading"),
    [
        ("en", "🗣 By language", "🗣 English (22)", "Sessions in English"),
        ("vi", "🗣 Theo ngôn ngữ", "🗣 tiếng Anh (22)", "Các phiên bằng tiếng Anh"),
        ("fr", "🗣 Par langue", "🗣 anglais (22)", "Sessions en anglais"),
    ],
)
async def test_the_programme_by_the_language_of_its_sessions(
    bot: BotApplication, standin: StandIn, language: str, button: str, english: str, heading: str
) -> None:
    user = standin.user(730, language_code=language)
    programme = await user.ask("/schedule")
    languages = await user.press(programme, button)
    assert english in languages.labels
    sessions = await user.press(languages, english)
    assert heading in sessions.text
    assert "1/4" in sessions.labels  # 22 sessions, six a page
