"""Organizers: who is logged in to the console (and ending a session), and the audit log."""

from __future__ import annotations

from aiohttp import web

from bot.i18n import N_
from web.console.keys import ACCESS, CLOCK, STORAGE
from web.console.people import masked
from web.console.render import render
from web.console.visitor import visitor

AUDIT_PAGE = 100
# What each action of the audit log is called; a page that records a new action names it here.
ACTIONS = {
    "login": N_("Logged in"),
    "logout": N_("Logged out"),
    "revoke-session": N_("Ended a console session"),
    "programme-install": N_("Installed a new programme"),
    "staff-grant": N_("Granted staff access"),
    "staff-revoke": N_("Revoked staff access"),
    "question-approve": N_("Approved a question"),
    "question-reject": N_("Rejected a question"),
    "question-answered": N_("Marked a question answered"),
    "question-reopen": N_("Put a question back in the list"),
    "question-edit": N_("Edited a question"),
    "question-merge": N_("Merged a duplicate question"),
    "question-pin": N_("Pinned a question"),
    "question-unpin": N_("Unpinned a question"),
    "screen-open": N_("Opened a presenter screen link"),
    "screen-close": N_("Closed the presenter screen links"),
    "moderator-granted": N_("Granted a moderator"),
    "moderator-revoked": N_("Revoked a moderator"),
    "announce-compose": N_("Wrote an announcement (draft)"),
    "announce-confirm": N_("Sent an announcement"),
    "announce-stop": N_("Stopped an announcement"),
    "poll-start": N_("Started a live poll"),
    "poll-close": N_("Closed a live poll"),
    "matching-no-show": N_("Marked a business-matching no-show"),
    "matching-showed": N_("Unmarked a business-matching no-show"),
    "leads-download": N_("Downloaded the contacts shared with exhibitors"),
}


async def sessions(request: web.Request) -> web.Response:
    store = request.app[STORAGE].console
    access = request.app[ACCESS]
    active = await store.active_sessions(request.app[CLOCK].now())
    mine = visitor(request).session
    rows = [
        {
            "ref": s.id_hash[:16],  # enough to name it in a form; the cookie stays unknown
            "who": masked(s.user_id),
            "role": access.role(s.user_id),
            "since": s.created_at,
            "seen": s.last_seen,
            "agent": s.agent,
            "mine": mine is not None and s.id_hash == mine.id_hash,
        }
        for s in active
    ]
    return render(request, "sessions.html", {"sessions": rows})


async def revoke(request: web.Request) -> web.Response:
    who = visitor(request)
    form = await request.post()
    ref = str(form.get("ref", ""))
    store = request.app[STORAGE].console
    now = request.app[CLOCK].now()
    found = [s for s in await store.active_sessions(now) if s.id_hash[:16] == ref]
    if len(ref) == 16 and len(found) == 1:
        await store.revoke(found[0].id_hash, now)
        await store.record(now, who.user_id, "revoke-session", masked(found[0].user_id))
    raise web.HTTPSeeOther("/sessions")


async def audit(request: web.Request) -> web.Response:
    try:
        page = max(0, int(request.query.get("page", "0")))
    except ValueError:
        page = 0
    entries = await request.app[STORAGE].console.audit(AUDIT_PAGE + 1, page * AUDIT_PAGE)
    rows = [
        {
            "at": e.at,
            "who": masked(e.user_id),
            "action": ACTIONS.get(e.action, e.action),
            "detail": e.detail,
        }
        for e in entries[:AUDIT_PAGE]
    ]
    more = len(entries) > AUDIT_PAGE
    return render(request, "audit.html", {"entries": rows, "page": page, "more": more})
