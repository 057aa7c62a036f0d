"""The personal agenda, reminder settings, and the reminder message itself."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.features.agenda.followed import clashes
from bot.features.browse.screens import list_line, session_button
from bot.programme.model import Session
from bot.storage.users import LEAD_TIMES, UserProfile
from bot.ui import actions
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.view import View, bold, clip, italic

CLASH_TITLE_CHARS = 60
CALENDAR_FILE = "vidw2025-agenda.ics"


def agenda(view: View, sessions: Sequence[Session], page_number: int) -> Screen:
    """Followed sessions by day, with a warning where two overlap."""
    _ = view._
    menu = Button(_("‹ Main menu"), actions.HOME)
    if not sessions:
        text = "\n\n".join(
            [
                bold(_("My agenda")),
                _(
                    "You don't follow any session yet. Open a session and tap “Follow and "
                    "remind me”, or follow a whole theme from its page."
                ),
            ]
        )
        return Screen(text, ((Button(_("📅 Programme"), actions.SCHEDULE), menu),))
    page = page_of(sessions, page_number)
    overlapping = clashes(sessions)
    count = view.t.ngettext("%(count)d session", "%(count)d sessions", len(sessions)) % {
        "count": len(sessions)
    }
    lines = [bold(_("My agenda")) + " " + italic(f"({count})")]
    current_day = None
    for session in page.items:
        day = view.t.day(session.start, view.schedule.zone)
        if day != current_day:
            lines += ["", bold(day)]
            current_day = day
        lines.append(list_line(view, session, with_day=False))
        for other in overlapping.get(session.guid, []):
            lines.append(
                "     ⚠️ "
                + _("Overlaps with %(title)s")
                % {"title": escape(clip(other.title_in(view.t.lang), CLASH_TITLE_CHARS))}
            )
    here = actions.agenda(page.number)
    rows: list[Row] = [
        (session_button(view, s, here, "⚠️ " if s.guid in overlapping else ""),) for s in page.items
    ]
    nav = navigation(page, actions.agenda)
    if nav:
        rows.append(nav)
    rows.append(
        (
            Button(_("📥 Add to my calendar"), actions.CALENDAR),
            Button(_("⏰ Reminders"), actions.REMINDERS),
        )
    )
    rows.append((menu,))
    return Screen("\n".join(lines), tuple(rows))


def reminder_settings(view: View, profile: UserProfile) -> Screen:
    _ = view._
    state_on, state_off = _("on"), _("off")
    lines = [
        bold(_("Reminders")),
        "",
        _("Reminders: %(state)s")
        % {"state": bold(state_on if profile.reminders_on else state_off)},
        _("How long before a session: %(minutes)d minutes") % {"minutes": profile.lead_minutes},
        _("Reminders of highlighted sessions, even if you don't follow them: %(state)s")
        % {"state": bold(state_on if profile.featured_on else state_off)},
        "",
        italic(_("Choose how long before a session you want to be reminded:")),
    ]
    leads = tuple(
        Button(
            ("✓ " if minutes == profile.lead_minutes else "")
            + _("%(minutes)d min") % {"minutes": minutes},
            actions.setting("Rl", minutes).encode(),
        )
        for minutes in LEAD_TIMES
    )
    reminders = (
        Button(_("🔕 Turn reminders off"), actions.setting("Re", 0).encode())
        if profile.reminders_on
        else Button(_("🔔 Turn reminders on"), actions.setting("Re", 1).encode())
    )
    featured = (
        Button(_("Stop highlight reminders"), actions.setting("Rf", 0).encode())
        if profile.featured_on
        else Button(_("Remind me of highlights"), actions.setting("Rf", 1).encode())
    )
    rows: tuple[Row, ...] = (
        leads,
        (reminders,),
        (featured,),
        (Button(_("‹ My agenda"), actions.AGENDA), Button(_("‹ Main menu"), actions.HOME)),
    )
    return Screen("\n".join(lines), rows)


def reminder(view: View, session: Session, minutes: int) -> Screen:
    """The message itself: what, when (in the user's language), where, and the card's button."""
    _ = view._
    lang = view.t.lang
    starts = view.t.ngettext(
        "Starts in %(minutes)d minute", "Starts in %(minutes)d minutes", minutes
    ) % {"minutes": minutes}
    lines = [
        "⏰ " + bold(starts),
        "",
        ("⭐ " if session.featured else "") + bold(session.title_in(lang)),
        "🗓 " + escape(view.full_when(session)),
        "📍 " + escape(session.room_in(lang)),
    ]
    button = Button(_("Open the session"), actions.session(session.key).encode())
    return Screen("\n".join(lines), ((button,),))


def calendar_caption(view: View, count: int) -> str:
    return view.t.ngettext(
        "Your agenda (%(count)d session). Open the file to add it to your calendar.",
        "Your agenda (%(count)d sessions). Open the file to add it to your calendar.",
        count,
    ) % {"count": count}
