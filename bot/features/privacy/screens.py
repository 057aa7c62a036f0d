"""/privacy and /forget: what the bot keeps, and deleting it."""

from __future__ import annotations

from bot.ui import actions
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold


def privacy(view: View, user_id: int, *, exports_show_ids: bool, on_zalo: bool = False) -> Screen:
    _ = view._
    identity = (
        _("your Zalo user id, never your name or phone number")
        if on_zalo
        else _("your Telegram user id (%(id)d), never your name or phone number") % {"id": user_id}
    )
    carrier = (
        _("Zalo carries the messages, as for any chat.")
        if on_zalo
        else _("Telegram carries the messages, as for any chat.")
    )
    who = (
        _(
            "Staff and organizers see totals, and exports of the poll results in which you "
            "appear with your user id."
        )
        if exports_show_ids
        else _(
            "Staff and organizers see totals, and exports of the poll results in which you "
            "appear only under a pseudonym."
        )
    )
    lines = [
        "🔒 " + bold(_("Your data in this bot")),
        "",
        bold(_("What I keep")),
        "• " + identity,
        "• " + _("your language, when you first and last wrote, your last search"),
        "• " + _("the sessions and themes you follow, and your reminder settings"),
        "• " + _("your answers to feedback polls and to the survey, and your comments"),
        "• " + _("messages waiting to be sent to you (reminders, announcements, changes)"),
        "",
        bold(_("Why")),
        _(
            "To show you the programme in your language, remind you of the sessions you chose, "
            "and help the organizers improve the event."
        ),
        "",
        bold(_("Who sees it")),
        who,
        carrier,
        "",
        bold(_("How long")),
        _(
            "As long as the bot serves the event; the organizers delete its database when they "
            "retire it. You can delete your data at any time with /forget."
        ),
    ]
    rows = (
        (Button(_("🗑 Delete my data"), actions.FORGET),),
        (Button(_("‹ Main menu"), actions.HOME),),
    )
    return Screen("\n".join(lines), rows)


def confirm_forget(view: View) -> Screen:
    _ = view._
    text = "\n\n".join(
        [
            bold(_("Delete your data?")),
            _(
                "Your profile, the sessions and themes you follow, your settings, your comments "
                "and the messages waiting for you will be deleted. Your poll answers remain "
                "only as anonymous counts. This cannot be undone."
            ),
        ]
    )
    rows = (
        (Button(_("🗑 Yes, delete my data"), actions.FORGET_CONFIRM),),
        (Button(_("Cancel"), actions.HOME),),
    )
    return Screen(text, rows)


def forgotten(view: View) -> Screen:
    text = view._(
        "Done: your data is deleted. If you write to me again, I will start afresh, "
        "as with someone new."
    )
    return Screen(text, ())
