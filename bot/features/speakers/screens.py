"""The speakers, by name, and a speaker's card: biography, photo link, their sessions."""

from __future__ import annotations

from html import escape

from bot.features.speakers.actions import SpeakersPage
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.sessions import OpenSpeaker, list_line, session_rows, speakers_by_name
from bot.ui.view import View, bold, clip, italic

BIOGRAPHY_CHARS = 1200


def speakers(view: View, page_number: int) -> Screen:
    _ = view._
    names = speakers_by_name(view.schedule)
    if not names:
        return Screen(_("The programme names no speakers yet."), (main_menu_row(view),))
    page = page_of(names, page_number)
    count = view.t.ngettext("%(count)d speaker", "%(count)d speakers", len(names)) % {
        "count": len(names)
    }
    text = "\n".join([bold(_("Speakers")) + " " + italic(f"({count})"), "", _("Choose a speaker.")])
    rows: list[Row] = [
        (Button("🎤 " + clip(name, 60), OpenSpeaker(page.first_index + i, page.number).encode()),)
        for i, name in enumerate(page.items)
    ]
    nav = navigation(page, SpeakersPage)
    if nav:
        rows.append(nav)
    rows.append(main_menu_row(view))
    return Screen(text, tuple(rows))


def speaker(view: View, index: int, page_number: int) -> Screen | None:
    _ = view._
    names = speakers_by_name(view.schedule)
    if not 0 <= index < len(names):
        return None
    name = names[index]
    profile = view.schedule.profiles.get(name)
    lines = ["🎤 " + bold(name)]
    if profile is not None and profile.biography:
        lines += ["", escape(clip(profile.biography, BIOGRAPHY_CHARS))]
    if profile is not None and profile.photo:
        lines += ["", "📷 " + escape(profile.photo)]
    sessions = view.schedule.by_speaker(name)
    lines += ["", bold(_("Sessions"))]
    lines += [list_line(view, s, with_day=True) for s in sessions]
    here = OpenSpeaker(index, page_number)
    rows: list[Row] = session_rows(view, sessions[:8], here)
    rows.append((Button(_("‹ Speakers"), SpeakersPage(page_number).encode()), *main_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))
