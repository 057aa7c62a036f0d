"""The speakers, by name, and a speaker's card: biography, photo link, their sessions."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from bot.features.speakers.actions import SpeakersPage
from bot.programme.codes import speaker_code
from bot.programme.textfold import words
from bot.ui.answer import Answer
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import PAGE_SIZE, navigation, page_of
from bot.ui.sessions import OpenSpeaker, list_line, session_rows, speakers_by_name
from bot.ui.view import View, bold, clip, italic

BIOGRAPHY_CHARS = 1200
FOUND_SHOWN = 12  # speakers a search shows; more: type more of the name
MAX_QUERY_WORDS = 6


def speakers(view: View, page_number: int) -> Screen:
    _ = view._
    names = speakers_by_name(view.schedule)
    if not names:
        return Screen(_("The programme names no speakers yet."), (main_menu_row(view),))
    page = page_of(names, page_number)
    count = view.t.ngettext("%(count)d speaker", "%(count)d speakers", len(names)) % {
        "count": len(names)
    }
    hint = _("Choose a speaker, or find one by name: /speakers and part of the name.")
    text = "\n".join([bold(_("Speakers")) + " " + italic(f"({count})"), "", hint])
    rows: list[Row] = [
        (Button("🎤 " + clip(name, 60), OpenSpeaker(page.first_index + i, page.number).encode()),)
        for i, name in enumerate(page.items)
    ]
    nav = navigation(page, SpeakersPage)
    if nav:
        rows.append(nav)
    rows.append(main_menu_row(view))
    return Screen(text, tuple(rows))


def found(view: View, query: str) -> Screen:
    """/speakers <part of a name>: the speakers whose names have those words, accents aside."""
    _ = view._
    names = speakers_by_name(view.schedule)
    wanted = words(query)[:MAX_QUERY_WORDS]
    hits = [i for i, name in enumerate(names) if _has_words(words(name), wanted)]
    if not hits:
        note = _("No speaker’s name matches “%(words)s”.") % {"words": escape(clip(query, 40))}
        shown = speakers(view, 0)
        return replace(shown, text=f"{note}\n\n{shown.text}")
    count = view.t.ngettext("%(count)d speaker", "%(count)d speakers", len(hits)) % {
        "count": len(hits)
    }
    lines = [bold(_("Speakers")) + " " + italic(f"“{escape(clip(query, 40))}” ({count})")]
    if len(hits) > FOUND_SHOWN:
        lines += ["", _("Add letters of the name to see the others.")]
    rows: list[Row] = [
        (Button("🎤 " + clip(names[i], 60), OpenSpeaker(i, i // PAGE_SIZE).encode()),)
        for i in hits[:FOUND_SHOWN]
    ]
    rows.append((Button(_("‹ Speakers"), SpeakersPage(0).encode()), *main_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))


def _has_words(name: list[str], wanted: list[str]) -> bool:
    """Each word typed begins a word of the name ("ngoc" finds "Phạm Quang Ngọc")."""
    return all(any(part.startswith(w) for part in name) for w in wanted)


def speaker(view: View, index: int, page_number: int) -> Answer | None:
    """The card; where the messenger shows photos by URL, the portrait comes above it."""
    _ = view._
    names = speakers_by_name(view.schedule)
    if not 0 <= index < len(names):
        return None
    name = names[index]
    profile = view.schedule.profiles.get(name)
    lines = ["🎤 " + bold(name)]
    if profile is not None and profile.biography:
        lines += ["", escape(clip(profile.biography, BIOGRAPHY_CHARS))]
    photo = profile.photo if profile is not None else None
    if photo and not view.channel.photos:
        lines += ["", "📷 " + escape(photo)]
    sessions = view.schedule.by_speaker(name)
    lines += ["", bold(_("Sessions"))]
    lines += [list_line(view, s, with_day=True) for s in sessions]
    here = OpenSpeaker(index, page_number)
    rows: list[Row] = session_rows(view, sessions[:8], here)
    rows.append((Button(_("‹ Speakers"), SpeakersPage(page_number).encode()), *main_menu_row(view)))
    card = Screen("\n".join(lines), tuple(rows))
    if photo and view.channel.photos:
        return Answer(card, previews=(Screen(bold(name), photo=photo),))
    return Answer(card)


def index_of_code(view: View, code: str) -> int | None:
    """The place in the list by name of the speaker a link's code names."""
    names = speakers_by_name(view.schedule)
    return next((i for i, name in enumerate(names) if speaker_code(name) == code), None)


def speaker_not_found(view: View, code: str) -> str:
    return view._("No speaker of the programme has the link code %(code)s.") % {
        "code": escape(code[:16])
    }
