"""The results as data for a screen (the staff console's results page): per session the
ratings overall and per language, the mean, the response rate and the comments; the survey's
questions. The counting is the workbook's own (`session_rows`, `survey_counts`), so a page
and the XLSX cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.features.exports.results import ExportData, SurveyCounts, session_rows, survey_counts
from bot.features.feedback.screens import RATING_KEYS
from bot.features.survey.service import SurveyDefinition
from bot.i18n import LANGUAGES
from bot.programme.model import Schedule, Session

RATING = "rating"  # the feedback poll's question
SCOPES = ("all", *LANGUAGES)


@dataclass(frozen=True)
class Scope:
    """The rating answers of every language ("all") or of one."""

    name: str
    ratings: int  # stars given: "absent" is an answer, not a rating
    mean: float | None  # rounded as in the workbook
    counts: tuple[tuple[str, int], ...]  # in RATING_KEYS order

    @property
    def answers(self) -> int:
        return sum(n for _key, n in self.counts)


@dataclass(frozen=True)
class Comment:
    language: str
    author: str  # the exports' pseudonym, never a user id
    text: str
    channel: str


@dataclass(frozen=True)
class SessionResult:
    session: Session
    scopes: tuple[Scope, ...]  # "all" first, then each language
    polls_sent: int
    comments: tuple[Comment, ...]

    @property
    def overall(self) -> Scope:
        return self.scopes[0]

    @property
    def answered(self) -> int:
        return self.overall.answers  # the poll takes one choice: one answer per person

    @property
    def response_rate(self) -> float | None:
        """Answered / polls sent; None when no poll was sent (answers typed before a restart)."""
        return min(1.0, self.answered / self.polls_sent) if self.polls_sent else None


@dataclass(frozen=True)
class Filter:
    day: date | None = None
    theme: str | None = None  # a track slug

    def keeps(self, schedule: Schedule, session: Session) -> bool:
        day = schedule.day(session.day_index)
        if self.day is not None and (day is None or day.date != self.day):
            return False
        return self.theme is None or session.track_slug == self.theme


def session_results(
    data: ExportData, schedule: Schedule, polls_sent: dict[str, int], chosen: Filter
) -> list[SessionResult]:
    """Each session of the programme that was polled, rated or commented on, in programme
    order, that `chosen` keeps."""
    rows = {str(row[0]): row for row in session_rows(data)}
    comments: dict[str, list[Comment]] = {}
    for subject, _title, lang, author, text, channel in data.comments:
        comments.setdefault(subject, []).append(Comment(lang, author, text, channel))
    results = []
    for session in schedule.sessions:
        subject = f"session:{session.guid}"
        sent = polls_sent.get(subject, 0)
        if not (session.key in rows or sent or subject in comments):
            continue
        if not chosen.keeps(schedule, session):
            continue
        scopes = _scopes(rows.get(session.key))
        results.append(SessionResult(session, scopes, sent, tuple(comments.get(subject, ()))))
    return results


def no_answers(name: str = "all") -> Scope:
    return Scope(name, 0, None, tuple((key, 0) for key in RATING_KEYS))


def _scopes(row: list[object] | None) -> tuple[Scope, ...]:
    """A workbook row ([code, title, then per scope: ratings, mean, one count per key]) as data."""
    if row is None:
        return tuple(no_answers(name) for name in SCOPES)
    width = 2 + len(RATING_KEYS)
    scopes = []
    for index, name in enumerate(SCOPES):
        cells = row[2 + index * width : 2 + (index + 1) * width]
        ratings, mean, counts = cells[0], cells[1], cells[2:]
        assert isinstance(ratings, int) and (mean is None or isinstance(mean, float | int))
        pairs = tuple((key, int(str(n))) for key, n in zip(RATING_KEYS, counts, strict=True))
        scopes.append(Scope(name, ratings, None if mean is None else float(mean), pairs))
    return tuple(scopes)


def survey_results(data: ExportData, survey: SurveyDefinition) -> list[SurveyCounts]:
    """The survey's choice questions, with their counts (free text is in the raw answers)."""
    return [survey_counts(survey, q, data.raw) for q in survey.questions if not q.free_text]
