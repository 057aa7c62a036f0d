"""Poll results for staff: an XLSX workbook (Excel) and a CSV of raw answers.

Users appear under a salted pseudonym (the salt is made once and kept in the database) unless
VIDW_EXPORT_USER_IDS=1. The CSV is UTF-8 with a BOM, so Excel shows Vietnamese correctly. Sheet
names, headers and session titles are in the staff member's language (`Wording`); the cells
keep the option keys and languages as stored, and each answer the title its author read.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import secrets
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from openpyxl import Workbook

from bot.channels import channel_of
from bot.features.exhibition.catalogue import Catalogue
from bot.features.exhibition.figures import BoothFigures, booth_figures
from bot.features.exports.exhibition import exhibition_sheet
from bot.features.exports.matching_sheet import MatchingFigures, collect_matching, matching_sheet
from bot.features.exports.panel import (
    AskedQuestion,
    PolledSession,
    collect_panel,
    live_poll_sheet,
    question_sheet,
)
from bot.features.exports.wording import COMMENT_COLUMNS, RAW_COLUMNS, Wording
from bot.features.feedback.screens import RATING_KEYS
from bot.features.survey.service import Question, SurveyDefinition
from bot.i18n import LANGUAGES
from bot.programme.model import Schedule
from bot.storage import Storage

SALT_STATE = "export.salt"
RAW_HEADER = RAW_COLUMNS  # in English; `Wording.columns` gives them in the reader's language


@dataclass(frozen=True)
class ExportData:
    raw: list[tuple[str, str, str, str, str, str, str, str]]  # RAW_HEADER columns
    comments: list[
        tuple[str, str, str, str, str, str]
    ]  # subject, title, language, user, text, channel
    sessions: dict[str, tuple[str, str]]  # subject → (code, English title), in programme order
    live_polls: list[PolledSession] = field(default_factory=list)
    questions: list[AskedQuestion] = field(default_factory=list)
    matching: MatchingFigures = field(default_factory=MatchingFigures)
    exhibition: list[BoothFigures] = field(default_factory=list)  # counts, no contact


async def collect(
    storage: Storage,
    schedule: Schedule,
    survey: SurveyDefinition,
    *,
    user_ids: bool,
    exhibitors: Catalogue | None = None,
) -> ExportData:
    salt = await storage.state.get(SALT_STATE)
    if salt is None:
        salt = secrets.token_hex(16)
        await storage.state.set(SALT_STATE, salt)
    answers = await storage.feedback.all_answers()
    comments = await storage.feedback.all_comments()
    live_polls, questions = await collect_panel(storage, schedule)
    matching = await collect_matching(storage, schedule)
    exhibition = [] if exhibitors is None else await booth_figures(storage.leads, exhibitors)
    # 100,000 answers are most of a second of Python: in a thread, so the bot's event loop
    # (every chat and page) keeps answering meanwhile.
    assembled = await asyncio.to_thread(
        _assemble,
        answers,
        comments,
        schedule,
        survey,
        salt,
        live_polls,
        questions,
        user_ids=user_ids,
    )
    return replace(assembled, matching=matching, exhibition=exhibition)


def _assemble(
    answers: Sequence[tuple[str, str, int, str, str, str]],
    comments: Sequence[tuple[str, int, str, str, str]],
    schedule: Schedule,
    survey: SurveyDefinition,
    salt: str,
    live_polls: list[PolledSession],
    questions: list[AskedQuestion],
    *,
    user_ids: bool,
) -> ExportData:
    # Each answer shows the title in the language it was asked in: what that person read.
    titles = {
        (f"session:{s.guid}", lang): f"{s.key} — {s.title_in(lang)}"
        for s in schedule.sessions
        for lang in LANGUAGES
    }
    titles |= {(survey.subject, lang): survey.titles[lang] for lang in LANGUAGES}
    titles |= {  # a live poll's answers: its session and the question as that person read it
        (f"live:{p.poll.id}", lang): f"{p.code} — {p.poll.question(lang)}"
        for p in live_polls
        for lang in LANGUAGES
    }

    @cache  # each person answers several questions: one hash each
    def who(user_id: int) -> str:
        if user_ids:
            return str(user_id)
        return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:12]

    raw = [
        (
            subject,
            titles.get((subject, lang), subject),
            question,
            key,
            lang,
            who(user),
            at,
            channel_of(user),
        )
        for subject, question, user, key, lang, at in answers
    ]
    said = [
        (subject, titles.get((subject, lang), subject), lang, who(user), text, channel_of(user))
        for subject, user, lang, text, _at in comments
    ]
    sessions = {f"session:{s.guid}": (s.key, s.title) for s in schedule.sessions}
    return ExportData(raw, said, sessions, live_polls, questions)


def csv_bytes(data: ExportData, wording: Wording | None = None) -> bytes:
    words = wording or Wording()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(words.columns(RAW_COLUMNS))
    writer.writerows(data.raw)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM tells Excel it is UTF-8


def xlsx_bytes(data: ExportData, survey: SurveyDefinition, wording: Wording | None = None) -> bytes:
    words = wording or Wording()
    _ = words._
    book = Workbook(write_only=True)  # streams rows: 100,000 answers stay in bounded memory
    sessions = session_rows(data, words)
    summary = book.create_sheet(words.sheet(_("Summary")))
    summary.append([_("VIDW 2025 — poll results")])
    summary.append([_("answers"), len(data.raw)])
    summary.append([_("sessions rated"), len(sessions)])
    summary.append([_("comments"), len(data.comments)])
    by_channel = Counter(row[-1] for row in data.raw)
    for channel in sorted(by_channel):
        summary.append([_("answers on %(channel)s") % {"channel": channel}, by_channel[channel]])
    sheet = book.create_sheet(words.sheet(_("Sessions")))
    sheet.append(_session_header(words))
    for row in sessions:
        sheet.append(row)
    for question in survey.questions:
        if question.free_text:
            continue
        _survey_sheet(book, survey, question, data.raw, words)
    live_poll_sheet(book, data.live_polls, words)
    question_sheet(book, data.questions, words)
    matching_sheet(book, data.matching, words)
    exhibition_sheet(book, data.exhibition, words)
    comments = book.create_sheet(words.sheet(_("Comments")))
    comments.append(words.columns(COMMENT_COLUMNS))
    for comment_row in data.comments:
        comments.append(list(comment_row))
    raw = book.create_sheet(words.sheet(_("Raw answers")))
    raw.append(words.columns(RAW_COLUMNS))
    for answer in data.raw:
        raw.append(list(answer))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _session_header(words: Wording) -> list[str]:
    _ = words._
    header = [_("session"), _("title")]
    for scope in ["all", *LANGUAGES]:
        header += [words.scoped(scope, _("ratings")), words.scoped(scope, _("mean"))]
        header += [words.scoped(scope, words.option(key)) for key in RATING_KEYS]
    return header


def session_rows(data: ExportData, wording: Wording | None = None) -> list[list[object]]:
    """Per rated session: ratings, mean and distribution, overall and per language."""
    counts: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for subject, _title, question, key, lang, _user, _at, _channel in data.raw:
        if subject in data.sessions and question == "rating":
            counts[subject][lang][key] += 1
            counts[subject]["all"][key] += 1
    rows: list[list[object]] = []
    for subject, (code, title) in data.sessions.items():
        if subject not in counts:
            continue
        row: list[object] = [code, (wording or Wording()).title(code, title)]
        for scope in ["all", *LANGUAGES]:
            keys = counts[subject].get(scope, Counter())
            rated = sum(n for k, n in keys.items() if k.isdigit())
            mean = (
                sum(int(k) * n for k, n in keys.items() if k.isdigit()) / rated if rated else None
            )
            row += [rated, round(mean, 2) if mean is not None else None]
            row += [keys.get(key, 0) for key in RATING_KEYS]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class SurveyCounts:
    """One survey question's answers: per scope ("all" or a language) each option's count and
    how many people answered."""

    question: Question
    counts: dict[str, Counter[str]]
    respondents: dict[str, int]

    def share(self, scope: str, key: str) -> float | None:
        """The percentage of that scope's respondents who chose `key`, as in the workbook."""
        people = self.respondents.get(scope, 0)
        return round(100 * self.counts[scope][key] / people, 1) if people else None


def survey_counts(
    survey: SurveyDefinition,
    question: Question,
    raw: Sequence[tuple[str, str, str, str, str, str, str, str]],
) -> SurveyCounts:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    respondents: dict[str, set[str]] = defaultdict(set)
    for subject, _title, asked, key, lang, user, _at, _channel in raw:
        if subject == survey.subject and asked == question.key:
            for scope in ("all", lang):
                counts[scope][key] += 1
                respondents[scope].add(user)
    return SurveyCounts(question, counts, {scope: len(p) for scope, p in respondents.items()})


def _survey_sheet(
    book: Workbook,
    survey: SurveyDefinition,
    question: Question,
    raw: Sequence[tuple[str, str, str, str, str, str, str, str]],
    words: Wording,
) -> None:
    _ = words._
    found = survey_counts(survey, question, raw)
    name = question.shorts.get(words.language) or question.key
    sheet = book.create_sheet(words.sheet(_("Survey %(question)s") % {"question": name}))
    header: list[object] = [_("option"), _("answer")]
    share = _("%(percent)s of respondents") % {"percent": "%"}
    for scope in ["all", *LANGUAGES]:
        header += [words.scoped(scope, _("answers")), words.scoped(scope, share)]
    sheet.append(header)
    for key, texts in zip(question.option_keys, question.option_texts, strict=True):
        row: list[object] = [key, texts.get(words.language) or key]
        for scope in ["all", *LANGUAGES]:
            row += [found.counts[scope][key], found.share(scope, key)]
        sheet.append(row)
    total: list[object] = [_("respondents"), None]
    for scope in ["all", *LANGUAGES]:
        total += [found.respondents.get(scope, 0), None]
    sheet.append(total)
