"""/staff, for organizers: who is staff, and granting or revoking it in the chat."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from bot.ui.actions import Go
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold, italic


def _ids(ids: Iterable[int], none: str) -> str:
    listed = ", ".join(str(i) for i in sorted(ids))
    return listed or none


def overview(view: View, configured: Iterable[int], granted: Iterable[int]) -> Screen:
    _ = view._
    none = _("nobody")
    lines = [
        bold(_("Staff")),
        "",
        _("From the configuration (VIDW_STAFF): %(ids)s") % {"ids": _ids(configured, none)},
        _("Granted in the chat: %(ids)s") % {"ids": _ids(granted, none)},
        "",
        escape(_("/staff add <user id> — give someone access to /stats and /export")),
        escape(_("/staff remove <user id> — take it back")),
        italic(_("A person finds their user id in /privacy.")),
    ]
    return Screen("\n".join(lines), _menu(view))


def _menu(view: View) -> tuple[tuple[Button, ...], ...]:
    return ((Button(view._("‹ Main menu"), Go.HOME),),)


def granted(view: View, user_id: int, *, new: bool) -> Screen:
    text = (
        view._("User %(id)d is now staff: /stats and /export are open to them.")
        if new
        else view._("User %(id)d already has staff access.")
    )
    return Screen(text % {"id": user_id}, _menu(view))


def revoked(view: View, user_id: int, *, removed: bool, configured: bool) -> Screen:
    if removed:
        text = view._("User %(id)d is no longer staff.")
    elif configured:
        text = view._(
            "User %(id)d is staff through the configuration (VIDW_STAFF); remove them there."
        )
    else:
        text = view._("User %(id)d was not granted staff access.")
    return Screen(text % {"id": user_id}, _menu(view))


def bad_request(view: View) -> Screen:
    text = view._(
        "Please write /staff add <user id> or /staff remove <user id>, with the person's "
        "numeric Telegram user id."
    )
    return Screen(escape(text), _menu(view))


def welcome(view: View) -> Screen:
    """Sent to the person an organizer just made staff."""
    text = view._("You now have staff access for the event: /stats and /export are open to you.")
    return Screen(text, ())


def farewell(view: View) -> Screen:
    return Screen(view._("Your staff access for the event has ended."), ())
