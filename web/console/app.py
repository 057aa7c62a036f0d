"""The console's aiohttp application: its routes, each with who may open it."""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler

from bot.deps import Deps
from bot.features.exhibition.loader import ExhibitorsFile
from bot.features.venues.loader import PLANS_FOLDER
from bot.features.venues.plans import PLANS_PATH
from web.console import (
    admin,
    announce,
    announce_progress,
    exhibition,
    live,
    live_polls,
    login,
    matching,
    presenter,
    programme,
    questions,
    results,
    staff,
)
from web.console.guard import LOGIN_ROUTE, guard, secure
from web.console.keys import ACCESS, ATTEMPTS, CATALOGS, CLOCK, DEPS, EXHIBITS, NEEDS, STORAGE
from web.console.question_feed import QUESTION_FEED, QuestionFeed
from web.console.ratelimit import Attempts
from web.console.visitor import Need

HERE = Path(__file__).parent
UPLOAD_BYTES = 16 * 1024 * 1024  # a programme file; bigger is refused with 413


def application(deps: Deps, live_feed: live.LiveFeed) -> web.Application:
    app = web.Application(middlewares=[guard], client_max_size=UPLOAD_BYTES)
    app[DEPS] = deps
    app[ACCESS] = deps.console
    app[STORAGE] = deps.storage
    app[CATALOGS] = deps.navigator.catalogs
    app[CLOCK] = deps.navigator.clock
    app[ATTEMPTS] = Attempts()
    app[live.FEED] = live_feed
    app[NEEDS] = {}
    app[programme.UPLOADS] = programme.uploads(deps)
    app[results.CACHE] = results.ResultsCache()
    app[EXHIBITS] = ExhibitorsFile(deps.settings.exhibitors_path)
    feed = QuestionFeed()
    app[QUESTION_FEED] = feed
    deps.questions.changed.append(feed.poke)
    deps.live_polls.changed.append(feed.poke)

    async def unhook(_app: web.Application) -> None:
        deps.questions.changed.remove(feed.poke)
        deps.live_polls.changed.remove(feed.poke)

    app.on_cleanup.append(unhook)
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
    page("POST", "/logout", login.logout, "logout", Need.MODERATORS)
    page("POST", "/language", login.language, "language", Need.MODERATORS)
    page("GET", "/", live.page, "live", Need.STAFF)
    page("GET", "/live/stream", live.stream, "live-stream", Need.STAFF)
    page("GET", "/sessions", admin.sessions, "sessions", Need.ORGANIZERS)
    page("POST", "/sessions/revoke", admin.revoke, "revoke-session", Need.ORGANIZERS)
    page("GET", "/audit", admin.audit, "audit", Need.ORGANIZERS)
    page("GET", "/results", results.page, "results", Need.STAFF)
    page("GET", "/results/chart/{code}.png", results.chart, "results-chart", Need.STAFF)
    page("GET", "/results/comments/{code}", results.comments, "results-comments", Need.STAFF)
    page("GET", "/results/download/{fmt}", results.download, "results-download", Need.STAFF)
    page("GET", "/programme", programme.page, "programme", Need.ORGANIZERS)
    page("POST", "/programme/upload", programme.upload, "programme-upload", Need.ORGANIZERS)
    page("POST", "/programme/confirm", programme.confirm, "programme-confirm", Need.ORGANIZERS)
    page("GET", "/staff", staff.page, "staff", Need.ORGANIZERS)
    page("POST", "/staff/grant", staff.grant, "staff-grant", Need.ORGANIZERS)
    page("POST", "/staff/revoke", staff.revoke, "staff-revoke", Need.ORGANIZERS)
    page("GET", "/matching", matching.page, "matching", Need.ORGANIZERS)
    page("POST", "/matching/no-show", matching.no_show, "matching-no-show", Need.ORGANIZERS)
    page("GET", "/matching/export.csv", matching.export, "matching-export", Need.ORGANIZERS)
    page("GET", "/exhibition", exhibition.page, "exhibition", Need.STAFF)
    page("POST", "/exhibition/leads", exhibition.download, "exhibition-leads", Need.ORGANIZERS)
    page("GET", "/questions", questions.sessions, "questions", Need.MODERATORS)
    page("GET", "/questions/{code}", questions.moderate, "moderate", Need.MODERATORS)
    page("GET", "/questions/{code}/queue", questions.queue, "moderate-queue", Need.MODERATORS)
    page("GET", "/questions/{code}/stream", questions.stream, "moderate-stream", Need.MODERATORS)
    page("POST", "/questions/{code}/act", questions.act, "moderate-act", Need.MODERATORS)
    page("POST", "/questions/{code}/screens", questions.open_screen, "screen-open", Need.MODERATORS)
    page(
        "POST",
        "/questions/{code}/screens/close",
        questions.close_screens,
        "screen-close",
        Need.MODERATORS,
    )
    page(
        "POST", "/questions/{code}/moderators", questions.moderators, "moderators", Need.ORGANIZERS
    )
    page("GET", "/questions/{code}/poll", live_polls.results, "poll-results", Need.MODERATORS)
    page("POST", "/questions/{code}/poll/start", live_polls.start, "poll-start", Need.MODERATORS)
    page("POST", "/questions/{code}/poll/close", live_polls.close, "poll-close", Need.MODERATORS)
    # The hall's screen: its link is the key (no login cookie on the hall's computer).
    page("GET", "/screen/{token}", presenter.screen, "presenter", Need.ANYONE)
    page("GET", "/screen/{token}/board", presenter.board, "presenter-board", Need.ANYONE)
    page("GET", "/screen/{token}/stream", presenter.stream, "presenter-stream", Need.ANYONE)
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
    plans = deps.settings.venues_path.parent / PLANS_FOLDER
    if plans.is_dir():  # the venues' floor plans, for Telegram and Zalo to fetch by URL
        app.router.add_static(PLANS_PATH, plans, name="floorplans")
    return app
