"""The reminder settings, and the reminder message itself."""

from __future__ import annotations

from html import escape

from bot.features.reminders.actions import SetFeaturedReminders, SetLeadTime, SetReminders
from bot.programme.model import Session
from bot.storage.users import LEAD_TIMES, UserProfile
from bot.ui.actions import Go
from bot.ui.layout import fitted
from bot.ui.model import Button, Screen
from bot.ui.sessions import OpenSession
from bot.ui.view import View, bold, italic


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
            SetLeadTime(minutes).encode(),
        )
        for minutes in LEAD_TIMES
    )
    reminders = (
        Button(_("🔕 Turn reminders off"), SetReminders(on=False).encode())
        if profile.reminders_on
        else Button(_("🔔 Turn reminders on"), SetReminders(on=True).encode())
    )
    featured = (
        Button(_("Stop highlight reminders"), SetFeaturedReminders(on=False).encode())
        if profile.featured_on
        else Button(_("Remind me of highlights"), SetFeaturedReminders(on=True).encode())
    )
    rows = fitted(
        [
            leads,
            (reminders,),
            (featured,),
            (Button(_("‹ My agenda"), Go.AGENDA), Button(_("‹ Main menu"), Go.HOME)),
        ]
    )
    return Screen("\n".join(lines), rows)


def reminder(view: View, session: Session, minutes: int, travel: str | None = None) -> Screen:
    """The message itself: what, when (in the user's language), where, and the card's button;
    `travel` (HTML) says how to get there when it is in the other city."""
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
    if travel:
        lines += ["", travel]
    button = Button(_("Open the session"), OpenSession(session.key).encode())
    return Screen("\n".join(lines), ((button,),))
