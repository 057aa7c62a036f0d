"""/stats for staff: who uses the bot, what they follow, what went out, how polls are answered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from bot.i18n import LANGUAGES
from bot.programme.model import Session
from bot.ui import actions
from bot.ui.menus import LANGUAGE_NAMES
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold


def stats(
    view: View,
    users: Mapping[str, tuple[int, int]],
    active_today: int,
    top: Sequence[tuple[Session, int]],
    sent: Mapping[str, int],
    polls: tuple[int, int],
    broadcasts: int,
    surveys: int,
) -> Screen:
    _ = view._
    reachable = sum(r for r, _b in users.values())
    blocked = sum(b for _r, b in users.values())
    lines = [bold(_("Live figures")), "", bold(_("Attendees"))]
    lines.append(
        _("Reachable: %(reachable)d · blocked the bot: %(blocked)d · active today: %(active)d")
        % {"reachable": reachable, "blocked": blocked, "active": active_today}
    )
    for lang in LANGUAGES:
        r, b = users.get(lang, (0, 0))
        lines.append(f"  {LANGUAGE_NAMES[lang]}: {r} (+{b})")
    lines += ["", bold(_("Most followed sessions"))]
    if not top:
        lines.append(_("No session is followed yet."))
    lines += [f"  {n} · {escape(view.title(session, 60))}" for session, n in top]
    asked, answered = polls
    rate = f"{100 * answered / asked:.0f} %" if asked else "—"
    lines += [
        "",
        bold(_("Sent")),
        _("Reminders: %(count)d") % {"count": sent.get("reminder", 0)},
        _("Feedback polls: %(count)d") % {"count": sent.get("feedback", 0)},
        _("Surveys: %(count)d") % {"count": surveys},
        _("Announcements: %(broadcasts)d · messages delivered: %(messages)d")
        % {"messages": sent.get("announcement", 0), "broadcasts": broadcasts},
        _("Polls answered: %(answered)d of %(asked)d (%(rate)s)")
        % {"answered": answered, "asked": asked, "rate": rate},
    ]
    return Screen(
        "\n".join(lines),
        ((Button(_("🔄 Refresh"), actions.STATS), Button(_("‹ Main menu"), actions.HOME)),),
    )
