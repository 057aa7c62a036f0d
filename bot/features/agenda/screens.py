"""The personal agenda, and a session's card with following it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.features.agenda.actions import AgendaPage, AgendaTap, ToggleFollow
from bot.features.agenda.followed import clashes
from bot.programme.model import Session
from bot.ui.actions import Back, Go, data_of
from bot.ui.layout import fitted
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.sessions import (
    SessionPlace,
    SessionQuestions,
    fitting,
    list_line,
    session_rows,
    speaker_buttons,
    takes_questions,
    written_out,
)
from bot.ui.sharing import share_line, share_rows
from bot.ui.view import View, bold, clip, italic

CLASH_TITLE_CHARS = 60
ABSTRACT_CHARS = 1500
CALENDAR_FILE = "vidw2025-agenda.ics"


def agenda(view: View, sessions: Sequence[Session], page_number: int) -> Screen:
    """Followed sessions by day, with a warning where two overlap."""
    _ = view._
    menu = Button(_("‹ Main menu"), Go.HOME)
    if not sessions:
        how = (
            _(
                "You don't follow any session yet. Open a session and tap “Follow and "
                "remind me”, or follow a whole theme from its page."
            )
            if view.channel.buttons
            else _(
                "You don't follow any session yet. Open a session and choose “Follow and "
                "remind me”, or follow a whole theme from its page."
            )
        )
        text = "\n\n".join([bold(_("My agenda")), how])
        return Screen(text, fitted([(Button(_("📅 Programme"), Go.SCHEDULE), menu)]))
    page = page_of(sessions, page_number)
    overlapping = clashes(sessions)
    count = view.t.ngettext("%(count)d session", "%(count)d sessions", len(sessions)) % {
        "count": len(sessions)
    }
    lines = [bold(_("My agenda")) + " " + italic(f"({count})")]

    def overlaps(session: Session) -> list[str]:
        return [
            "⚠️ "
            + _("Overlaps with %(title)s")
            % {"title": clip(other.title_in(view.t.lang), CLASH_TITLE_CHARS)}
            for other in overlapping.get(session.guid, [])
        ]

    current_day = None
    for session in page.items if written_out(view) else ():
        day = view.t.day(session.start, view.schedule.zone)
        if day != current_day:
            lines += ["", bold(day)]
            current_day = day
        lines.append(list_line(view, session, with_day=False))
        lines += ["     " + escape(note) for note in overlaps(session)]
    here = AgendaPage(page.number)
    rows: list[Row] = session_rows(
        view,
        page.items,
        here,
        with_day=True,  # numbered text has no day headings
        prefix=lambda s: "⚠️ " if s.guid in overlapping else "",
        notes=overlaps,
    )
    nav = navigation(page, AgendaPage)
    if nav:
        rows.append(nav)
    rows += fitted(
        [
            (
                Button(_("📥 Add to my calendar"), AgendaTap.CALENDAR),
                Button(_("⏰ Reminders"), Go.REMINDERS),
            )
        ]
    )
    rows.append((menu,))
    return Screen("\n".join(lines), tuple(rows))


def session_card(view: View, session: Session, back: Back, *, following: bool) -> Screen:
    """Everything about one session, and following it (a reminder comes before it starts)."""
    _ = view._
    lang = view.t.lang
    lines = [("⭐ " if session.featured else "") + bold(session.title_in(lang)), ""]
    lines.append("🗓 " + escape(view.full_when(session)))
    lines.append("📍 " + escape(session.room_in(lang)))
    if session.track is not None:
        lines.append("🏷 " + escape(session.track.name_in(lang)))
    if session.language:
        lines.append("🗣 " + escape(spoken_in(view, session)))
    if session.persons:
        lines.append("🎤 " + escape(", ".join(session.persons)))
    abstract = session.abstract_in(lang)
    if abstract:
        lines += ["", escape(clip(abstract, ABSTRACT_CHARS))]
    if session.is_running(view.now):
        lines += ["", "▶️ " + _("On now")]
    toggle = fitting(ToggleFollow(session.key, back), ToggleFollow(session.key))
    label = _("🔕 Unfollow") if following else _("🔔 Follow and remind me")
    rows: list[Row] = [(Button(label, toggle),)]
    if following:
        lines += ["", _("✅ In your agenda; you will get a reminder before it starts.")]
    if back is not None:
        rows += fitted([(Button(_("‹ Back"), data_of(back)), *main_menu_row(view))])
    else:
        rows.append(main_menu_row(view))
    # Below the way back, so the buttons above keep their places (and Zalo its numbers).
    rows.append((Button(_("📍 Venue"), SessionPlace(session.key).encode()),))
    if takes_questions(session, view.now):
        rows.append(
            (Button(_("❓ Questions to the panel"), SessionQuestions(session.key).encode()),)
        )
    rows += speaker_buttons(view, session)
    rows += share_rows(view, session)
    shared = share_line(view, session)
    if shared is not None:
        lines += ["", shared]
    return Screen("\n".join(lines), tuple(rows))


def spoken_in(view: View, session: Session) -> str:
    """'In English, with interpretation into Vietnamese', from the programme's data."""
    _ = view._
    spoken = session.language or ""
    into = [code for code in session.interpretation if code != spoken]
    language = view.t.language_name(spoken)
    if not into:
        return _("In %(language)s") % {"language": language}
    return _("In %(language)s, with interpretation into %(languages)s") % {
        "language": language,
        "languages": view.t.language_list(into),
    }


def calendar_caption(view: View, count: int) -> str:
    return view.t.ngettext(
        "Your agenda (%(count)d session). Open the file to add it to your calendar.",
        "Your agenda (%(count)d sessions). Open the file to add it to your calendar.",
        count,
    ) % {"count": count}
