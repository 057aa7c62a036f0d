"""Organizers: an announcement going out (a progress bar that server-sent events keep
current; a reload shows the same), Stop, and the history of every announcement."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from aiohttp_sse import sse_response
from babel.numbers import format_decimal

from bot.features.broadcast.screens import STATUS_NAMES
from bot.features.broadcast.service import Report
from bot.i18n import Translator
from bot.storage.outbox import BLOCKED, CANCELLED, FAILED, PENDING, SENDING, SENT
from bot.ui.view import clip, plain
from web.console import announce_form
from web.console.announce import broadcast_id, flow, view
from web.console.keys import CATALOGS, DEPS, STORAGE
from web.console.people import masked
from web.console.render import render
from web.console.visitor import visitor

INTERVAL = 1.0  # seconds between two readings of one announcement's progress
HISTORY_PAGE = 50


def figures(report: Report, t: Translator) -> dict[str, Any]:
    """What the page shows, by the name of the element that shows it (the stream sends the
    same)."""
    counts = report.progress.counts

    def n(value: int) -> str:
        return format_decimal(value, locale=t.locale)

    waiting = counts[PENDING] + counts[SENDING]
    return {
        "sent": n(counts[SENT]),
        "failed": n(counts[FAILED]),
        "blocked": n(counts[BLOCKED]),
        "waiting": n(waiting),
        "cancelled": n(counts[CANCELLED]),
        "total": report.progress.total,
        "done": report.progress.total - waiting,
        "finished": report.progress.done,
        "status": t.gettext(_status(report)),
        "stoppable": report.stoppable,
    }


def _status(report: Report) -> str:
    status = report.broadcast.status
    if status == "sending" and report.progress.done:
        status = "done"
    return STATUS_NAMES.get(status, status)


async def _report(request: web.Request) -> Report:
    report = await flow(request).report(broadcast_id(request))
    if report is None:
        raise web.HTTPNotFound()
    if report.broadcast.status == "draft":
        raise web.HTTPSeeOther(f"/announcements/{report.broadcast.id}/preview")
    return report


async def progress(request: web.Request) -> web.Response:
    report = await _report(request)
    t = request.app[CATALOGS][visitor(request).language]
    context = {"b": report.broadcast, "v": figures(report, t), **_about(request, report)}
    return render(request, "announce_progress.html", context)


async def stream(request: web.Request) -> web.StreamResponse:
    report = await _report(request)
    t = request.app[CATALOGS][visitor(request).language]
    last = ""
    try:
        async with sse_response(request) as events:
            while events.is_connected():
                shown = json.dumps(figures(report, t), ensure_ascii=False)
                if shown != last:
                    await events.send(shown)
                    last = shown
                if report.progress.done:
                    break  # the page has its final figures
                await asyncio.sleep(INTERVAL)
                report = await _report(request)
    except ConnectionResetError:
        pass  # the browser went away
    return events


async def stop(request: web.Request) -> web.Response:
    number = broadcast_id(request)
    before = await flow(request).report(number)
    if before is None:
        raise web.HTTPNotFound()
    stoppable = before.broadcast.status == "draft" or before.stoppable
    if stoppable and await flow(request).stop(number) is not None:
        after = await flow(request).report(number)
        assert after is not None
        who = visitor(request)
        where = announce_form.typed_audience(before.broadcast, view(request).schedule)
        detail = f"#{number} · {where} · {after.progress.cancelled}"
        now = request.app[DEPS].navigator.clock.now()
        await request.app[STORAGE].console.record(now, who.user_id, "announce-stop", detail)
    if before.broadcast.status == "draft":
        raise web.HTTPSeeOther("/announcements")
    raise web.HTTPSeeOther(f"/announcements/{number}")


async def history(request: web.Request) -> web.Response:
    try:
        page = max(0, int(request.query.get("page", "0")))
    except ValueError:
        page = 0
    reports = await flow(request).reports(HISTORY_PAGE + 1, page * HISTORY_PAGE)
    t = request.app[CATALOGS][visitor(request).language]
    rows = [
        {"b": r.broadcast, "v": figures(r, t), **_about(request, r)} for r in reports[:HISTORY_PAGE]
    ]
    more = len(reports) > HISTORY_PAGE
    return render(request, "announce_history.html", {"rows": rows, "page": page, "more": more})


def _about(request: web.Request, report: Report) -> dict[str, Any]:
    """Who sent it (masked), when, to whom, and how it begins."""
    broadcast = report.broadcast
    first = next(iter(broadcast.texts.values()), "")
    return {
        "who_sent": masked(broadcast.organizer_id),
        "when": _when(broadcast.sent_at or broadcast.created_at),
        "audience": flow(request).describe(view(request), broadcast.audience),
        "excerpt": clip(plain(first), 80),
    }


def _when(stored: str) -> datetime:
    when = datetime.fromisoformat(stored)
    return when if when.tzinfo else when.replace(tzinfo=UTC)
