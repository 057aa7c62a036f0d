"""Screens for organizers; everyone else gets a polite refusal."""

from __future__ import annotations

from collections.abc import Mapping

from bot.i18n import LANGUAGES
from bot.ui import actions
from bot.ui.menus import LANGUAGE_NAMES
from bot.ui.model import Button, Row, Screen
from bot.ui.view import View, bold

# The survey's audiences, as the number in its button's action: 0 everyone, then by language.
AUDIENCES: tuple[str | None, ...] = (None, *LANGUAGES)


def not_allowed(view: View) -> Screen:
    _ = view._
    return Screen(
        _("Sorry, this is only for the organizers of the event."),
        ((Button(_("‹ Main menu"), actions.HOME),),),
    )


def not_allowed_staff(view: View) -> Screen:
    _ = view._
    return Screen(
        _("Sorry, this is only for the event's staff and organizers."),
        ((Button(_("‹ Main menu"), actions.HOME),),),
    )


def export_caption(view: View, answers: int, comments: int) -> str:
    return view._("Poll results — answers: %(answers)d, comments: %(comments)d.") % {
        "answers": answers,
        "comments": comments,
    }


def survey_preview(view: View, title: str, reachable: Mapping[str, int]) -> Screen:
    """Who would get the event survey, before anything is sent."""
    _ = view._
    total = sum(reachable.values())
    lines = [
        bold(title),
        "",
        _(
            "Send the event survey now? It goes to every attendee who has not blocked the bot, "
            "in their language, one question after the other."
        ),
        "",
        _("Attendees: %(total)d") % {"total": total},
    ]
    lines += [f"  {LANGUAGE_NAMES[lang]}: {reachable.get(lang, 0)}" for lang in LANGUAGES]
    everyone = Button(
        _("Send to everyone (%(count)d)") % {"count": total}, actions.setting("svy", 0).encode()
    )
    rows: list[Row] = [(everyone,)]
    rows.append(
        tuple(
            Button(
                f"{LANGUAGE_NAMES[lang]} ({reachable.get(lang, 0)})",
                actions.setting("svy", i).encode(),
            )
            for i, lang in enumerate(LANGUAGES, start=1)
        )
    )
    rows.append((Button(_("Cancel"), actions.HOME),))
    return Screen("\n".join(lines), tuple(rows))


def survey_queued(view: View, count: int) -> Screen:
    _ = view._
    text = view.t.ngettext(
        "The survey is on its way to %(count)d attendee.",
        "The survey is on its way to %(count)d attendees.",
        count,
    ) % {"count": count}
    return Screen(text, ((Button(_("‹ Main menu"), actions.HOME),),))
