"""The programme by interpretation: /schedule → 🗣 By language → 🎧 the sessions interpreted
into a language, in vi/en/fr (a delegate who follows Vietnamese only finds what they can
follow)."""

from __future__ import annotations

import pytest

from channels.telegram.app import BotApplication
from standin.telegram import StandIn


@pytest.mark.parametrize(
    ("language", "button", "into", "heading"),
    [
        ("en", "🗣 By language", "🎧 Into Vietnamese (22)", "Sessions interpreted into Vietnamese"),
        (
            "vi",
            "🗣 Theo ngôn ngữ",
            "🎧 Phiên dịch sang tiếng Việt (22)",
            "Các phiên có phiên dịch sang tiếng Việt",
        ),
        (
            "fr",
            "🗣 Par langue",
            "🎧 Interprétation en vietnamien (22)",
            "Sessions avec interprétation en vietnamien",
        ),
    ],
)
async def test_the_sessions_interpreted_into_a_language(
    bot: BotApplication, standin: StandIn, language: str, button: str, into: str, heading: str
) -> None:
    user = standin.user(735, language_code=language)
    programme = await user.ask("/schedule")
    languages = await user.press(programme, button)
    sessions = await user.press(languages, into)
    back = await user.press(sessions, "›")
    assert "🎧" in languages.text
    assert heading in sessions.text
    assert "1/4" in sessions.labels and "2/4" in back.labels  # 22 sessions, six a page
    assert "🗣" not in sessions.text.split("\n")[0]  # the heading names the interpretation


async def test_a_forged_interpretation_page_gets_the_main_menu(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(736, language_code="en")
    programme = await user.ask("/schedule")
    menu = await user.press(programme, data="gi:7:0")  # no 8th language interpreted into
    assert user.callback_answers[-1] == "This button is no longer valid. Here is the main menu."
    assert "🌐 Language" in menu.labels
