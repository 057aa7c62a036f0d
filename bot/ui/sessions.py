"""Sessions in lists, the way every feature shows them: a line of text, a button that opens the
session's card and can come back, and the action behind it (the card itself is the agenda's:
it shows whether you follow the session)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from html import escape

from bot.programme.model import Session
from bot.ui.actions import Action, AnyAction, Back, SessionKey, data_of
from bot.ui.model import MAX_ACTION_BYTES, Button
from bot.ui.view import View

LIST_TITLE_CHARS = 110
BUTTON_TITLE_CHARS = 40
# A deep link t.me/<bot>?start=s_<code> opens that session's card.
SESSION_LINK = "s_"


class SessionVerb(StrEnum):
    OPEN = "s"


@dataclass(frozen=True)
class OpenSession(Action, verb=SessionVerb.OPEN):
    """s:<code>[:<back>]: a session's card, and where its Back button returns to."""

    key: SessionKey
    back: Back = None


def fitting(full: AnyAction, short: AnyAction) -> str:
    """`full` if it fits a button, else `short` (a long Back is what makes it too long)."""
    encoded = data_of(full)
    return encoded if len(encoded.encode()) <= MAX_ACTION_BYTES else data_of(short)


def session_action(session: Session, back: Back) -> str:
    """The tap that opens a session card and can come back; the back is dropped if too long."""
    return fitting(OpenSession(session.key, back), OpenSession(session.key))


def session_button(view: View, session: Session, here: Back, prefix: str = "") -> Button:
    label = f"{prefix}{view.t.time(session.start, view.schedule.zone)} "
    return Button(label + view.title(session, BUTTON_TITLE_CHARS), session_action(session, here))


def list_line(view: View, session: Session, *, with_day: bool) -> str:
    star = "⭐ " if session.featured else ""
    return (
        f"{star}<b>{escape(view.when(session, with_day=with_day))}</b> "
        f"{escape(view.title(session, LIST_TITLE_CHARS))}\n"
        f"     📍 {escape(session.room_in(view.t.lang))}"
    )


def session_not_found(view: View, key: str) -> str:
    return view._("There is no session with the code %(code)s in the programme.") % {
        "code": escape(key[:20])
    }
