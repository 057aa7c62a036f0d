"""The agenda export: an iCalendar file that parses back to the sessions, in the chosen language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from bot.features.agenda.calendar import PRODID, agenda_calendar
from bot.programme.loader import load_schedule
from bot.programme.model import Schedule, Session
from tests.conftest import SCHEDULE, at, democon_path

NOW = at("2025-10-20T09:15:00+07:00")


@pytest.fixture(scope="module")
def vidw() -> Schedule:
    return load_schedule(SCHEDULE)


@pytest.fixture(scope="module")
def democon() -> Schedule:
    return load_schedule(democon_path())


def _export(sessions: Sequence[Session], schedule: Schedule, lang: str) -> Calendar:
    return Calendar.from_ical(agenda_calendar(sessions, schedule, lang, now=NOW))


def _event(calendar: Calendar, session: Session) -> Event:
    return next(e for e in calendar.events if e.uid == f"{session.guid}@vidw-bot")


def test_every_session_becomes_one_event_at_its_utc_times(vidw: Schedule) -> None:
    calendar = _export(vidw.sessions, vidw, "en")
    assert len(calendar.events) == len(vidw.sessions)
    uids = [e.uid for e in calendar.events]
    assert len(set(uids)) == len(uids)
    for session in vidw.sessions:
        event = _event(calendar, session)
        assert event.start.astimezone(UTC) == session.start
        assert event.end.astimezone(UTC) == session.end


def test_calendar_and_event_properties(vidw: Schedule) -> None:
    calendar = _export(vidw.sessions, vidw, "en")
    assert calendar["PRODID"] == PRODID
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == vidw.title_in("en")
    assert calendar["X-WR-TIMEZONE"] == "Asia/Ho_Chi_Minh"
    for event in calendar.events:
        assert event.stamp == NOW.astimezone(UTC)
        assert event["SEQUENCE"] == 0
        assert event["STATUS"] == "CONFIRMED"
        assert event["TRANSP"] == "OPAQUE"


def test_times_are_local_to_ninh_binh_with_a_vtimezone(vidw: Schedule) -> None:
    calendar = _export(vidw.sessions, vidw, "en")
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Ho_Chi_Minh"]
    assert calendar.get_missing_tzids() == set()
    for event in calendar.events:
        assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert event["DTEND"].params["TZID"] == "Asia/Ho_Chi_Minh"
    aigov = vidw.session("AIGOV")
    assert aigov is not None
    start = _event(calendar, aigov).start
    assert start.tzinfo == ZoneInfo("Asia/Ho_Chi_Minh")
    assert (start.date().isoformat(), start.hour, start.minute) == ("2025-10-27", 10, 30)
    assert start.utcoffset() == timedelta(hours=7)
    assert start.astimezone(UTC) == at("2025-10-27T03:30:00+00:00")


def test_vietnamese_texts_keep_their_diacritics(vidw: Schedule) -> None:
    aigov = vidw.session("AIGOV")
    assert aigov is not None
    calendar = _export([aigov], vidw, "vi")
    event = _event(calendar, aigov)
    assert event.summary == "Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo"
    assert event.location == "Ninh Bình — Hội trường chính"
    assert event.description == aigov.abstracts["vi"]
    assert event.categories == ["Trí tuệ nhân tạo"]
    assert calendar["X-WR-CALNAME"] == "Tuần lễ Số quốc tế Việt Nam 2025"


def test_french_texts_are_french(vidw: Schedule) -> None:
    aigov = vidw.session("AIGOV")
    assert aigov is not None
    event = _event(_export([aigov], vidw, "fr"), aigov)
    assert event.summary == (
        "Table ronde ministérielle sur la gouvernance de l’intelligence artificielle"
    )
    assert event.location == "Ninh Binh — Salle plénière"
    assert event.description is not None and event.description.startswith("Temps fort")
    assert event.categories == ["Intelligence artificielle"]


def test_a_long_description_with_speakers_survives_folding(vidw: Schedule) -> None:
    ram = vidw.session("RAM")
    assert ram is not None and ram.persons
    event = _event(_export([ram], vidw, "vi"), ram)
    expected = ram.abstracts["vi"] + "\n\n🎤 " + ", ".join(ram.persons)
    assert len(expected.encode()) > 8 * 75  # folded over many lines
    assert event.description == expected


def test_a_session_without_a_track_has_no_categories(vidw: Schedule) -> None:
    opening = vidw.session("OPEN")
    assert opening is not None and opening.track is None
    event = _event(_export([opening], vidw, "en"), opening)
    assert "CATEGORIES" not in event
    assert event.description is not None
    assert event.description.endswith("\n\n🎤 Phạm Quang Ngọc, Nguyễn Mạnh Hùng")


def test_a_fixed_offset_export_gets_utc_times(democon: Schedule) -> None:
    calendar = _export(democon.sessions, democon, "en")
    assert len(calendar.events) == len(democon.sessions) == 36
    assert calendar.timezones == []
    assert "X-WR-TIMEZONE" not in calendar
    for session in democon.sessions:
        event = _event(calendar, session)
        assert "TZID" not in event["DTSTART"].params
        assert event.start.utcoffset() == timedelta(0)
        assert event.start == session.start
        assert event.end == session.end


def test_an_empty_agenda_is_a_valid_calendar(vidw: Schedule) -> None:
    raw = agenda_calendar([], vidw, "en", now=NOW)
    calendar = Calendar.from_ical(raw)
    assert calendar.name == "VCALENDAR"
    assert calendar.events == []
    assert calendar["PRODID"] == PRODID
    assert raw.endswith(b"\r\n")


def test_output_is_crlf_folded_utf8_and_repeatable(vidw: Schedule) -> None:
    raw = agenda_calendar(vidw.sessions, vidw, "vi", now=NOW)
    assert raw == agenda_calendar(vidw.sessions, vidw, "vi", now=NOW)
    raw.decode("utf-8")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b""
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
