"""Sharing a session from its card: a ↗️ Share button where the messenger has an inline mode
(the user picks a chat and posts the card, bot/features/sharing), its short code elsewhere
("send S-AIGR to the bot": typed back, it opens the card)."""

from __future__ import annotations

from html import escape

from bot.programme.codes import codes_of
from bot.programme.model import Session
from bot.ui.actions import Go
from bot.ui.model import Button, Row
from bot.ui.view import View


def share_rows(view: View, session: Session) -> list[Row]:
    """The ↗️ Share button: it starts an inline query for the session's code."""
    if not view.channel.inline_mode:
        return []
    code = codes_of(view.schedule).code(session)
    return [(Button(view._("↗️ Share"), Go.NOOP.value, switch_inline=code),)]


def share_line(view: View, session: Session) -> str | None:
    """Where there is no inline mode: the code to pass on, for a line of the card."""
    if view.channel.inline_mode:
        return None
    code = codes_of(view.schedule).code(session)
    return "↗️ " + view._("To share this session: send %(code)s to the bot.") % {
        "code": escape(code)
    }
