"""/privacy and /forget: what the bot keeps, and deleting it."""

from __future__ import annotations

from bot.channels import TELEGRAM, ZALO
from bot.features.privacy.actions import PrivacyTap
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold

# What the bot keeps to know a person, and who carries the messages, by messenger (a Zalo
# user's id is the bot's own, of no use to them).
_IDENTITY = {
    TELEGRAM: N_("your Telegram user id (%(id)d), never your name or phone number"),
    ZALO: N_("your Zalo user id, never your name or phone number"),
}
_CARRIER = {
    TELEGRAM: N_("Telegram carries the messages, as for any chat."),
    ZALO: N_("Zalo carries the messages, as for any chat."),
}


def privacy(view: View, user_id: int, *, exports_show_ids: bool) -> Screen:
    _ = view._
    identity = _(_IDENTITY[view.channel.name]) % {"id": user_id}
    carrier = _(_CARRIER[view.channel.name])
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
        "• " + _("the contact details you chose to share with exhibitors, and with which"),
        "",
        bold(_("Why")),
        _(
            "To show you the programme in your language, remind you of the sessions you chose, "
            "and help the organizers improve the event."
        ),
        "",
        bold(_("Who sees it")),
        who,
        _(
            "An exhibitor's staff receive the contact you confirmed sharing with that exhibitor, "
            "and no other; that copy is theirs, even once you withdraw it or use /forget."
        ),
        carrier,
        _(
            "Business matching (/matching) is your choice: your profile (organization, role, "
            "country, themes, what you offer and look for, your presentation) is shown only to "
            "other participants who take part, and only while you keep it published; your "
            "meeting requests and meetings are seen by the other side and by the organizers, "
            "who assign the tables. Hiding the profile takes it out of the suggestions at once; "
            "/forget deletes it with your requests and meetings, and the other side of a "
            "confirmed meeting is told that it is cancelled."
        ),
        "",
        bold(_("How long")),
        _(
            "As long as the bot serves the event; the organizers delete its database when they "
            "retire it. You can delete your data at any time with /forget."
        ),
    ]
    rows = (
        (Button(_("🗑 Delete my data"), PrivacyTap.FORGET),),
        main_menu_row(view),
    )
    return Screen("\n".join(lines), rows)


def confirm_forget(view: View) -> Screen:
    _ = view._
    text = "\n\n".join(
        [
            bold(_("Delete your data?")),
            _(
                "Your profile, the sessions and themes you follow, your settings, your comments, "
                "the contacts you shared with exhibitors and the messages waiting for you will "
                "be deleted. Your poll answers remain only as anonymous counts; a copy an "
                "exhibitor already received is theirs. This cannot be undone."
            ),
        ]
    )
    rows = (
        (Button(_("🗑 Yes, delete my data"), PrivacyTap.FORGET_CONFIRM),),
        (Button(_("Cancel"), Go.HOME),),
    )
    return Screen(text, rows)


def forgotten(view: View) -> Screen:
    text = view._(
        "Done: your data is deleted. If you write to me again, I will start afresh, "
        "as with someone new."
    )
    return Screen(text, ())
