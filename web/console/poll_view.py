"""What the moderation page and the hall's screen show of a session's live polls (context for
live_poll*.html and presenter_board.html), shared by questions.py, live_polls.py, presenter.py."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from bot.features.live_polls.draft import MAX_OPTIONS, OPTION_CHARS
from bot.features.live_polls.service import LivePoll
from bot.i18n import LANGUAGES
from bot.programme.model import Session
from bot.ui.model import QUESTION_CHARS
from web.console.keys import CLOCK, DEPS

# A closed poll's bars stay on the hall's screen this long (the room reads the outcome).
SHOWN_AFTER_CLOSING = timedelta(minutes=10)


async def polls_context(request: web.Request, session: Session) -> dict[str, object]:
    polls = await request.app[DEPS].live_polls.of_session(session.guid)
    open_poll = next((p for p in polls if p.open), None)
    return {
        "open_poll": open_poll,
        "closed_polls": [p for p in polls if not p.open],
        "poll_form": {},
        "poll_problems": {},
        "poll_limits": {
            "question": QUESTION_CHARS,
            "option": OPTION_CHARS,
            "options": range(1, MAX_OPTIONS + 1),
            "languages": LANGUAGES,
        },
    }


async def board_poll(request: web.Request, session: Session) -> LivePoll | None:
    """The open poll, or one closed a moment ago, for the hall's screen."""
    polls = await request.app[DEPS].live_polls.of_session(session.guid)
    latest = polls[0] if polls else None
    if latest is None or latest.open:
        return latest
    closed_at = latest.row.closed_at
    now = request.app[CLOCK].now()
    return latest if closed_at is not None and now - closed_at < SHOWN_AFTER_CLOSING else None
