"""Staff: the poll results per session (ratings overall and per language, mean, response rate,
comments), the survey, a chart per session, filters by day and theme, and the three export
files. The figures come from bot/features/exports (the workbook's own counting)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from aiohttp import web
from babel.numbers import format_decimal

from bot.features.exports.chart import distribution_png
from bot.features.exports.files import CONTENT_TYPES, NAMES, export_file
from bot.features.exports.overview import (
    RATING,
    SCOPES,
    Filter,
    SessionResult,
    no_answers,
    session_results,
    survey_results,
)
from bot.features.exports.results import ExportData, SurveyCounts, collect
from bot.features.exports.wording import Wording
from bot.features.questions.screens import STATUS as QUESTION_STATES
from bot.i18n import N_, Translator
from bot.programme.model import Schedule, Session
from web.console.keys import CATALOGS, CLOCK, DEPS, EXHIBITS
from web.console.render import render
from web.console.visitor import visitor

log = logging.getLogger(__name__)

SESSIONS_PAGE = 10
COMMENTS_SHOWN = 3  # on a session's card; the rest on its comments page
COMMENTS_PAGE = 50
NO_SUCH_DAY = N_("There is no such day in the programme: every day is shown.")
NO_SUCH_THEME = N_("There is no such theme in the programme: every theme is shown.")


@dataclass(frozen=True)
class Chosen:
    """The filters as asked (GET parameters), checked against the programme."""

    filter: Filter
    day: str
    theme: str
    problems: tuple[str, ...]


def _chosen(request: web.Request, schedule: Schedule) -> Chosen:
    day_text, theme = request.query.get("day", ""), request.query.get("theme", "")
    problems = []
    day = None
    days = {d.date.isoformat(): d.date for d in schedule.days}
    if day_text:
        day = days.get(day_text)
        if day is None:
            problems.append(NO_SUCH_DAY)
            day_text = ""
    if theme and theme not in {t.slug for t in schedule.tracks}:
        problems.append(NO_SUCH_THEME)
        theme = ""
    return Chosen(Filter(day, theme or None), day_text, theme, tuple(problems))


def _page_number(request: web.Request) -> int:
    try:
        return max(0, int(request.query.get("page", "0")))
    except ValueError:
        return 0


async def _collect(request: web.Request, *, user_ids: bool = False) -> ExportData:
    deps = request.app[DEPS]
    schedule, survey = deps.programme.schedule, deps.surveys.definition
    exhibitors = request.app[EXHIBITS].catalogue
    return await collect(deps.storage, schedule, survey, user_ids=user_ids, exhibitors=exhibitors)


@dataclass(frozen=True)
class Snapshot:
    data: ExportData
    results: list[SessionResult]  # every session, before the filters
    survey: list[SurveyCounts]
    at: datetime  # when it was counted (the page shows it)


class ResultsCache:
    """The results last counted: counting 100,000 answers takes most of a second of Python,
    which no page should wait for each time an answer arrives. Once counted, a page is always
    served from the last count, and a new count starts in the background when answers were
    written since (at most one every RECOUNT_EVERY, so a steady stream of answers does not keep
    a core busy) or when the last count is older than MAX_AGE (/forget deletes answers where
    the write counter does not see it). The page says when its figures were counted. Only the
    first page after a start waits for a count."""

    RECOUNT_EVERY = timedelta(seconds=10)
    MAX_AGE = timedelta(seconds=30)

    def __init__(self) -> None:
        self._key: tuple[int, int] | None = None
        self._at = datetime.min.replace(tzinfo=UTC)  # when the last count started
        self._snapshot: Snapshot | None = None
        self._lock = asyncio.Lock()  # one count at a time
        self._recount: asyncio.Task[None] | None = None

    async def get(self, request: web.Request) -> Snapshot:
        deps = request.app[DEPS]
        key = (id(deps.programme.schedule), deps.storage.feedback.generation)
        now = request.app[CLOCK].now()
        snapshot = self._snapshot
        if snapshot is None:
            async with self._lock:
                if self._snapshot is None:
                    await self._count(request, key)
            assert self._snapshot is not None
            return self._snapshot
        changed = key != self._key and now - self._at >= self.RECOUNT_EVERY
        if (changed or now - self._at > self.MAX_AGE) and not self._counting():
            self._recount = asyncio.create_task(self._count_alone(request, key))
            self._recount.add_done_callback(_logged)
        return snapshot

    def _counting(self) -> bool:
        return self._recount is not None and not self._recount.done()

    async def _count_alone(self, request: web.Request, key: tuple[int, int]) -> None:
        async with self._lock:
            await self._count(request, key)

    async def _count(self, request: web.Request, key: tuple[int, int]) -> None:
        deps = request.app[DEPS]
        schedule = deps.programme.schedule
        self._at = at = request.app[CLOCK].now()
        data = await _collect(request)  # pseudonyms, whatever the exports do
        sent = await deps.storage.feedback.polls_sent(RATING)
        # Counting is pure Python: in a thread, the bot's event loop keeps answering meanwhile.
        results, survey = await asyncio.to_thread(
            lambda: (
                session_results(data, schedule, sent, Filter()),
                survey_results(data, deps.surveys.definition),
            )
        )
        self._snapshot, self._key = Snapshot(data, results, survey, at), key


def _logged(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("counting the results failed", exc_info=task.exception())


CACHE = web.AppKey("results-cache", ResultsCache)


async def _results(request: web.Request, chosen: Filter) -> tuple[Snapshot, list[SessionResult]]:
    snapshot = await request.app[CACHE].get(request)
    schedule = request.app[DEPS].programme.schedule
    return snapshot, [r for r in snapshot.results if chosen.keeps(schedule, r.session)]


def _number(t: Translator, value: float | None) -> str:
    return "—" if value is None else format_decimal(value, locale=t.lang)


def _card(t: Translator, schedule: Schedule, result: SessionResult) -> dict[str, Any]:
    session = schedule.session(result.session.key) or result.session
    zone = schedule.zone
    rate = result.response_rate
    return {
        "code": session.key,
        "title": session.title_in(t.lang),
        "day": t.short_day(session.start, zone),
        "hours": t.time_range(session.start, session.end, zone),
        "theme": session.track.name_in(t.lang) if session.track else "",
        "scopes": [
            {
                "name": s.name,
                "ratings": s.ratings,
                "mean": _number(t, s.mean),
                "counts": s.counts,
            }
            for s in result.scopes
        ],
        "answered": result.answered,
        "sent": result.polls_sent,
        "rate": "—" if rate is None else t.percent(rate),
        "mean": _number(t, result.overall.mean),
        "ratings": result.overall.ratings,
        "comments": result.comments[:COMMENTS_SHOWN],
        "more_comments": len(result.comments) - COMMENTS_SHOWN,
    }


def _link(path: str, **query: object) -> str:
    kept = {k: v for k, v in query.items() if v not in ("", None, 0)}
    return f"{path}?{urlencode(kept)}" if kept else path


async def page(request: web.Request) -> web.Response:
    deps = request.app[DEPS]
    schedule = deps.programme.schedule
    t = request.app[CATALOGS][visitor(request).language]
    chosen = _chosen(request, schedule)
    number = _page_number(request)
    snapshot, results = await _results(request, chosen.filter)
    data = snapshot.data
    shown = results[number * SESSIONS_PAGE : (number + 1) * SESSIONS_PAGE]
    survey = deps.surveys.definition
    questions = [
        {
            "text": found.question.texts.get(t.lang) or found.question.key,
            "options": [
                {
                    "key": key,
                    "text": texts.get(t.lang) or key,
                    "counts": [found.counts[scope][key] for scope in SCOPES],
                    "share": _number(t, found.share("all", key)),
                }
                for key, texts in zip(
                    found.question.option_keys, found.question.option_texts, strict=True
                )
            ],
            "respondents": [found.respondents.get(s, 0) for s in SCOPES],
        }
        for found in snapshot.survey
    ]
    filters = {"day": chosen.day, "theme": chosen.theme}
    context = {
        "cards": [_card(t, schedule, r) for r in shown],
        "total": len(results),
        "answers": len(data.raw),
        "comments_total": len(data.comments),
        "days": [(d.date.isoformat(), t.date(d.date, year=False)) for d in schedule.days],
        "themes": [(tr.slug, tr.name_in(t.lang)) for tr in schedule.tracks],
        "chosen": chosen,
        "problems": [t.gettext(p) for p in chosen.problems],
        "newer": _link("/results", page=number - 1, **filters) if number > 0 else "",
        "older": _link("/results", page=number + 1, **filters)
        if len(results) > (number + 1) * SESSIONS_PAGE
        else "",
        "questions": questions,
        "survey_title": survey.titles.get(t.lang, ""),
        "downloads": [(fmt, f"/results/download/{fmt}", NAMES[fmt]) for fmt in NAMES],
        "counted_at": t.time(snapshot.at, schedule.zone),
        "panel": _panel(t, schedule, snapshot.data, chosen.filter),
        "states": QUESTION_STATES,
    }
    return render(request, "results.html", context)


PANEL_QUESTIONS = 10  # the most voted of each session (the XLSX has them all)


def _panel(
    t: Translator, schedule: Schedule, data: ExportData, chosen: Filter
) -> list[dict[str, Any]]:
    """Questions to the panel and live polls, by session, for the sessions the filters keep."""
    shown: dict[str, dict[str, Any]] = {}

    def entry(code: str) -> dict[str, Any] | None:
        session = schedule.session(code)
        if session is None or not chosen.keeps(schedule, session):
            return None
        return shown.setdefault(
            code,
            {"code": code, "title": session.title_in(t.lang), "questions": [], "polls": []},
        )

    for asked in sorted(data.questions, key=lambda a: -a.question.votes):
        found = entry(asked.code)
        if found is not None and len(found["questions"]) < PANEL_QUESTIONS:
            found["questions"].append(asked.question)
    for polled in data.live_polls:
        found = entry(polled.code)
        if found is None:
            continue
        tally = polled.poll.tally
        found["polls"].append(
            {
                "question": polled.poll.question(t.lang),
                "open": polled.poll.open,
                "respondents": tally.respondents,
                "options": [
                    (
                        text,
                        tally.count(key),
                        t.percent(tally.count(key) / tally.respondents)
                        if tally.respondents
                        else "—",
                    )
                    for key, text in polled.poll.options(t.lang)
                ],
            }
        )
    order = {s.key: n for n, s in enumerate(schedule.sessions)}
    return sorted(shown.values(), key=lambda e: order.get(e["code"], 0))


def _session(request: web.Request) -> tuple[Session, Translator]:
    """The session the path names (404 if none), and the reader's language."""
    session = request.app[DEPS].programme.schedule.session(request.match_info["code"])
    if session is None:
        raise web.HTTPNotFound(text="no such session")
    return session, request.app[CATALOGS][visitor(request).language]


async def comments(request: web.Request) -> web.Response:
    """Every comment on one session, a page at a time."""
    session, t = _session(request)
    number = _page_number(request)
    snapshot = await request.app[CACHE].get(request)
    subject = f"session:{session.guid}"
    found = [c for c in snapshot.data.comments if c[0] == subject]
    shown = found[number * COMMENTS_PAGE : (number + 1) * COMMENTS_PAGE]
    path = f"/results/comments/{session.key}"
    context = {
        "code": session.key,
        "title": session.title_in(t.lang),
        "comments": [{"language": c[2], "author": c[3], "text": c[4]} for c in shown],
        "total": len(found),
        "newer": _link(path, page=number - 1) if number > 0 else "",
        "older": _link(path, page=number + 1) if len(found) > (number + 1) * COMMENTS_PAGE else "",
    }
    return render(request, "results_comments.html", context)


async def chart(request: web.Request) -> web.Response:
    """One session's answers per option, drawn on the server (a PNG for an <img>)."""
    session, t = _session(request)
    schedule = request.app[DEPS].programme.schedule
    _data, results = await _results(request, Filter())
    found = [r for r in results if r.session.key == session.key]
    scope = found[0].overall if found else no_answers()
    title = f"{session.key} · {session.title_in(t.lang)}"
    png = distribution_png(scope, title, Wording.of(t, schedule))
    return web.Response(body=png, content_type="image/png")


async def download(request: web.Request) -> web.Response:
    """The export files of `vidw-bot export` and /export, in the staff member's language."""
    fmt = request.match_info["fmt"]
    if fmt not in NAMES:
        raise web.HTTPNotFound(text="no such export")
    deps = request.app[DEPS]
    t = request.app[CATALOGS][visitor(request).language]
    data = await _collect(request, user_ids=deps.settings.export_user_ids)
    body = export_file(fmt, data, deps.surveys.definition, deps.programme.schedule, t)
    response = web.Response(body=body, content_type=CONTENT_TYPES[fmt])
    if fmt == "csv":
        response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{NAMES[fmt]}"'
    return response
