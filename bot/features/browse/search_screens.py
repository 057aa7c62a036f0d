"""The search screens: ranked results saying what matched when it was not the title, the
themes, speakers and rooms that match better than any session, a suggestion when nothing
matches; and the pages of a speaker's and a room's sessions that a search offers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.features.browse.actions import ResultsPage, RoomPage, SpeakerPage, ThemePage
from bot.features.browse.screens import session_list
from bot.programme.search import Matched, search
from bot.programme.search_index import Entity, EntityKind, Part
from bot.ui.actions import Action, Go
from bot.ui.finds import Found
from bot.ui.layout import FULL_ROW_CHARS, fitted
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.view import View, bold, clip

QUERY_CHARS = 60
HINT_TITLE_CHARS = 70
_MARK = {EntityKind.THEME: "🏷", EntityKind.SPEAKER: "🎤", EntityKind.ROOM: "📍"}


def search_results(view: View, query: str, page: int, also: Sequence[Found] = ()) -> Screen:
    """`also`: what other features found (exhibitors), offered below the sessions."""
    _ = view._
    results = search(view.schedule, query, view.t.lang)
    if not results.sessions and also:
        return _only_also(view, query, also)
    if not results.sessions:
        return _nothing_found(view, query, results.suggestion)
    found = results.found()
    heading = view.t.ngettext(
        "%(count)d session found for “%(query)s”",
        "%(count)d sessions found for “%(query)s”",
        len(found),
    ) % {"count": len(found), "query": clip(query, QUERY_CHARS)}
    hits = {hit.session.key: hit for hit in results.sessions}
    entities = [hit.entity for hit in results.entities] if page == 0 else []
    also = also if page == 0 else ()
    note = [_entity_line(view, e) for e in entities] + [f.line for f in also]
    return session_list(
        view,
        heading,
        found,
        page,
        ResultsPage,
        back=main_menu_row(view)[0],
        with_day=True,
        note="\n".join(note) or None,
        first=[(_entity_button(view, e),) for e in entities],
        last=[(f.button,) for f in also],  # the programme first: exhibitors below its sessions
        hint=lambda s: _hint(view, results.matched(hits[s.key])),
    )


def speaker(view: View, index: int, page: int) -> Screen | None:
    """The sessions of one speaker; None for a speaker the programme no longer has."""
    speakers = view.schedule.speakers()
    if not 0 <= index < len(speakers):
        return None
    name = speakers[index]
    return session_list(
        view,
        view._("Speaker: %(name)s") % {"name": name},
        view.schedule.by_speaker(name),
        page,
        lambda p: SpeakerPage(index, p),
        back=_back_to_results(view),
        with_day=True,
    )


def room(view: View, index: int, page: int) -> Screen | None:
    """The sessions in one room; None for a room the programme no longer has."""
    rooms = view.schedule.rooms()
    if not 0 <= index < len(rooms):
        return None
    sessions = view.schedule.in_room(rooms[index])
    return session_list(
        view,
        view._("Room: %(name)s") % {"name": sessions[0].room_in(view.t.lang)},
        sessions,
        page,
        lambda p: RoomPage(index, p),
        back=_back_to_results(view),
        with_day=True,
    )


def _only_also(view: View, query: str, also: Sequence[Found]) -> Screen:
    """No session matches, other things do (exhibitors): those."""
    heading = view._("Found for “%(query)s”:") % {"query": clip(query, QUERY_CHARS)}
    lines = [bold(heading), "", *(f.line for f in also)]
    rows: list[Row] = [(f.button,) for f in also]
    rows += fitted([(Button(view._("📅 Programme"), Go.SCHEDULE), *main_menu_row(view))])
    return Screen("\n".join(lines), tuple(rows))


def _nothing_found(view: View, query: str, suggestion: Entity | None) -> Screen:
    _ = view._
    text = _("Nothing found for “%(query)s”. Try fewer or other words, or browse by theme.") % {
        "query": escape(clip(query, QUERY_CHARS))
    }
    rows: list[Row] = []
    if suggestion is not None:
        text += "\n\n" + escape(_suggestion(view, suggestion))
        rows.append((_entity_button(view, suggestion),))
    rows += fitted([(Button(_("📅 Programme"), Go.SCHEDULE), *main_menu_row(view))])
    return Screen(text, tuple(rows))


def _suggestion(view: View, entity: Entity) -> str:
    _ = view._
    name = entity.name_in(view.t.lang)
    if entity.kind is EntityKind.THEME:
        return _("You may be looking for the theme “%(name)s”.") % {"name": name}
    if entity.kind is EntityKind.SPEAKER:
        return _("You may be looking for the sessions of %(name)s.") % {"name": name}
    return _("You may be looking for the room “%(name)s”.") % {"name": name}


def _hint(view: View, matched: Matched | None) -> str | None:
    """What found the session, when it was not its title in the reader's language."""
    if matched is None:
        return None
    _ = view._
    if matched.part is Part.ABSTRACT:
        text = _("matched the abstract")
    elif matched.part is Part.SPEAKER:
        text = _("speaker: %(name)s") % {"name": matched.text}
    elif matched.part is Part.THEME:
        text = _("theme: %(name)s") % {"name": matched.text}
    elif matched.part is Part.ROOM:
        text = _("room: %(name)s") % {"name": matched.text}
    elif len(matched.langs) == 1:
        (lang,) = matched.langs
        text = _("title in %(language)s: %(title)s") % {
            "language": view.t.language_name(lang),
            "title": clip(matched.text, HINT_TITLE_CHARS),
        }
    else:
        text = _("title in another language: %(title)s") % {
            "title": clip(matched.text, HINT_TITLE_CHARS)
        }
    return "🔎 " + escape(text)


def _entity_line(view: View, entity: Entity) -> str:
    _ = view._
    name = entity.name_in(view.t.lang)
    if entity.kind is EntityKind.THEME:
        label = _("Theme: %(theme)s") % {"theme": name}
    elif entity.kind is EntityKind.SPEAKER:
        label = _("Speaker: %(name)s") % {"name": name}
    else:
        label = _("Room: %(name)s") % {"name": name}
    count = view.t.ngettext("%(count)d session", "%(count)d sessions", len(entity.sessions)) % {
        "count": len(entity.sessions)
    }
    return f"{_MARK[entity.kind]} {escape(label)} ({escape(count)})"


def _entity_button(view: View, entity: Entity) -> Button:
    mark, count = f"{_MARK[entity.kind]} ", f" ({len(entity.sessions)})"
    name = entity.name_in(view.t.lang)
    if view.channel.buttons:  # numbered text has room for the whole name
        name = clip(name, FULL_ROW_CHARS - len(mark) - len(count))
    label = f"{mark}{name}{count}"
    return Button(label, _entity_action(entity).encode())


def _entity_action(entity: Entity) -> Action:
    if entity.kind is EntityKind.THEME:
        return ThemePage(entity.index)
    if entity.kind is EntityKind.SPEAKER:
        return SpeakerPage(entity.index)
    return RoomPage(entity.index)


def _back_to_results(view: View) -> Button:
    return Button(view._("‹ Search results"), ResultsPage(0).encode())
