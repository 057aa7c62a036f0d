"""The hall's screen: a session's pinned question and the most wanted ones, in big type.

Opened by a link a moderator made (/screen/<token>), on the hall's computer, with no login:
the token is the key, stored hashed, and revoked from the moderation page. Read-only; the
board follows every change within a second (server-sent events, then a fetch of the board).
"""

from __future__ import annotations

from aiohttp import web

from bot.features.console.access import digest
from bot.programme.model import Session
from web.console.keys import DEPS
from web.console.poll_view import board_poll
from web.console.question_feed import QUESTION_FEED
from web.console.render import render

TOP = 6  # questions shown under the pinned one


async def _session(request: web.Request) -> Session:
    deps = request.app[DEPS]
    guid = await deps.storage.questions.screen_session(digest(request.match_info["token"]))
    session = deps.questions.by_guid(guid) if guid else None
    if session is None:
        raise web.HTTPNotFound(
            text="this screen's link was closed; ask the moderator for a new one"
        )
    return session


async def _board(request: web.Request, session: Session) -> dict[str, object]:
    listed = await request.app[DEPS].questions.listed(session, TOP + 1)  # pinned ones first
    pinned = next((q for q in listed if q.pinned), None)
    others = [q for q in listed if not q.pinned][:TOP]
    poll = await board_poll(request, session)  # a live poll's bars, if one is open
    return {"session": session, "pinned": pinned, "top": others, "poll": poll}


async def screen(request: web.Request) -> web.Response:
    session = await _session(request)
    context = await _board(request, session)
    context["token"] = request.match_info["token"]
    return render(request, "presenter.html", context)


async def board(request: web.Request) -> web.Response:
    session = await _session(request)
    return render(request, "presenter_board.html", await _board(request, session))


async def stream(request: web.Request) -> web.StreamResponse:
    session = await _session(request)
    return await request.app[QUESTION_FEED].stream(request, session.guid)
