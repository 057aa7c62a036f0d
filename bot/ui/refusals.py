"""The polite refusal for a privileged command or button from someone without the role."""

from __future__ import annotations

from bot.ui.menus import main_menu_row
from bot.ui.model import Screen
from bot.ui.routes import Who
from bot.ui.view import View


def not_allowed(view: View) -> Screen:
    return Screen(
        view._("Sorry, this is only for the organizers of the event."), (main_menu_row(view),)
    )


def not_allowed_staff(view: View) -> Screen:
    return Screen(
        view._("Sorry, this is only for the event's staff and organizers."),
        (main_menu_row(view),),
    )


def refusal(view: View, who: Who) -> Screen:
    return not_allowed_staff(view) if who is Who.STAFF else not_allowed(view)
