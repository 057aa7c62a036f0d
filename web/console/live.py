"""The live figures: a page that shows them, and server-sent events that keep it current.

One feed for every browser: while anyone watches, the figures are read twice a second (one
set of queries, whatever the number of browsers) and, when they changed, each watcher gets
the newest; a slow browser skips snapshots rather than piling them up. The page shows the
same values when rendered, so it works with JavaScript off (without the updates).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from aiohttp import web
from aiohttp_sse import sse_response
from babel.numbers import format_decimal

from bot.clock import Clock
from bot.deps import Deps
from bot.features.health.report import Check, HealthReport
from bot.features.health.screens import LABELS
from bot.features.stats.figures import LiveFigures, gather
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Catalogs, Translator
from web.console.keys import CATALOGS, DEPS
from web.console.render import render
from web.console.visitor import visitor

log = logging.getLogger(__name__)

# Seconds between two readings while anyone watches: a change shows within a second. A reading
# is a handful of indexed queries (bench console: about 15 ms at 10,000 attendees).
INTERVAL = 0.5
KINDS_SENT = ("reminder", "announcement", "feedback", "survey", "schedule-change")
CHANNELS = ("telegram", "zalo")


class LiveFeed:
    """What every browser on the live page is sent."""

    def __init__(self, deps: Deps, catalogs: Catalogs, clock: Clock) -> None:
        self._deps = deps
        self._catalogs = catalogs
        self._clock = clock
        self._watchers: set[asyncio.Queue[int]] = set()
        self._latest: tuple[LiveFigures, HealthReport] | None = None
        self._version = 0
        self._rendered: dict[str, str] = {}  # language → the latest snapshot as JSON

    @property
    def watchers(self) -> int:
        return len(self._watchers)

    async def read(self) -> tuple[LiveFigures, HealthReport]:
        """The newest figures (read now when none are at hand)."""
        if self._latest is None:
            await self._refresh()
        assert self._latest is not None
        return self._latest

    async def tick(self) -> None:
        """Supervised, every INTERVAL: read once, tell every watcher."""
        if not self._watchers:
            self._latest = None  # nobody watches: the next page reads afresh
            return
        before = self.snapshot(DEFAULT_LANGUAGE) if self._latest is not None else None
        await self._refresh()
        if self.snapshot(DEFAULT_LANGUAGE) == before:
            return  # nothing changed: nothing to send
        for queue in list(self._watchers):
            if queue.full():  # a slow browser: it gets the newest, not a backlog
                queue.get_nowait()
            queue.put_nowait(self._version)

    def watch(self) -> asyncio.Queue[int]:
        queue: asyncio.Queue[int] = asyncio.Queue(maxsize=1)
        self._watchers.add(queue)
        return queue

    def unwatch(self, queue: asyncio.Queue[int]) -> None:
        self._watchers.discard(queue)

    def snapshot(self, language: str) -> str:
        if language not in self._rendered and self._latest is not None:
            figures, report = self._latest
            values = shown(figures, report, self._catalogs[language], self._clock, self._deps)
            self._rendered[language] = json.dumps(values, ensure_ascii=False)
        return self._rendered.get(language, "{}")

    async def _refresh(self) -> None:
        deps = self._deps
        figures = await gather(deps.storage, deps.programme, self._clock)
        self._latest = (figures, await deps.health.report())
        self._version += 1
        self._rendered = {}


def shown(
    figures: LiveFigures, report: HealthReport, t: Translator, clock: Clock, deps: Deps
) -> dict[str, Any]:
    """Each figure as the page shows it, by the id of the element that shows it."""

    def n(value: int) -> str:
        return format_decimal(value, locale=t.locale)

    values: dict[str, Any] = {
        "reachable": n(sum(r for r, _b in figures.users.values())),
        "blocked": n(sum(b for _r, b in figures.users.values())),
        "active-now": n(figures.active_now),
        "active-today": n(figures.active_today),
        "failed": n(figures.count("failed")),
        "blocked-sends": n(figures.count("blocked")),
        "queued": n(figures.queued),
        "polls": _answered(figures.polls, t, n),
        "health": t.gettext(N_("All is well") if report.healthy else N_("Needs attention")),
        "healthy": report.healthy,
        "problems": [_problem(check, t) for check in report.problems],
        "updated": t.time(clock.now(), deps.programme.schedule.zone),
        "top": [[session.title_in(t.lang), n(c)] for session, c in figures.top],
    }
    for lang in LANGUAGES:
        values[f"lang-{lang}"] = n(figures.users.get(lang, (0, 0))[0])
    for channel in CHANNELS:
        values[f"channel-{channel}"] = n(figures.channels.get(channel, 0))
    for kind in KINDS_SENT:
        values[f"sent-{kind}"] = n(figures.count("sent", kind))
    return values


def _problem(check: Check, t: Translator) -> str:
    name = t.gettext(LABELS[check.name]) if check.name in LABELS else check.name
    return f"{name}: {t.gettext(check.detail)}" if check.detail else name


def _answered(polls: tuple[int, int], t: Translator, n: Any) -> str:
    asked, answered = polls
    if not asked:
        return "—"
    return f"{n(answered)} / {n(asked)} ({t.percent(answered / asked)})"


FEED = web.AppKey("feed", LiveFeed)


async def page(request: web.Request) -> web.Response:
    feed = request.app[FEED]
    deps = request.app[DEPS]
    translator = request.app[CATALOGS][visitor(request).language]
    figures, report = await feed.read()
    values = shown(figures, report, translator, deps.navigator.clock, deps)
    return render(request, "live.html", {"v": values, "kinds": KINDS_SENT, "channels": CHANNELS})


async def stream(request: web.Request) -> web.StreamResponse:
    feed = request.app[FEED]
    language = visitor(request).language
    queue = feed.watch()
    try:
        async with sse_response(request) as events:
            await feed.read()
            await events.send(feed.snapshot(language))
            while events.is_connected():
                await queue.get()
                await events.send(feed.snapshot(language))
    except ConnectionResetError:
        pass  # the browser went away
    finally:
        feed.unwatch(queue)
    return events
