"""`vidw-bot schedule-template FILE.xlsx`: the programme spreadsheet organizers fill in —
empty, or holding a schedule.json's programme (to edit it in a spreadsheet and import it
back). The layout is layout.py's; xlsx.py reads it back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from bot.i18n import LANGUAGES
from bot.programme.build import build, guid_for
from bot.programme.model import Schedule
from bot.programme.readers.layout import (
    COLUMNS,
    EVENT,
    EVENT_SETTINGS,
    MAX_ROWS,
    README,
    ROOMS,
    SESSIONS,
    SPEAKERS,
    TRACKS,
    Column,
)

BOLD = Font(bold=True)
REQUIRED = PatternFill("solid", fgColor="FFE8A0")
HEADER = PatternFill("solid", fgColor="DDE6F0")
FORMATS = {"date": "yyyy-mm-dd", "start": "hh:mm", "end": "hh:mm", "duration": "[h]:mm"}
INTRO = (
    "Fill in the Event sheet, then one row per session on the Sessions sheet (rooms, themes "
    "and speakers on their own sheets). Check it with `vidw-bot check-schedule FILE.xlsx`; "
    "install it with `vidw-bot import-schedule FILE.xlsx` (it shows what changes, and who is "
    "told, before installing). Yellow columns are required. Keep each session's code: it is "
    "what keeps follows, reminders and feedback with the session across imports."
)


def write_template(path: Path, document: Any = None) -> None:
    """The template; with `document` (a schedule.json), holding its programme."""
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = README
    _readme(readme)
    schedule = build(document, "schedule.json")[0] if document is not None else None
    conference = _conference(document)
    _event(book.create_sheet(EVENT), schedule, conference)
    sessions = book.create_sheet(SESSIONS)
    speakers = book.create_sheet(SPEAKERS)
    rooms = book.create_sheet(ROOMS)
    tracks = book.create_sheet(TRACKS)
    for sheet in (sessions, speakers, rooms, tracks):
        _header(sheet, COLUMNS[sheet.title])
    _validations(sessions)
    if schedule is not None:
        main = main_language(schedule)
        _fill(sessions, COLUMNS[SESSIONS], _session_rows(schedule, conference, main))
        _fill(speakers, COLUMNS[SPEAKERS], _speaker_rows(conference))
        _fill(rooms, COLUMNS[ROOMS], _room_rows(schedule, conference))
        _fill(tracks, COLUMNS[TRACKS], _track_rows(schedule, conference))
    book.save(path)


def _readme(sheet: Worksheet) -> None:
    sheet.append(["The programme, for the VIDW attendee bot (schedule.json v1 once imported)"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([INTRO])
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:E2")
    sheet.row_dimensions[2].height = 75
    sheet.append([])
    sheet.append(["sheet", "column", "required", "meaning", "example"])
    for cell in sheet[4]:
        cell.font, cell.fill = BOLD, HEADER
    for setting in EVENT_SETTINGS:
        sheet.append(
            [
                EVENT,
                setting.key,
                "yes" if setting.required else "",
                setting.meaning,
                setting.example,
            ]
        )
    for name, columns in COLUMNS.items():
        for column in columns:
            sheet.append(
                [
                    name,
                    column.name,
                    "yes" if column.required else "",
                    column.meaning,
                    column.example,
                ]
            )
    for letter, width in zip("ABCDE", (11, 14, 9, 90, 36), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=5):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")


def _event(sheet: Worksheet, schedule: Schedule | None, conference: Mapping[str, Any]) -> None:
    sheet.append(["setting", "value", "meaning"])
    for cell in sheet[1]:
        cell.font, cell.fill = BOLD, HEADER
    values = _event_values(schedule, conference) if schedule else _blank_event()
    for setting in EVENT_SETTINGS:
        sheet.append([setting.key, values.get(setting.key, ""), setting.meaning])
        if setting.required:
            sheet.cell(sheet.max_row, 1).fill = REQUIRED
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["C"].width = 90
    languages = DataValidation(type="list", formula1='"vi,en,fr"', allow_blank=True)
    sheet.add_data_validation(languages)
    row = 2 + [s.key for s in EVENT_SETTINGS].index("main_language")
    languages.add(f"B{row}")


def _blank_event() -> dict[str, str]:
    return {"time_zone": "Asia/Ho_Chi_Minh", "main_language": "en"}


def _event_values(schedule: Schedule, conference: Mapping[str, Any]) -> dict[str, str]:
    values = {
        "title": schedule.title,
        "acronym": str(conference.get("acronym") or ""),
        "version": schedule.version,
        "time_zone": zone_name(schedule.zone),
        "main_language": main_language(schedule),
        "url": str(conference.get("url") or ""),
    }
    for lang in LANGUAGES:
        values[f"title_{lang}"] = schedule.titles.get(lang, "")
        values[f"place_{lang}"] = schedule.places.get(lang, "")
        values[f"note_{lang}"] = schedule.notes.get(lang, "")
    return values


def zone_name(zone: tzinfo) -> str:
    """An IANA name for the zone (a fixed offset of whole hours is an Etc/GMT zone)."""
    if isinstance(zone, ZoneInfo):
        return zone.key
    offset = zone.utcoffset(None) if isinstance(zone, timezone) else None
    if zone is UTC or not offset:
        return "UTC"
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    return f"Etc/GMT{-hours:+d}" if not rest else "UTC"  # Etc/GMT-1 is UTC+01:00


def main_language(schedule: Schedule) -> str:
    """The language whose translations are the sessions' own titles (en when none is)."""
    for lang in ("en", *LANGUAGES):
        if schedule.sessions and all(s.titles.get(lang) == s.title for s in schedule.sessions):
            return lang
    return "en"


def _header(sheet: Worksheet, columns: Iterable[Column]) -> None:
    columns = tuple(columns)
    sheet.append([c.name for c in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index)
        cell.font = BOLD
        cell.fill = REQUIRED if column.required else HEADER
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"


def _validations(sheet: Worksheet) -> None:
    """Drop-down lists for rooms, themes, featured; dates and times checked as typed."""
    letters = {c.name: get_column_letter(i) for i, c in enumerate(COLUMNS[SESSIONS], start=1)}
    end = MAX_ROWS + 1

    def rule(column: str, validation: DataValidation) -> None:
        validation.error = f"Not a valid {column}: see the README sheet."
        validation.errorTitle = column
        sheet.add_data_validation(validation)
        validation.add(f"{letters[column]}2:{letters[column]}{end}")

    rule("room", DataValidation(type="list", formula1=f"={ROOMS}!$A$2:$A${end}", allow_blank=True))
    rule(
        "track", DataValidation(type="list", formula1=f"={TRACKS}!$A$2:$A${end}", allow_blank=True)
    )
    rule("featured", DataValidation(type="list", formula1='"yes,no"', allow_blank=True))
    rule(
        "language",
        DataValidation(type="list", formula1='"vi,en,fr"', allow_blank=True, errorStyle="warning"),
    )
    # 36526 is 2000-01-01 as a spreadsheet date; a time is a fraction of a day.
    rule("date", DataValidation(type="date", operator="greaterThan", formula1="36526"))
    for column in ("start", "end"):
        rule(
            column,
            DataValidation(type="time", operator="between", formula1="0", formula2="0.99999"),
        )
    # A typed 1:30 is 0.0625 of a day, a typed 90 is minutes: both pass.
    rule(
        "duration",
        DataValidation(type="decimal", operator="between", formula1="0", formula2="1440"),
    )
    for column, number_format in FORMATS.items():  # the column's style: cells typed later
        sheet.column_dimensions[letters[column]].number_format = number_format


def _fill(sheet: Worksheet, columns: Iterable[Column], rows: Iterable[Mapping[str, Any]]) -> None:
    names = [c.name for c in columns]
    for values in rows:
        sheet.append([values.get(name, "") for name in names])
        for index, name in enumerate(names, start=1):
            if name in FORMATS and sheet.title == SESSIONS:
                sheet.cell(sheet.max_row, index).number_format = FORMATS[name]


def _conference(document: Any) -> Mapping[str, Any]:
    if not isinstance(document, Mapping):
        return {}
    schedule = document.get("schedule")
    conference = schedule.get("conference") if isinstance(schedule, Mapping) else None
    return conference if isinstance(conference, Mapping) else {}


def _events(conference: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    for day in conference.get("days") or []:
        if isinstance(day, Mapping) and isinstance(day.get("rooms"), Mapping):
            for events in day["rooms"].values():
                yield from (e for e in events or [] if isinstance(e, Mapping))


def _session_rows(
    schedule: Schedule, conference: Mapping[str, Any], main: str
) -> Iterable[dict[str, Any]]:
    urls = {e.get("guid"): e.get("url") for e in _events(conference)}
    for session in schedule.sessions:
        local = session.start.astimezone(schedule.zone)
        row: dict[str, Any] = {
            "code": session.key,
            "date": local.date(),
            "start": local.time().replace(tzinfo=None),
            "duration": session.end - session.start,
            "room": session.room,
            "track": session.track.name if session.track else "",
            "type": session.kind,
            "language": session.language or "",
            "interpretation": ", ".join(session.interpretation),
            "featured": "yes" if session.featured else "",
            "speakers": "; ".join(session.persons),
            "url": urls.get(session.guid) or "",
            "guid": "" if session.guid == guid_for("code", session.key) else session.guid,
        }
        for lang in LANGUAGES:
            own = lang == main
            row[f"title_{lang}"] = session.titles.get(lang) or (session.title if own else "")
            row[f"short_title_{lang}"] = session.short_titles.get(lang) or ""
            row[f"abstract_{lang}"] = session.abstracts.get(lang) or (
                session.abstract if own else ""
            )
        if row["duration"] == timedelta(0):
            row["duration"] = "0:00"
        yield row


def _speaker_rows(conference: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    seen: set[str] = set()
    for event in _events(conference):
        for person in event.get("persons") or []:
            if not isinstance(person, Mapping):
                continue
            name = person.get("public_name") or person.get("name") or person.get("full_public_name")
            if isinstance(name, str) and name and name not in seen:
                seen.add(name)
                code = person.get("code") if isinstance(person.get("code"), str) else ""
                biography = person.get("biography")
                yield {
                    "code": code,
                    "name": name,
                    "biography": biography if isinstance(biography, str) else "",
                }


def _room_rows(schedule: Schedule, conference: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    described = {
        r.get("name"): r.get("description")
        for r in conference.get("rooms") or []
        if isinstance(r, Mapping)
    }
    names: dict[str, Mapping[str, str]] = {}
    for name in described:
        if isinstance(name, str) and any(s.room == name for s in schedule.sessions):
            names[name] = {}
    for session in schedule.sessions:
        if not names.get(session.room):
            names[session.room] = session.room_names
    for name, shown in names.items():
        description = described.get(name)
        row = {"name": name, "description": description if isinstance(description, str) else ""}
        row.update({f"name_{lang}": shown.get(lang, "") for lang in LANGUAGES})
        yield row


def _track_rows(schedule: Schedule, conference: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    colors = {
        t.get("name"): t.get("color")
        for t in conference.get("tracks") or []
        if isinstance(t, Mapping)
    }
    for track in schedule.tracks:
        color = colors.get(track.name)
        row = {
            "name": track.name,
            "slug": track.slug,
            "color": color if isinstance(color, str) else "",
        }
        row.update({f"name_{lang}": track.names.get(lang, "") for lang in LANGUAGES})
        yield row
