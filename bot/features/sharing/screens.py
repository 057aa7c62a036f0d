"""The cards posted into a chat from inline mode (a session's, a speaker's), and what a
short code that names nothing gets."""

from __future__ import annotations

from html import escape

from bot.programme.model import Session
from bot.ui.view import View, bold, clip

PERSONS_SHOWN = 4
SESSIONS_SHOWN = 5
BIOGRAPHY_CHARS = 300


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


def posted_speaker(view: View, name: str) -> str:
    """The name, the start of the biography, their sessions with day and time."""
    lang = view.t.lang
    lines = ["🎤 " + bold(name)]
    profile = view.schedule.profiles.get(name)
    if profile is not None and profile.biography:
        lines += ["", escape(clip(profile.biography, BIOGRAPHY_CHARS))]
    sessions = view.schedule.by_speaker(name)
    lines.append("")
    for session in sessions[:SESSIONS_SHOWN]:
        when = view.when(session, with_day=True)
        lines.append(f"• <b>{escape(when)}</b> {escape(clip(session.title_in(lang), 90))}")
    if len(sessions) > SESSIONS_SHOWN:
        lines.append("…")
    lines += ["", "<i>" + escape(view.schedule.title_in(lang)) + "</i>"]
    return "\n".join(lines)


def unknown_code(view: View, code: str) -> str:
    return view._("No session has the code %(code)s. Here is the main menu.") % {
        "code": escape(code[:12])
    }
