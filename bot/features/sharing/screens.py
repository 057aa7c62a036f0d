"""The card posted into a chat from inline mode, and what a short code that names nothing
gets."""

from __future__ import annotations

from html import escape

from bot.programme.model import Session
from bot.ui.view import View, bold

PERSONS_SHOWN = 4


def posted_card(view: View, session: Session) -> str:
    """Title, day and time, room, speakers: what others in the chat need to find it."""
    lang = view.t.lang
    lines = [bold(session.title_in(lang)), ""]
    lines.append("🗓 " + escape(view.full_when(session)))
    lines.append("📍 " + escape(session.room_in(lang)))
    if session.persons:
        shown = ", ".join(session.persons[:PERSONS_SHOWN])
        more = "…" if len(session.persons) > PERSONS_SHOWN else ""
        lines.append("🎤 " + escape(shown) + more)
    lines += ["", "<i>" + escape(view.schedule.title_in(lang)) + "</i>"]
    return "\n".join(lines)


def unknown_code(view: View, code: str) -> str:
    return view._("No session has the code %(code)s. Here is the main menu.") % {
        "code": escape(code[:12])
    }
