import json
from pathlib import Path
from typing import Any

import pytest

from bot.programme.loader import ScheduleError, load_schedule, summary
from tests.conftest import democon_path


def _democon() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(democon_path().read_text("utf-8"))
    return document


def _write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_real_pretalx_export_loads_and_browses() -> None:
    schedule = load_schedule(democon_path())
    assert len(schedule.sessions) == 36
    assert [len(schedule.on_day(d)) for d in schedule.days] == [12, 12, 12]
    assert {t.name for t in schedule.tracks} == {"Phased", "Horizontal"}
    session = schedule.sessions[0]
    # No translations: every language falls back to the event's own text.
    assert session.title_in("vi") == session.title_in("fr") == session.title
    assert schedule.session(session.key) == session


def test_event_offsets_win_over_a_contradicting_zone_name() -> None:
    # The export says time_zone_name UTC but its events carry +01:00.
    schedule = load_schedule(democon_path())
    first = schedule.sessions[0]
    assert first.start.isoformat() == "2020-12-14T08:00:00+00:00"
    assert first.start.astimezone(schedule.zone).strftime("%H:%M") == "09:00"


def test_missing_field_names_file_event_and_field(tmp_path: Path) -> None:
    document = _democon()
    event = document["schedule"]["conference"]["days"][0]["rooms"]["Gray Room"][1]
    del event["title"]
    path = _write(tmp_path, document)
    with pytest.raises(ScheduleError) as caught:
        load_schedule(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"id {event['id']}" in message
    assert "'title'" in message


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    document = _democon()
    event = document["schedule"]["conference"]["days"][1]["rooms"]["Tan Room"][0]
    event["date"] = "next tuesday"
    with pytest.raises(ScheduleError, match=rf"id {event['id']} .*{event['title']}.*'date'"):
        load_schedule(_write(tmp_path, document))


def test_duplicate_guid_is_refused(tmp_path: Path) -> None:
    document = _democon()
    rooms = document["schedule"]["conference"]["days"][0]["rooms"]["Gray Room"]
    rooms[1]["guid"] = rooms[0]["guid"]
    with pytest.raises(ScheduleError, match="duplicate"):
        load_schedule(_write(tmp_path, document))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "9999-12-31T23:59:59-14:00"),  # after the last instant Python can hold
        ("date", "0001-01-01T00:00:00+14:00"),  # before the first
        ("end", "9999-12-31T20:00:00+00:00"),  # fine in UTC, past the calendar in Hanoi
    ],
)
def test_a_time_at_the_edge_of_the_calendar_is_refused(
    tmp_path: Path, field: str, value: str
) -> None:
    document = _democon()
    event = document["schedule"]["conference"]["days"][0]["rooms"]["Gray Room"][0]
    event[field] = value
    with pytest.raises(ScheduleError, match=rf"event {event['id']}: field '{field}' is outside"):
        load_schedule(_write(tmp_path, document))


def test_broken_json_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    path.write_text('{"schedule": {\n  "version": 1,,\n}}', encoding="utf-8")
    with pytest.raises(ScheduleError, match=r"line 2, column"):
        load_schedule(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError, match="cannot read"):
        load_schedule(tmp_path / "nope.json")


def test_summary_lists_days_tracks_and_sessions() -> None:
    text = summary(load_schedule(democon_path()))
    assert "day 1 (2020-12-14): 12 sessions" in text
    assert "36 sessions in all" in text
