"""/help: how to use the bot, the commands, the programme version and the time zone."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.programme.place import place
from bot.ui.menus import command_lines, main_menu_row
from bot.ui.model import Screen
from bot.ui.routes import Command
from bot.ui.view import View, bold, italic


def help_screen(view: View, commands: Sequence[Command]) -> Screen:
    _ = view._
    schedule = view.schedule
    lines = [bold(_("How to use this bot")), "", *command_lines(view, commands)]
    lines += [
        "",
        _("You can also type any words to search the programme, e.g. “5G” or “AI governance”."),
        "",
        _("Programme version: %(version)s") % {"version": escape(schedule.version)},
        _time_zone_line(view),
    ]
    note = schedule.notes.get(view.t.lang)
    if note:
        lines.append(italic(note))
    return Screen("\n".join(lines), (main_menu_row(view),))


def _time_zone_line(view: View) -> str:
    """The programme's own place and zone: VIDW's Viet Nam, another event's country."""
    _ = view._
    zone = escape(str(view.schedule.zone))
    where = place(view.schedule, view.t.lang)
    if where is None:
        return _("All times are the event's local time (%(zone)s).") % {"zone": zone}
    return _("All times are local time in %(place)s (%(zone)s).") % {
        "place": escape(where),
        "zone": zone,
    }
