"""Every button reads whole and means one thing: on every screen of the VIDW programme and of a
real pretalx export, in every language, no label is wider than its share of the row, and no
two buttons on one screen say the same."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from functools import cache

import pytest

from bot.channels import TELEGRAM, ZALO
from bot.features.browse.screens import now_and_next
from bot.i18n import LANGUAGES, Catalogs
from bot.programme.loader import load_schedule
from bot.programme.model import Schedule
from bot.ui.layout import FULL_ROW_CHARS, row_chars
from bot.ui.model import Button, Screen
from bot.ui.sessions import session_rows
from bot.ui.view import CHANNELS, View
from tests.conftest import SCHEDULE, democon_path
from tests.unit.bot.ui.every_screen import at_times, every_screen

PROGRAMMES = {"vidw": SCHEDULE, "pretalx": democon_path()}


@cache
def programme(name: str) -> Schedule:
    return load_schedule(PROGRAMMES[name])


def moments(schedule: Schedule) -> list[datetime]:
    """Before the event, while its first day runs, and after it."""
    times = at_times(schedule)
    return [times[0], times[1] + timedelta(hours=2), times[-1]]


def too_wide(screen: Screen) -> list[str]:
    wrong = []
    for row in screen.rows:
        limit = row_chars(len(row))
        wrong += [f"{b.label!r} ({len(b.label)} > {limit})" for b in row if len(b.label) > limit]
    return wrong


def repeated(buttons: list[Button]) -> list[str]:
    return [label for label, n in Counter(b.label for b in buttons).items() if n > 1]


def screens(catalogs: Catalogs, name: str, lang: str, channel: str) -> list[tuple[str, Screen]]:
    schedule = programme(name)
    out = []
    for now in moments(schedule):
        view = View(catalogs[lang], schedule, now, CHANNELS[channel])
        out += [(f"{what} at {now:%d %H:%M}", screen) for what, screen in every_screen(view)]
    base = View(catalogs[lang], schedule, moments(schedule)[0], CHANNELS[channel])
    out += [
        (f"now and next at {now:%d %H:%M}", now_and_next(replace(base, now=now)))
        for now in at_times(schedule)
    ]
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PROGRAMMES)
def test_no_label_is_wider_than_its_share_of_the_row(
    catalogs: Catalogs, name: str, lang: str
) -> None:
    wrong = {
        what: bad
        for what, screen in screens(catalogs, name, lang, TELEGRAM)
        if (bad := too_wide(screen))
    }
    assert wrong == {}


@pytest.mark.parametrize("channel", [TELEGRAM, ZALO])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PROGRAMMES)
def test_no_two_buttons_on_one_screen_say_the_same(
    catalogs: Catalogs, name: str, lang: str, channel: str
) -> None:
    wrong = {
        what: twice
        for what, screen in screens(catalogs, name, lang, channel)
        if (twice := repeated(screen.buttons()))
    }
    assert wrong == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_session_buttons_show_the_short_title_whole(catalogs: Catalogs, lang: str) -> None:
    """The programme gives a short title wherever the full one would be cut on a button that
    says the time ("10:30 …") or marks a highlight ("⭐ …")."""
    schedule = programme("vidw")
    room = FULL_ROW_CHARS - len("10:30 ")
    assert [s.key for s in schedule.sessions if len(s.short_title_in(lang)) > room] == []
    view = View(catalogs[lang], schedule, moments(schedule)[1], CHANNELS[TELEGRAM])
    shown = {s.short_title_in(lang) for s in schedule.sessions}
    cut = [
        button.label
        for _what, screen in every_screen(view)
        for button in screen.buttons()
        if button.label.endswith("…") and button.label[:6].strip()[:2].isdigit()
    ]
    assert cut == []
    home = every_screen(view).__next__()[1]
    roundtable = schedule.session("AIGOV")
    assert roundtable is not None and roundtable.short_title_in(lang) in shown
    assert home.buttons()[0].label == "⭐ " + roundtable.short_title_in(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_two_eu_forums_read_differently_on_their_buttons(catalogs: Catalogs, lang: str) -> None:
    schedule = programme("vidw")
    view = View(catalogs[lang], schedule, moments(schedule)[0], CHANNELS[TELEGRAM])
    forums = [schedule.session("EUCOOP"), schedule.session("EUPART")]
    labels = {
        b.label
        for _what, screen in every_screen(view)
        for b in screen.buttons()
        if any(f is not None and f.short_title_in(lang) in b.label for f in forums)
    }
    short = {f.short_title_in(lang) for f in forums if f is not None}
    assert len(short) == 2 and all(not label.endswith("…") for label in labels)


def test_one_title_at_one_time_on_two_days_gets_its_day(catalogs: Catalogs) -> None:
    schedule = programme("vidw")
    first = schedule.sessions[1]
    other = replace(first, guid="x", key="X", start=first.start + timedelta(days=1))
    view = View(catalogs["fr"], schedule, moments(schedule)[0], CHANNELS[TELEGRAM])
    rows = session_rows(view, [first, other], None)
    labels = [row[0].label for row in rows]
    assert labels[0] != labels[1]
    assert labels[0].startswith("Lun. 27/10 ") and labels[1].startswith("Mar. 28/10 ")
    same_room_twice = session_rows(view, [first, replace(first, guid="y", key="Y")], None)
    assert len({row[0].label for row in same_room_twice}) == 2
