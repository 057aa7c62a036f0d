"""Moderating questions to the panel: the sessions, and one session's queue, live.

Staff and organizers moderate every session; a moderator, the sessions an organizer granted
them (organizers grant and revoke moderators on the session's page). Every action is a POST
with the question's state as the moderator saw it: if another moderator changed it first,
nothing happens and the page says so.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from urllib.parse import urlencode

from aiohttp import web

from bot.features.console.access import digest
from bot.features.questions.rules import Move
from bot.i18n import N_
from bot.programme.model import Session
from bot.storage.questions import ANSWERED, APPROVED, MERGED, PENDING, REJECTED
from bot.ui.sessions import takes_questions
from web.console.keys import CLOCK, DEPS
from web.console.people import masked
from web.console.poll_view import polls_context
from web.console.question_feed import QUESTION_FEED
from web.console.render import render
from web.console.visitor import visitor

# Each state's questions, and how many of them the page shows: every question waiting (up to
# a few hundred), the most wanted approved ones, the latest of the others. A room of 800 would
# otherwise make a page of megabytes, sent again at every change.
SECTIONS = (
    (PENDING, N_("Waiting for moderation"), 300),
    (APPROVED, N_("Approved: shown to the room"), 50),
    (ANSWERED, N_("Answered"), 20),
    (REJECTED, N_("Not taken"), 20),
    (MERGED, N_("Merged"), 20),
)
ID_CHARS = 12


async def sessions(request: web.Request) -> web.Response:
    deps = request.app[DEPS]
    who = visitor(request)
    now = request.app[CLOCK].now()
    counts = await deps.questions.counts()
    mine = [
        s
        for s in deps.programme.schedule.sessions
        if deps.questions.may_moderate(who.user_id, s.guid)
    ]
    soon = [s for s in mine if s.end > now - timedelta(hours=2)]
    rows = [
        {"session": s, "open": takes_questions(s, now), "counts": counts.get(s.guid, {})}
        for s in sorted(soon, key=lambda s: (not takes_questions(s, now), s.start))
    ]
    return render(request, "questions.html", {"rows": rows, "past": len(mine) - len(soon)})


def moderated_session(request: web.Request) -> Session:
    """The session of the URL, if the visitor moderates it (404, 403 otherwise)."""
    deps = request.app[DEPS]
    session = deps.questions.session(request.match_info["code"])
    if session is None:
        raise web.HTTPNotFound(text="no such session")
    if not deps.questions.may_moderate(visitor(request).user_id, session.guid):
        raise web.HTTPForbidden(text="you do not moderate this session")
    return session


async def _queue_context(request: web.Request, session: Session) -> dict[str, object]:
    questions = request.app[DEPS].questions
    counts = (await questions.counts()).get(session.guid, {})
    sections = [
        (status, label, await questions.queue(session, status, shown), counts.get(status, 0))
        for status, label, shown in SECTIONS
    ]
    return {
        "session": session,
        "sections": sections,
        "open": [
            q
            for status, _l, listed, _n in sections
            if status in (PENDING, APPROVED)
            for q in listed
        ],
    }


async def moderate(request: web.Request) -> web.Response:
    return await moderate_page(request, moderated_session(request))


async def moderate_page(
    request: web.Request,
    session: Session,
    screen: str = "",
    *,
    extra: dict[str, object] | None = None,
    status: int = 200,
) -> web.Response:
    """`screen`: a presenter link just made, shown this once (it is kept nowhere); `extra`:
    a live poll's form shown again with its problems (web/console/live_polls.py)."""
    deps = request.app[DEPS]
    who = visitor(request)
    context = await _queue_context(request, session)
    moderators = deps.navigator.roles.moderators_of(session.guid) if who.is_organizer else []
    context |= {
        "done": request.query.get("done", ""),
        "screen": screen,
        "screens": await deps.storage.questions.screens(session.guid),
        "moderators": [(u, masked(u)) for u in moderators],
    }
    context |= await polls_context(request, session)
    context |= extra or {}
    return render(request, "moderate.html", context, status)


async def queue(request: web.Request) -> web.Response:
    """The queue alone, for the page's script to swap in when something changed."""
    session = moderated_session(request)
    return render(request, "moderate_queue.html", await _queue_context(request, session))


async def stream(request: web.Request) -> web.StreamResponse:
    session = moderated_session(request)
    return await request.app[QUESTION_FEED].stream(request, session.guid)


async def act(request: web.Request) -> web.Response:
    session = moderated_session(request)
    deps = request.app[DEPS]
    who = visitor(request)
    form = await request.post()
    do = str(form.get("do", ""))
    question_id = _number(form.get("id"))
    seen = str(form.get("seen", ""))
    outcome = False
    question = await deps.questions.get(question_id) if question_id else None
    if question is not None and question.session_guid == session.guid:
        if do in {m.value for m in Move}:
            reason = str(form.get("reason", ""))
            outcome = await deps.questions.move(who.user_id, question_id, Move(do), seen, reason)
        elif do == "edit":
            outcome = question.status == seen and await deps.questions.edit(
                who.user_id, question_id, str(form.get("text", ""))
            )
        elif do == "merge":
            into = _number(form.get("into"))
            outcome = question.status == seen and await deps.questions.merge(
                who.user_id, question_id, into
            )
        elif do == "pin":
            outcome = await deps.questions.pin(who.user_id, question_id)
        elif do == "unpin":
            outcome = await deps.questions.unpin(who.user_id, session)
    if outcome:
        await deps.storage.console.record(
            request.app[CLOCK].now(), who.user_id, f"question-{do}", f"{session.key} #{question_id}"
        )
    result = do if outcome else "conflict"
    raise web.HTTPSeeOther(f"/questions/{session.key}?{urlencode({'done': result})}")


async def open_screen(request: web.Request) -> web.Response:
    """A presenter screen's link for the hall's computer: no login, revocable."""
    session = moderated_session(request)
    deps = request.app[DEPS]
    who = visitor(request)
    token = secrets.token_urlsafe(24)
    now = request.app[CLOCK].now()
    await deps.storage.questions.add_screen(digest(token), session.guid, who.user_id, now)
    await deps.storage.console.record(now, who.user_id, "screen-open", session.key)
    return await moderate_page(request, session, f"{deps.console.base_url}/screen/{token}")


async def close_screens(request: web.Request) -> web.Response:
    session = moderated_session(request)
    deps = request.app[DEPS]
    now = request.app[CLOCK].now()
    closed = await deps.storage.questions.revoke_screens(session.guid, now)
    await deps.storage.console.record(now, visitor(request).user_id, "screen-close", session.key)
    raise web.HTTPSeeOther(f"/questions/{session.key}?{urlencode({'done': f'closed-{closed}'})}")


async def moderators(request: web.Request) -> web.Response:
    """Organizers: grant or revoke a session's moderator by their user id."""
    session = moderated_session(request)
    deps = request.app[DEPS]
    who = visitor(request)
    if not who.is_organizer:
        raise web.HTTPForbidden(text="organizers grant moderators")
    form = await request.post()
    user_id = _number(form.get("user"))
    roles = deps.navigator.roles
    now = request.app[CLOCK].now()
    done = "conflict"
    if user_id and form.get("do") == "grant":
        await roles.grant_moderator(session.guid, user_id, who.user_id, now)
        done = "granted"
    elif (
        user_id
        and form.get("do") == "revoke"
        and await roles.revoke_moderator(session.guid, user_id)
    ):
        done = "revoked"
    if done != "conflict":
        await deps.storage.console.record(
            now, who.user_id, f"moderator-{done}", f"{session.key} {masked(user_id)}"
        )
    raise web.HTTPSeeOther(f"/questions/{session.key}?{urlencode({'done': done})}")


def _number(value: object) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) <= ID_CHARS else 0
