"""Starting and closing a session's live poll from its moderation page (/questions/{code}),
and its results alone, for the page's script to swap in as answers arrive.

Every form is checked whole and shown again with what was typed and each problem beside its
field: nothing typed is lost.
"""

from __future__ import annotations

from urllib.parse import urlencode

from aiohttp import web

from bot.features.live_polls import draft
from bot.features.live_polls.service import Refusal
from bot.i18n import N_
from web.console.keys import CATALOGS, CLOCK, DEPS
from web.console.poll_view import polls_context
from web.console.questions import ID_CHARS, moderate_page, moderated_session
from web.console.render import render
from web.console.visitor import visitor

REFUSALS = {
    Refusal.NOT_MODERATOR: N_("You do not moderate this session."),
    Refusal.NOT_RUNNING: N_(
        "A live poll can be started while the session takes questions: from 30 minutes before"
        " it starts until it ends."
    ),
    Refusal.ALREADY_OPEN: N_(
        "This session has an open poll already (another moderator may have just started it):"
        " close it first."
    ),
}


async def start(request: web.Request) -> web.Response:
    session = moderated_session(request)
    deps = request.app[DEPS]
    who = visitor(request)
    form = await request.post()
    read = draft.read(form)
    problems: dict[str, list[str]] = {}
    if isinstance(read, list):
        for problem in read:
            problems.setdefault(problem.field, []).append(_said(request, problem))
    else:
        outcome = await deps.live_polls.start(who.user_id, session, read)
        if not isinstance(outcome, Refusal):
            await deps.storage.console.record(
                request.app[CLOCK].now(),
                who.user_id,
                "poll-start",
                f"{session.key} #{outcome.id}: {outcome.question(who.language)[:80]}",
            )
            raise web.HTTPSeeOther(f"/questions/{session.key}?{urlencode({'done': 'poll'})}")
        problems["poll"] = [_translated(request, REFUSALS[outcome])]
    extra = {"poll_form": draft.values(form), "poll_problems": problems}
    return await moderate_page(request, session, extra=extra, status=422)


async def close(request: web.Request) -> web.Response:
    session = moderated_session(request)
    deps = request.app[DEPS]
    who = visitor(request)
    form = await request.post()
    text = str(form.get("poll", "")).strip()
    poll_id = int(text) if text.isdigit() and len(text) <= ID_CHARS else 0
    closed = await deps.live_polls.close(who.user_id, session, poll_id) if poll_id else None
    if closed is None:
        raise web.HTTPSeeOther(f"/questions/{session.key}?{urlencode({'done': 'poll-gone'})}")
    await deps.storage.console.record(
        request.app[CLOCK].now(), who.user_id, "poll-close", f"{session.key} #{closed.id}"
    )
    raise web.HTTPSeeOther(f"/questions/{session.key}?{urlencode({'done': 'poll-closed'})}")


async def results(request: web.Request) -> web.Response:
    session = moderated_session(request)
    context = {"session": session, **await polls_context(request, session)}
    return render(request, "live_poll_results.html", context)


def _translated(request: web.Request, message: str) -> str:
    return request.app[CATALOGS][visitor(request).language].gettext(message)


def _said(request: web.Request, problem: draft.Problem) -> str:
    return _translated(request, problem.message) % dict(problem.values)
