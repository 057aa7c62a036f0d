"""Every request passes here first: who is asking, may they open this page, is a form theirs.

- The session comes from the HttpOnly cookie; roles are asked of `Roles` on every request
  (never kept in the cookie), so a staff grant taken back closes the console at once.
- Each route declares who may open it (visitor.Need); nobody else gets past: no session → the
  login page (401 for what a browser does not open as a page), a staff member on an
  organizer page → 403.
- Every POST carries the session's CSRF token (a form field, or the X-CSRF-Token header);
  without it: 403, nothing done. The login form is the exception: its one-time token is the
  proof.
- Every answer carries the security headers (CSP without inline scripts, no framing, no
  referrer; `secure`, on_response_prepare) and pages are not cached (they show personal data).
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.features.console.access import ConsoleAccess
from bot.i18n import LANGUAGES, negotiate
from bot.storage import Storage
from bot.storage.console import ConsoleSession
from web.console.keys import ACCESS, NEEDS, STORAGE
from web.console.render import render
from web.console.visitor import VISITOR, Need, Visitor

COOKIE = "vidw_console"
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
LOGIN_ROUTE = "login"

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
        " frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    access = request.app[ACCESS]
    route = request.match_info.route.name or ""
    need = request.app[NEEDS].get(route, Need.ANYONE)
    session = await access.session(request.cookies.get(COOKIE, ""))
    role = access.role(session.user_id) if session else None
    who = Visitor(
        language=await _language(request, request.app[STORAGE], session),
        session=session,
        role=role,
        csrf=access.csrf_token(session) if session else "",
    )
    request[VISITOR] = who
    if not need.allows(role):
        if session is None:
            if request.method == "GET" and "text/html" in request.headers.get("Accept", ""):
                raise web.HTTPSeeOther(request.app.router[LOGIN_ROUTE].url_for())
            raise web.HTTPUnauthorized(text="log in first: /console in the chat")
        return render(request, "forbidden.html", {"reason": "organizers"}, status=403)
    if (
        request.method == "POST"
        and route != LOGIN_ROUTE
        and (session is None or not await _csrf_ok(request, access, who))
    ):
        return render(request, "forbidden.html", {"reason": "csrf"}, status=403)
    if session is not None:
        await access.touch(session)
    return await handler(request)


async def _csrf_ok(request: web.Request, access: ConsoleAccess, who: Visitor) -> bool:
    assert who.session is not None
    token = request.headers.get(CSRF_HEADER, "")
    if not token and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        # Multipart bodies (uploads) are read by the page; the token comes first in the form.
        if request.content_type == "multipart/form-data":
            token = request.query.get(CSRF_FIELD, "")
        else:
            token = str((await request.post()).get(CSRF_FIELD, ""))
    return bool(token) and access.csrf_ok(who.session, token)


async def _language(request: web.Request, storage: Storage, session: ConsoleSession | None) -> str:
    """The console's choice, else the staff member's language in the bot, else the browser's."""
    if session is not None:
        if session.language in LANGUAGES:
            return session.language
        profile = await storage.users.get(session.user_id)
        if profile is not None and profile.language in LANGUAGES:
            return profile.language
    asked = request.query.get("lang", "")
    if asked in LANGUAGES:
        return asked
    return negotiate(request.headers.get("Accept-Language", "").split(",")[0])


async def secure(_request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: every answer, errors and event streams included."""
    response.headers.update(SECURITY_HEADERS)
    response.headers.setdefault("Cache-Control", "no-store")
