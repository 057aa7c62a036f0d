"""/stats for staff: who uses the bot, what they follow, what went out, how polls are answered,
and which background tasks keep failing (none: no such lines)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from bot.features.stats.actions import StatsTap
from bot.i18n import LANGUAGES
from bot.programme.model import Session
from bot.supervise import TaskHealth
from bot.ui.actions import Go
from bot.ui.layout import fitted
from bot.ui.menus import LANGUAGE_NAMES
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold, clip


def stats(
    view: View,
    users: Mapping[str, tuple[int, int]],
    active_today: int,
    top: Sequence[tuple[Session, int]],
    sent: Mapping[str, int],
    polls: tuple[int, int],
    broadcasts: int,
    surveys: int,
    failing: Sequence[TaskHealth] = (),
) -> Screen:
    _ = view._
    reachable = sum(r for r, _b in users.values())
    blocked = sum(b for _r, b in users.values())
    lines = [bold(_("Live figures"))]
    if failing:
        lines += ["", bold(_("Background work in trouble"))]
        lines += [_failing_line(view, task) for task in failing]
    lines += ["", bold(_("Attendees"))]
    lines.append(
        _("Reachable: %(reachable)d · blocked the bot: %(blocked)d · active today: %(active)d")
        % {"reachable": reachable, "blocked": blocked, "active": active_today}
    )
    for lang in LANGUAGES:
        r, b = users.get(lang, (0, 0))
        lines.append(
            "  "
            + _("%(language)s: %(reachable)d (+%(blocked)d who blocked the bot)")
            % {"language": LANGUAGE_NAMES[lang], "reachable": r, "blocked": b}
        )
    lines += ["", bold(_("Most followed sessions"))]
    if not top:
        lines.append(_("No session is followed yet."))
    lines += [f"  {n} · {escape(view.title(session, 60))}" for session, n in top]
    asked, answered = polls
    rate = view.t.percent(answered / asked) if asked else "—"
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
        fitted([(Button(_("🔄 Refresh"), StatsTap.SHOW), Button(_("‹ Main menu"), Go.HOME))]),
    )


def _failing_line(view: View, task: TaskHealth) -> str:
    """⚠️ sender: failing since 14:02, restarted 3 times — OperationalError: database is locked"""
    zone = view.schedule.zone
    since = task.failing_since or view.now
    when = view.t.time(since, zone)
    if since.astimezone(zone).date() != view.now.astimezone(zone).date():
        when = f"{view.t.short_day(since, zone)} {when}"
    status = view.t.ngettext(
        "%(task)s: failing since %(since)s, restarted %(count)d time",
        "%(task)s: failing since %(since)s, restarted %(count)d times",
        task.restarts,
    ) % {"task": escape(task.name), "since": when, "count": task.restarts}
    error = f" — {escape(clip(task.last_error, 120))}" if task.last_error else ""
    return f"⚠️ {status}{error}"
