"""Browsing queries on the VIDW programme: themes, days, now/next, search in three languages."""

from __future__ import annotations

import pytest

from bot.programme.loader import load_schedule
from bot.programme.model import Schedule
from bot.programme.search import search
from tests.conftest import SCHEDULE, at


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return load_schedule(SCHEDULE)


def _keys(sessions: list) -> set[str]:  # type: ignore[type-arg]
    return {s.key for s in sessions}


def test_search_is_accent_insensitive_in_vietnamese(schedule: Schedule) -> None:
    plain = _keys(search(schedule, "chuyen doi so", "vi").found())
    accented = _keys(search(schedule, "Chuyển đổi số", "vi").found())
    assert plain and plain == accented
    track = next(t for t in schedule.tracks if t.slug == "digital-transformation")
    assert _keys(schedule.in_track(track)) <= plain


@pytest.mark.parametrize(
    "query", ["ia", "intelligence artificielle", "IA", "trí tuệ nhân tạo", "AI"]
)
def test_ai_sessions_are_found_in_every_language(schedule: Schedule, query: str) -> None:
    found = _keys(search(schedule, query, "en").found())
    ai = next(t for t in schedule.tracks if t.name == "Artificial Intelligence")
    assert _keys(schedule.in_track(ai)) <= found


def test_search_needs_every_word_and_finds_speakers(schedule: Schedule) -> None:
    assert "BLAIR" in _keys(search(schedule, "tony blair", "en").found())
    assert search(schedule, "blair zebra", "en").found() == []
    assert search(schedule, "   ", "en").found() == []


def test_now_and_next_follow_the_clock(schedule: Schedule) -> None:
    roundtable = schedule.featured()[0]
    during = roundtable.start + (roundtable.end - roundtable.start) / 2
    assert roundtable in schedule.running(during)
    before = roundtable.start.replace(second=0) - (roundtable.end - roundtable.start) / 100
    upcoming = schedule.upcoming(before, limit=10)
    assert roundtable in upcoming
    assert all(s.start > before for s in upcoming)
    assert schedule.running(at("2025-10-26T12:00+07:00")) == []
    assert schedule.upcoming(at("2025-10-30T12:00+07:00"), limit=5) == []


def test_today_uses_the_event_zone(schedule: Schedule) -> None:
    # 23:30 UTC on the 26th is already 06:30 on the 27th in Ninh Binh.
    today = schedule.today(at("2025-10-26T23:30+00:00"))
    assert today is not None and today.index == 1
