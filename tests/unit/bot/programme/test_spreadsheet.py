"""The programme spreadsheet: the template, filled in as an organizer would (three languages),
read with the loader's rules; errors name sheet, row and column; guids come from the codes;
the VIDW programme survives schedule.json -> xlsx -> schedule.json; a CSV of sessions."""

from __future__ import annotations

import json
import re
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.programme.build import guid_for
from bot.programme.loader import ScheduleError, load_schedule, parse_text, read_programme
from bot.programme.readers.layout import EVENT, ROOMS, SESSIONS, SPEAKERS, TRACKS
from bot.programme.readers.template import write_template
from tests.conftest import SCHEDULE, democon_path

EVENT_VALUES = {
    "title": "Digitalgipfel Leipzig 2026",
    "title_vi": "Hội nghị số Leipzig 2026",
    "title_en": "Leipzig Digital Summit 2026",
    "title_fr": "Sommet numérique de Leipzig 2026",
    "version": "2026-05-01 v1",
    "time_zone": "Europe/Berlin",
    "main_language": "en",
    "place_en": "Germany",
}
ROOM_ROWS = [["Saal 1", "Hội trường 1", "Hall 1", "Salle 1", "Ground floor"]]
TRACK_ROWS = [["KI", "Trí tuệ nhân tạo", "Artificial Intelligence", "Intelligence artificielle"]]
SPEAKER_ROWS = [["AMUELLER", "Anna Müller", "Researcher"]]


def session(code: str, start: Any = time(9, 30), **values: Any) -> dict[str, Any]:
    row = {
        "code": code,
        "date": date(2026, 5, 12),
        "start": start,
        "duration": "1:30",
        "room": "Saal 1",
        "track": "KI",
        "type": "Talk",
        "language": "de",
        "title_vi": f"Phiên {code}",
        "title_en": f"Session {code}",
        "title_fr": f"Séance {code}",
        "abstract_vi": "Tóm tắt",
        "abstract_en": "Abstract",
        "abstract_fr": "Résumé",
        "speakers": "AMUELLER; Guest Speaker",
    }
    row.update(values)
    return row


def filled(tmp_path: Path, sessions: list[dict[str, Any]], name: str = "programme.xlsx") -> Path:
    """The template, filled in with openpyxl the way an organizer fills it in a spreadsheet."""
    path = tmp_path / name
    write_template(path)
    book = load_workbook(path)
    event = book[EVENT]
    for row in event.iter_rows(min_row=2):
        if row[0].value in EVENT_VALUES:
            row[1].value = EVENT_VALUES[row[0].value]
    for sheet, rows in ((ROOMS, ROOM_ROWS), (TRACKS, TRACK_ROWS), (SPEAKERS, SPEAKER_ROWS)):
        for values in rows:
            book[sheet].append(values)
    sheet = book[SESSIONS]
    header = [cell.value for cell in sheet[1]]
    for values in sessions:
        sheet.append([values.get(column) for column in header])
    book.save(path)
    return path


def test_the_template_has_its_sheets_a_readme_and_checks_on_entry(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    assert book.sheetnames == ["README", EVENT, SESSIONS, SPEAKERS, ROOMS, TRACKS]
    header = [cell.value for cell in book[SESSIONS][1]]
    for lang in ("vi", "en", "fr"):
        assert f"title_{lang}" in header and f"abstract_{lang}" in header
    readme = [row[1] for row in book["README"].iter_rows(values_only=True)]
    assert set(header) <= set(readme)  # every column is explained
    validations = book[SESSIONS].data_validations.dataValidation
    rules = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in validations}
    letter = {name: chr(ord("A") + i) for i, name in enumerate(header)}
    assert rules[letter["room"]].formula1 == "=Rooms!$A$2:$A$2001"
    assert rules[letter["track"]].formula1 == "=Tracks!$A$2:$A$2001"
    assert rules[letter["date"]].type == "date"
    assert rules[letter["start"]].type == "time"
    assert rules[letter["featured"]].formula1 == '"yes,no"'


def test_a_filled_template_reads_in_three_languages(tmp_path: Path) -> None:
    path = filled(tmp_path, [session("OPEN", featured="yes"), session("KI1", time(11, 15))])
    loaded = read_programme(path)
    schedule = loaded.schedule
    assert loaded.format == "spreadsheet"
    assert schedule.title == "Digitalgipfel Leipzig 2026"
    assert schedule.title_in("vi") == "Hội nghị số Leipzig 2026"
    assert schedule.version == "2026-05-01 v1"
    assert str(schedule.zone) == "Europe/Berlin"
    assert schedule.places == {"en": "Germany"}
    opening, second = schedule.sessions
    assert opening.guid == guid_for("code", "OPEN")
    assert opening.start.isoformat() == "2026-05-12T07:30:00+00:00"  # 09:30 in Leipzig (CEST)
    assert (opening.end - opening.start).total_seconds() == 90 * 60
    assert opening.title == "Session OPEN"
    assert opening.title_in("fr") == "Séance OPEN" and opening.abstract_in("vi") == "Tóm tắt"
    assert opening.room_in("vi") == "Hội trường 1"
    assert opening.track is not None and opening.track.name_in("fr") == "Intelligence artificielle"
    assert opening.persons == ("Anna Müller", "Guest Speaker")
    assert opening.featured and not second.featured
    assert [s.key for s in schedule.featured()] == ["OPEN"]


def test_guids_come_from_the_codes_and_survive_a_reimport(tmp_path: Path) -> None:
    first = read_programme(filled(tmp_path, [session("A1"), session("B2", time(14, 0))]))
    # Rows reordered, one retimed and retitled: the same sessions, so the same guids.
    again = read_programme(
        filled(
            tmp_path,
            [session("B2", time(15, 0), title_en="Moved"), session("A1")],
            "edited.xlsx",
        )
    )
    guids = {s.key: s.guid for s in first.schedule.sessions}
    assert guids == {s.key: s.guid for s in again.schedule.sessions}
    moved = again.schedule.session("B2")
    assert moved is not None and moved.title == "Moved"


def test_a_row_with_a_bad_time_is_refused_naming_sheet_row_and_column(tmp_path: Path) -> None:
    path = filled(tmp_path, [session("A1"), session("B2"), session("C3", start="25:00")])
    with pytest.raises(ScheduleError) as caught:
        read_programme(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert "sheet 'Sessions', row 4, column C (start): '25:00' is not a time (HH:MM)" in message


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"code": "A 1"}, "row 2, column A (code): 'A 1': use A-Z, 0-9, - and _"),
        ({"date": "next week"}, "row 2, column B (date): 'next week' is not a date"),
        ({"duration": "long"}, "row 2, column D (duration): 'long' is not H:MM"),
        ({"room": None}, "row 2, column F (room): required"),
        ({"title_vi": None, "title_en": None, "title_fr": ""}, "column L (title_en): a title"),
        ({"featured": "maybe"}, "row 2, column J (featured): 'yes' or empty"),
    ],
)
def test_unusable_cells_are_refused(tmp_path: Path, values: dict[str, Any], expected: str) -> None:
    row = {**session("A1"), **values}
    with pytest.raises(ScheduleError, match=re.escape(expected)):
        read_programme(filled(tmp_path, [row]))


def test_a_code_used_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        ScheduleError, match=r"row 3, column A \(code\): A1 is already used on row 2"
    ):
        read_programme(filled(tmp_path, [session("A1"), session("A1")]))


def test_the_vidw_programme_round_trips_through_the_spreadsheet(tmp_path: Path) -> None:
    sheet = tmp_path / "vidw.xlsx"
    write_template(sheet, json.loads(SCHEDULE.read_text("utf-8")))
    loaded = read_programme(sheet)
    original = load_schedule(SCHEDULE)
    assert loaded.schedule.sessions == original.sessions  # times, rooms, texts, featured
    assert loaded.schedule == original
    assert [s.key for s in loaded.schedule.featured()] == ["AIGOV"]
    assert all(set(s.titles) == {"vi", "en", "fr"} for s in loaded.schedule.sessions)
    # What import-schedule installs: a schedule.json the bot serves as it is.
    installed = json.dumps(loaded.document, ensure_ascii=False)
    assert parse_text(installed, "installed") == original
    assert read_programme(write_json(tmp_path, loaded.document), strict=True).deviations == ()


def test_a_foreign_export_survives_the_spreadsheet_too(tmp_path: Path) -> None:
    sheet = tmp_path / "democon.xlsx"
    write_template(sheet, json.loads(democon_path().read_text("utf-8")))
    original = load_schedule(democon_path())
    back = read_programme(sheet).schedule
    assert [(s.guid, s.key, s.start, s.end, s.room, s.title) for s in back.sessions] == [
        (s.guid, s.key, s.start, s.end, s.room, s.title) for s in original.sessions
    ]
    assert [s.persons for s in back.sessions] == [s.persons for s in original.sessions]


def write_json(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "installed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def test_a_csv_of_sessions_replaces_the_sessions_of_the_programme_in_use(tmp_path: Path) -> None:
    base = json.loads(SCHEDULE.read_text("utf-8"))
    csv = tmp_path / "sessions.csv"
    rows = [
        "code;date;start;duration;room;track;featured;title_vi;title_en;title_fr",
        "AIGOV;2025-10-27;10:00;1:30;Ninh Binh — Main Hall;Artificial Intelligence;yes;"
        "Bàn tròn;Roundtable;Table ronde",
        "NEW1;28/10/2025;14:00;45;Ninh Binh — Hall A;;;Mới;New;Nouveau",
    ]
    csv.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8"))  # as Excel saves it
    loaded = read_programme(csv, base=lambda: base)
    schedule = loaded.schedule
    assert loaded.format == "CSV"
    assert schedule.title == "Vietnam International Digital Week 2025"
    assert [s.key for s in schedule.sessions] == ["AIGOV", "NEW1"]
    roundtable, new = schedule.sessions
    assert roundtable.start.astimezone(schedule.zone).strftime("%d/%m %H:%M") == "27/10 10:00"
    assert roundtable.featured and roundtable.title_in("vi") == "Bàn tròn"
    assert roundtable.room_in("vi") == "Ninh Bình — Hội trường chính"  # the base's rooms
    assert roundtable.track is not None and roundtable.track.name_in("vi") == "Trí tuệ nhân tạo"
    assert (new.end - new.start).total_seconds() == 45 * 60
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([rows[0], rows[1].replace("10:00", "ten")]), "utf-8")
    with pytest.raises(ScheduleError, match=r"sheet 'Sessions', row 2, column C \(start\)"):
        read_programme(bad, base=lambda: base)
