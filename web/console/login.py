"""Login by one-time link, logout, and the language switch.

GET /login?t=… only shows a "Sign in" button: Telegram (and mail scanners) fetch links to
preview them, and a GET that spent the link would log nobody in. The POST spends it.
"""

from __future__ import annotations

import math
from urllib.parse import urlsplit

from aiohttp import web

from bot.features.console.access import SESSION_LIFETIME, Login, Refused, Role
from bot.i18n import LANGUAGES
from web.console.guard import COOKIE
from web.console.keys import ACCESS, ATTEMPTS
from web.console.render import render
from web.console.visitor import visitor


async def login_page(request: web.Request) -> web.Response:
    token = request.query.get("t", "")
    who = visitor(request)
    if who.session is not None and not token:
        raise web.HTTPSeeOther("/questions" if who.role is Role.MODERATOR else "/")
    return render(request, "login.html", {"token": token})


async def login(request: web.Request) -> web.Response:
    wait = request.app[ATTEMPTS].allow(request.remote or "?")
    if wait is not None:
        response = render(request, "refused.html", {"reason": "too-many"}, status=429)
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    form = await request.post()
    token = str(form.get("t", ""))[:200]
    outcome = await request.app[ACCESS].redeem(token, request.headers.get("User-Agent", ""))
    if isinstance(outcome, Refused):
        return render(request, "refused.html", {"reason": outcome.value}, status=403)
    return _signed_in(request, outcome)


def _signed_in(request: web.Request, login: Login) -> web.Response:
    # A moderator's console is the questions of their sessions; everyone else's, the figures.
    role = request.app[ACCESS].role(login.session.user_id)
    response = see_other("/questions" if role is Role.MODERATOR else "/")
    response.set_cookie(
        COOKIE,
        login.cookie,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="Strict",
        secure=request.app[ACCESS].base_url.startswith("https:"),
        path="/",
    )
    return response


async def logout(request: web.Request) -> web.Response:
    who = visitor(request)
    if who.session is not None:
        await request.app[ACCESS].logout(who.session)
    response = see_other("/login")
    response.del_cookie(COOKIE, path="/")
    return response


async def language(request: web.Request) -> web.Response:
    who = visitor(request)
    form = await request.post()
    chosen = str(form.get("lang", ""))
    if chosen in LANGUAGES and who.session is not None:
        await request.app[ACCESS].set_language(who.session, chosen)
    raise web.HTTPSeeOther(_local(str(form.get("next", "/"))))


def see_other(location: str) -> web.Response:
    """A redirect that carries a cookie (an HTTPException must be raised, not returned)."""
    return web.Response(status=303, headers={"Location": location})


def _local(path: str) -> str:
    """Only a path of this site: a form cannot send the browser elsewhere."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not path.startswith("/") or path.startswith("//"):
        return "/"
    return path
