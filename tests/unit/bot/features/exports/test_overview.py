"""The results as data: the workbook's counts per scope, the response rate, the filters."""

from __future__ import annotations

from datetime import date

from bot.features.exports.overview import Filter, no_answers, session_results
from bot.features.exports.results import ExportData
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE

SCHEDULE_ = load_schedule(SCHEDULE)


def data_for(code: str, answers: list[tuple[str, str]]) -> tuple[ExportData, str]:
    session = SCHEDULE_.session(code)
    assert session is not None
    subject = f"session:{session.guid}"
    raw = [
        (subject, session.title, "rating", key, lang, f"u{i}", "t", "telegram")
        for i, (key, lang) in enumerate(answers)
    ]
    comments = [(subject, session.title, "vi", "abc123", "Tốt", "telegram")]
    sessions = {f"session:{s.guid}": (s.key, s.title) for s in SCHEDULE_.sessions}
    return ExportData(raw, comments, sessions), subject


def test_counts_mean_and_response_rate_per_scope() -> None:
    data, subject = data_for("AIGOV", [("5", "vi"), ("4", "vi"), ("5", "en"), ("absent", "fr")])
    [result] = session_results(data, SCHEDULE_, {subject: 5}, Filter())
    overall, vi, en, fr = result.scopes
    assert (overall.ratings, overall.mean, dict(overall.counts)["absent"]) == (3, 4.67, 1)
    assert (vi.ratings, vi.mean, en.mean, fr.ratings, fr.mean) == (2, 4.5, 5.0, 0, None)
    assert (result.answered, result.polls_sent, result.response_rate) == (4, 5, 0.8)
    assert [c.author for c in result.comments] == ["abc123"]


def test_a_polled_session_without_answers_is_listed_with_a_zero_rate() -> None:
    data, _ = data_for("AIGOV", [])
    other = SCHEDULE_.session("AITAL")
    assert other is not None
    results = session_results(data, SCHEDULE_, {f"session:{other.guid}": 3}, Filter())
    by_code = {r.session.key: r for r in results}
    assert by_code["AITAL"].response_rate == 0.0
    assert by_code["AITAL"].overall == no_answers()
    assert by_code["AIGOV"].response_rate is None  # commented on, never polled


def test_the_filters_keep_a_day_and_a_theme() -> None:
    data, _ = data_for("AIGOV", [("5", "vi")])
    session = SCHEDULE_.session("AIGOV")
    assert session is not None and session.track_slug is not None
    day = SCHEDULE_.day(session.day_index)
    assert day is not None
    assert session_results(data, SCHEDULE_, {}, Filter(day=day.date))
    assert session_results(data, SCHEDULE_, {}, Filter(theme=session.track_slug))
    assert not session_results(data, SCHEDULE_, {}, Filter(day=date(1999, 1, 1)))
    assert not session_results(data, SCHEDULE_, {}, Filter(theme="no-such-theme"))
