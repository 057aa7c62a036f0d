"""/survey for organizers: who would get the event survey, then that it is on its way."""

from __future__ import annotations

from collections.abc import Mapping

from bot.features.survey.actions import SendSurvey, SurveyAudience
from bot.i18n import LANGUAGES
from bot.ui.actions import Go
from bot.ui.layout import rows_of
from bot.ui.menus import LANGUAGE_NAMES, language_count, main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.view import View, bold


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
    lines += ["  " + language_count(view, lang, reachable.get(lang, 0)) for lang in LANGUAGES]
    everyone = Button(
        _("Send to everyone (%(count)d)") % {"count": total},
        SendSurvey(SurveyAudience.EVERYONE).encode(),
    )
    rows: list[Row] = [(everyone,)]
    rows += rows_of(
        [
            Button(
                f"{LANGUAGE_NAMES[lang]} ({reachable.get(lang, 0)})",
                SendSurvey(SurveyAudience.of(lang)).encode(),
            )
            for lang in LANGUAGES
        ],
        per_row=3,
    )
    rows.append((Button(_("Cancel"), Go.HOME),))
    return Screen("\n".join(lines), tuple(rows))


def survey_queued(view: View, count: int) -> Screen:
    text = view.t.ngettext(
        "The survey is on its way to %(count)d attendee.",
        "The survey is on its way to %(count)d attendees.",
        count,
    ) % {"count": count}
    return Screen(text, (main_menu_row(view),))
