"""The console's aiohttp application: its routes, each with who may open it."""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler

from bot.deps import Deps
from web.console import admin, announce, announce_progress, live, login
from web.console.guard import LOGIN_ROUTE, guard, secure
from web.console.keys import ACCESS, ATTEMPTS, CATALOGS, CLOCK, DEPS, NEEDS, STORAGE
from web.console.ratelimit import Attempts
from web.console.visitor import Need

HERE = Path(__file__).parent
UPLOAD_BYTES = 16 * 1024 * 1024  # a programme file; bigger is refused with 413


def application(deps: Deps, feed: live.LiveFeed) -> web.Application:
    app = web.Application(middlewares=[guard], client_max_size=UPLOAD_BYTES)
    app[DEPS] = deps
    app[ACCESS] = deps.console
    app[STORAGE] = deps.storage
    app[CATALOGS] = deps.navigator.catalogs
    app[CLOCK] = deps.navigator.clock
    app[ATTEMPTS] = Attempts()
    app[live.FEED] = feed
    app[NEEDS] = {}
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    app.on_response_prepare.append(secure)

    def page(method: str, path: str, handler: Handler, name: str, need: Need) -> None:
        app.router.add_route(method, path, handler, name=name)
        app[NEEDS][name] = need

    page("GET", "/login", login.login_page, "login-page", Need.ANYONE)
    page("POST", "/login", login.login, LOGIN_ROUTE, Need.ANYONE)
    page("POST", "/logout", login.logout, "logout", Need.STAFF)
    page("POST", "/language", login.language, "language", Need.STAFF)
    page("GET", "/", live.page, "live", Need.STAFF)
    page("GET", "/live/stream", live.stream, "live-stream", Need.STAFF)
    page("GET", "/sessions", admin.sessions, "sessions", Need.ORGANIZERS)
    page("POST", "/sessions/revoke", admin.revoke, "revoke-session", Need.ORGANIZERS)
    page("GET", "/audit", admin.audit, "audit", Need.ORGANIZERS)
    organizers = Need.ORGANIZERS  # every announcement page and form
    page("GET", "/announcements", announce_progress.history, "announcements", organizers)
    page("GET", "/announcements/new", announce.compose_page, "announce-new", organizers)
    page("POST", "/announcements/new", announce.compose, "announce-compose", organizers)
    page("GET", "/announcements/{id}/preview", announce.preview, "announce-preview", organizers)
    page("POST", "/announcements/{id}/confirm", announce.confirm, "announce-confirm", organizers)
    page("GET", "/announcements/{id}", announce_progress.progress, "announce-progress", organizers)
    page(
        "GET", "/announcements/{id}/stream", announce_progress.stream, "announce-stream", organizers
    )
    page("POST", "/announcements/{id}/stop", announce_progress.stop, "announce-stop", organizers)
    app.router.add_static("/static/", HERE / "static", name="static")
    return app
