"""/health for organizers: is the bot well, and if not, what is wrong — the facts of /healthz
in their language. Technical details (an error's text) are shown as they are: they are what a
technician needs to hear over the phone."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape

from bot.features.health.actions import HealthTap
from bot.features.health.report import Check, HealthReport
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold, clip

# What each check is, for people; a task not named here shows its own name.
LABELS = {
    "database": N_("Database"),
    "telegram-updates": N_("Messages from Telegram"),
    "telegram": N_("Telegram"),
    "zalo": N_("Zalo"),
    "sender": N_("Sending"),
    "sender:records": N_("Recording what was sent"),
    "planner:reminders": N_("Reminders"),
    "planner:feedback": N_("Feedback polls"),
    "planner:survey": N_("Survey"),
    "schedule-watch": N_("Watching the programme file"),
    "storage-watch": N_("Watching the disk"),
    "telegram-menus": N_("Command menus"),
    "telegram-intake": N_("Connecting to Telegram"),
    "broadcast-progress": N_("Announcement progress"),
}
PLANNERS = {"reminders": N_("Reminders"), "feedback": N_("Feedback polls"), "survey": N_("Survey")}


def label(view: View, name: str) -> str:
    if name.startswith("zalo-polling-"):
        return view._("Messages from Zalo")
    known = LABELS.get(name)
    return view._(known) if known else escape(name)


def health(view: View, report: HealthReport, outbox: Mapping[str, int]) -> Screen:
    _ = view._
    lines = [bold(_("Bot health"))]
    if report.healthy:
        lines.append(_("✅ Working normally: messages come in, go out, and are recorded."))
    else:
        lines.append(_("🚨 Not working normally. Needs attention now:"))
    vital = [check for check in report.problems if check.vital]
    degraded = [check for check in report.problems if not check.vital]
    lines += [_problem(view, check, "🚨") for check in vital]
    if degraded:
        lines += ["", bold(_("Working, with a problem:"))]
        lines += [_problem(view, check, "⚠️") for check in degraded]
    lines += [
        "",
        bold(_("Messages queued")),
        _(
            "Waiting: %(waiting)d · being sent: %(sending)d · failed: %(failed)d · too late: "
            "%(expired)d"
        )
        % {
            "waiting": outbox.get("pending", 0),
            "sending": outbox.get("sending", 0),
            "failed": outbox.get("failed", 0),
            "expired": outbox.get("expired", 0),
        },
    ]
    if report.last_planner_runs:
        runs = [
            _("%(planner)s at %(time)s")
            % {"planner": _(PLANNERS.get(name, name)), "time": _when(view, when)}
            for name, when in sorted(report.last_planner_runs.items())
        ]
        lines += ["", bold(_("Last planning")), " · ".join(runs)]
    lines += ["", _("Checked at %(time)s.") % {"time": _when(view, report.at)}]
    return Screen(
        "\n".join(lines),
        ((Button(_("🔄 Refresh"), HealthTap.SHOW), Button(_("‹ Main menu"), Go.HOME)),),
    )


def _problem(view: View, check: Check, mark: str) -> str:
    _ = view._
    line = f"{mark} {label(view, check.name)}"
    if check.since is not None:
        line += " " + _("(since %(time)s)") % {"time": _when(view, check.since)}
    if check.restarts:
        line += " " + view.t.ngettext(
            "restarted %(count)d time", "restarted %(count)d times", check.restarts
        ) % {"count": check.restarts}
    if check.detail:
        # The service's own reasons are in the catalogs; a task's last error is shown as it is.
        line += f" — {escape(clip(view._(check.detail), 120))}"
    return line


def _when(view: View, when: datetime) -> str:
    zone = view.schedule.zone
    shown = view.t.time(when, zone)
    if when.astimezone(zone).date() != view.now.astimezone(zone).date():
        shown = f"{view.t.short_day(when, zone)} {shown}"
    return shown
