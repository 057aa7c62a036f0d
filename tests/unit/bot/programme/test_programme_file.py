"""schedule.json itself: valid v1, six themes, the featured roundtable, three languages."""

from __future__ import annotations

import json

import jsonschema

from bot.programme.loader import load_schedule
from tests.conftest import ROOT, SCHEDULE

SCHEMA = ROOT / "bot" / "programme" / "schema" / "schedule.schema.json"
THEMES = {
    "5G",
    "Digital Infrastructure",
    "Artificial Intelligence",
    "Digital Transformation",
    "Digital Human Resources",
    "Digital Enterprises",
}


def test_schedule_validates_against_the_published_json_schema() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    document = json.loads(SCHEDULE.read_text("utf-8"))
    validator = jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(document)] == []


def test_six_themes_three_days_and_enough_sessions() -> None:
    schedule = load_schedule(SCHEDULE)
    assert {t.name for t in schedule.tracks} == THEMES
    assert [d.date.isoformat() for d in schedule.days] == ["2025-10-27", "2025-10-28", "2025-10-29"]
    assert len(schedule.sessions) >= 24
    assert all(len(schedule.in_track(t)) >= 3 for t in schedule.tracks)
    assert len({s.room for s in schedule.sessions}) >= 4
    assert str(schedule.zone) == "Asia/Ho_Chi_Minh"


def test_the_roundtable_is_featured_on_the_opening_morning() -> None:
    schedule = load_schedule(SCHEDULE)
    (roundtable,) = schedule.featured()
    assert roundtable.title == "Ministerial Roundtable on AI Governance"
    assert roundtable.kind == "Roundtable"
    local = roundtable.start.astimezone(schedule.zone)
    assert local.date().isoformat() == "2025-10-27"
    assert local.hour < 12


def test_every_session_has_title_and_abstract_in_three_languages() -> None:
    schedule = load_schedule(SCHEDULE)
    for session in schedule.sessions:
        assert set(session.titles) == {"vi", "en", "fr"}, session.key
        assert set(session.abstracts) == {"vi", "en", "fr"}, session.key
        assert session.titles["en"] == session.title
    assert set(schedule.notes) == {"vi", "en", "fr"}  # "times are illustrative"
