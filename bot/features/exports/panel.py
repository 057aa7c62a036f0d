"""The workbook's sheets of what happened in the rooms: live polls (one row per option, every
language and channel merged, then per language) and questions to the panel (text, language,
state, votes), in the staff member's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from openpyxl import Workbook

from bot.features.exports.wording import Wording
from bot.features.live_polls.service import LivePoll, every_poll
from bot.features.questions.screens import STATUS
from bot.i18n import LANGUAGES
from bot.programme.model import Schedule
from bot.storage import Storage
from bot.storage.questions import ANSWERED, APPROVED, MERGED, PENDING, REJECTED, Question

# Withdrawn questions are their authors' to take back: not reported.
REPORTED = (PENDING, APPROVED, ANSWERED, REJECTED, MERGED)
TIME = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class PolledSession:
    code: str
    title: str  # English: Wording gives the reader's
    poll: LivePoll
    started: str  # in the programme's zone
    closed: str  # "" while open


@dataclass(frozen=True)
class AskedQuestion:
    code: str
    title: str
    question: Question
    asked: str


async def collect_panel(
    storage: Storage, schedule: Schedule
) -> tuple[list[PolledSession], list[AskedQuestion]]:
    by_guid = {s.guid: s for s in schedule.sessions}
    zone = schedule.zone
    polls = []
    for poll in await every_poll(storage):
        session = by_guid.get(poll.row.session_guid)
        code, title = (session.key, session.title) if session else ("", poll.row.session_guid)
        closed = poll.row.closed_at
        polls.append(
            PolledSession(
                code, title, poll, _local(poll.row.started_at, zone), _local(closed, zone)
            )
        )
    questions = [
        AskedQuestion(s.key, s.title, q, _local(q.created_at, zone))
        for s in schedule.sessions
        for q in await storage.questions.of_session(s.guid, REPORTED)
    ]
    return polls, questions


def _local(when: datetime | None, zone: tzinfo) -> str:
    return when.astimezone(zone).strftime(TIME) if when is not None else ""


def live_poll_sheet(book: Workbook, polls: list[PolledSession], words: Wording) -> None:
    _ = words._
    sheet = book.create_sheet(words.sheet(_("Live polls")))
    header: list[object] = [
        _("session"),
        _("title"),
        _("poll"),
        _("question"),
        _("several answers"),
        _("started"),
        _("closed"),
        _("option"),
        _("answer"),
    ]
    for scope in ["all", *LANGUAGES]:
        header.append(words.scoped(scope, _("answers")))
    header += [_("%(percent)s of respondents") % {"percent": "%"}, _("respondents")]
    sheet.append(header)
    for polled in polls:
        poll, lang = polled.poll, words.language
        for key, text in poll.options(lang):
            row: list[object] = [
                polled.code,
                words.title(polled.code, polled.title),
                poll.id,
                poll.question(lang),
                poll.row.multiple,
                polled.started,
                polled.closed,
                key,
                text,
                poll.tally.count(key),
                *(poll.tally.count(key, scope) for scope in LANGUAGES),
                poll.tally.percent(key),
                poll.tally.respondents,
            ]
            sheet.append(row)


def question_sheet(book: Workbook, questions: list[AskedQuestion], words: Wording) -> None:
    _ = words._
    sheet = book.create_sheet(words.sheet(_("Questions")))
    sheet.append(
        [
            _("session"),
            _("title"),
            _("question no."),
            _("language"),
            _("status"),
            _("votes"),
            _("answered"),
            _("question"),
            _("as asked"),
            _("signed"),
            _("asked at"),
        ]
    )
    for asked in questions:
        q = asked.question
        sheet.append(
            [
                asked.code,
                words.title(asked.code, asked.title),
                q.id,
                q.language,
                _(STATUS.get(q.status, q.status)),
                q.votes,
                q.status == ANSWERED,
                q.text,
                q.asked_text if q.asked_text != q.text else "",
                q.signature or "",
                asked.asked,
            ]
        )
