"""Screens and polls as numbered text (Zalo), and plain-word commands."""

from __future__ import annotations

from bot.deps import Deps
from bot.features.feedback.screens import RATING_KEYS
from bot.i18n import Catalogs
from bot.ui.model import Button, PollRequest, Screen
from channels.zalo.render import numbered, numbered_poll, split


def test_buttons_become_numbered_choices_in_plain_text(catalogs: Catalogs) -> None:
    screen = Screen(
        "<b>Programme</b> &amp; more",
        ((Button("A", "sched"), Button("B", "now")), (Button("C", "home"),)),
    )
    shown = numbered(screen, catalogs["vi"])
    assert shown.text.startswith("Programme & more\n\n1. A\n2. B\n3. C")
    assert shown.text.endswith("Trả lời bằng một số, hoặc gõ từ khóa để tìm kiếm.")
    assert shown.actions == ("sched", "now", "home")
    assert numbered(Screen("Just text", ()), catalogs["en"]).text == "Just text"


def test_a_rating_reads_as_a_score_and_zero_is_did_not_attend(catalogs: Catalogs) -> None:
    options = ("★5", "★4", "★3", "★2", "★1", "absent")
    request = PollRequest("session:x", "rating", "en", "How was it?", options, RATING_KEYS)
    poll = numbered_poll(request, catalogs["en"])
    assert poll.numbers == {"5": 0, "4": 1, "3": 2, "2": 3, "1": 4, "0": 5}
    assert "5. ★5" in poll.text and "0. absent" in poll.text
    survey = PollRequest(
        "survey:s", "themes", "fr", "Thèmes ?", ("a", "b", "c"), ("x", "y", "z"), True
    )
    multiple = numbered_poll(survey, catalogs["fr"])
    assert multiple.numbers == {"1": 0, "2": 1, "3": 2}
    assert multiple.text.endswith("Répondez par les numéros de vos réponses, par exemple 1 3.")


def test_long_texts_split_at_line_breaks_within_the_limit() -> None:
    lines = [f"line {i:03d} " + "x" * 40 for i in range(100)]
    pieces = split("\n".join(lines), 2000)
    assert all(len(piece) <= 2000 for piece in pieces)
    assert "\n".join(pieces) == "\n".join(lines)
    assert all(piece.startswith("line ") for piece in pieces)  # cut between lines
    assert split("y" * 4500, 2000) == ["y" * 2000, "y" * 2000, "y" * 500]


async def test_plain_words_are_commands_in_three_languages(core: Deps) -> None:
    def command_for(text: str) -> str | None:
        command = core.navigator.routes.command_for(text)
        return None if command is None else command.name

    assert command_for("Lịch") == command_for("lich") == command_for("programme") == "schedule"
    assert command_for("  Aide ") == command_for("trợ giúp") == command_for("/help") == "help"
    assert command_for("Menu") == "start"
    assert command_for("5G") is None
    assert command_for("lịch trình hội thảo về AI ngày mai") is None  # a search
