"""Numbered text says what a Zalo user can do: full titles in the choices, each session once,
no page number as a choice, no button to tap."""

from __future__ import annotations

import re

import pytest

from bot.channels import TELEGRAM, ZALO
from bot.deps import Deps
from bot.features.agenda.screens import agenda
from bot.features.browse.screens import home, theme
from bot.features.browse.search_screens import search_results
from bot.features.feedback.screens import comment_offer
from bot.i18n import LANGUAGES, Catalogs
from bot.programme.loader import load_schedule
from bot.ui.view import CHANNELS, View
from channels.zalo.render import numbered
from tests.conftest import SCHEDULE, at

NOW = at("2025-10-27T10:00+07:00")
TAP = {"vi": "bấm", "en": "Tap", "fr": "Touchez"}


def view(catalogs: Catalogs, lang: str, channel: str = ZALO) -> View:
    return View(catalogs[lang], load_schedule(SCHEDULE), NOW, CHANNELS[channel])


def choices(text: str) -> list[str]:
    return re.findall(r"^(\d+)\. (.*)$", text, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_session_once_with_its_full_title_time_and_room(catalogs: Catalogs, lang: str) -> None:
    shown = view(catalogs, lang)
    track = shown.schedule.tracks[2]  # Artificial Intelligence: two pages
    screen = theme(shown, track.index, 0)
    assert screen is not None
    text = numbered(screen, catalogs[lang]).text
    first_page = shown.schedule.in_track(track)[:6]
    for session in first_page:
        assert text.count(session.title_in(lang)) == 1  # as a choice, not again above it
    roundtable = shown.schedule.session("AIGOV")
    assert roundtable is not None
    (line,) = [label for _n, label in choices(text) if roundtable.title_in(lang) in label]
    assert "10:30–12:00" in line and "…" not in line
    assert roundtable.room_in(lang) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_number_is_said_not_offered(catalogs: Catalogs, lang: str) -> None:
    shown = view(catalogs, lang)
    screen = theme(shown, shown.schedule.tracks[2].index, 0)
    assert screen is not None
    rendered = numbered(screen, catalogs[lang])
    labels = [label for _n, label in choices(rendered.text)]
    assert not any(re.fullmatch(r"\d+/\d+", label) for label in labels)
    assert "noop" not in rendered.actions
    assert len(rendered.actions) == len(labels)
    page = {"vi": "Trang 1/2", "en": "Page 1 of 2", "fr": "Page 1 sur 2"}[lang]
    assert page in rendered.text
    assert {"vi": "Trang sau ›", "en": "Next page ›", "fr": "Page suivante ›"}[lang] in labels


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zalo_is_never_asked_to_tap_a_button(catalogs: Catalogs, lang: str) -> None:
    on_zalo = numbered(home(view(catalogs, lang), "Lan"), catalogs[lang]).text
    on_telegram = home(view(catalogs, lang, TELEGRAM), "Lan").text
    assert TAP[lang] not in on_zalo and TAP[lang] in on_telegram
    empty = numbered(agenda(view(catalogs, lang), [], 0), catalogs[lang]).text
    assert TAP[lang].lower() not in empty.lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_comment_prompt_says_how_to_skip(catalogs: Catalogs, lang: str) -> None:
    text = numbered(comment_offer(view(catalogs, lang)), catalogs[lang]).text
    hint = {
        "vi": "Vui lòng nhập góp ý, hoặc trả lời 1 để bỏ qua.",
        "en": "Type your comment, or reply 1 to skip.",
        "fr": "Écrivez votre commentaire ou répondez 1 pour passer.",
    }[lang]
    assert text.endswith(hint)


def test_sessions_that_read_the_same_are_told_apart(catalogs: Catalogs) -> None:
    """Two business matching sessions, one title: on Telegram their buttons say the day."""
    shown = view(catalogs, "en", TELEGRAM)
    screen = search_results(shown, "business matching", 0)
    labels = [b.label for b in screen.buttons()]
    assert len(labels) == len(set(labels))


async def test_the_personal_agenda_is_a_plain_word_too(core: Deps) -> None:
    command = core.navigator.routes.command_for("Lịch cá nhân")
    assert command is not None and command.name == "agenda"
