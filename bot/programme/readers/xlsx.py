"""A programme spreadsheet (the `vidw-bot schedule-template` layout) to a schedule.json v1
document. Sheets are found by name; columns by their header, in any order. A cell that cannot
be used is refused naming the sheet, the row and the column."""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from bot.i18n import LANGUAGES
from bot.programme.build import GUID_NAMESPACE
from bot.programme.problems import Deviation, ScheduleError
from bot.programme.readers.layout import (
    COLUMNS,
    EVENT,
    EVENT_SETTINGS,
    ROOMS,
    SESSIONS,
    SPEAKERS,
    TRACKS,
)
from bot.programme.readers.sessions import (
    Conference,
    Row,
    Sheet,
    Speaker,
    cell_text,
    document,
    read_sessions,
)


def read_workbook(path: Path) -> tuple[dict[str, Any], list[Deviation]]:
    source = str(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ScheduleError(
            f"{source}: not a spreadsheet (.xlsx) that can be read: {exc}"
        ) from None
    except OSError as exc:
        raise ScheduleError(f"{source}: cannot read the spreadsheet ({exc.strerror})") from None
    try:
        return _read(book, source)
    finally:
        book.close()


def _read(book: Any, source: str) -> tuple[dict[str, Any], list[Deviation]]:
    sheets = {name.strip().casefold(): book[name] for name in book.sheetnames}
    deviations: list[Deviation] = []

    def table(name: str, required: bool) -> tuple[list[str], list[Row]] | None:
        sheet = sheets.get(name.casefold())
        if sheet is None:
            if required:
                raise ScheduleError(f"{source}: no sheet named {name!r}")
            return None
        columns, rows = _table(sheet)
        known = {c.name for c in COLUMNS.get(name, ())}
        deviations.extend(
            Deviation("unknown column (ignored)", f"sheet {name!r}", column)
            for column in columns
            if known and column and column not in known
        )
        return columns, rows

    settings = _settings(sheets.get(EVENT.casefold()), Sheet(source, EVENT))
    zone_name = settings.get("time_zone")
    main_language = settings.get("main_language").casefold() or "en"
    if main_language not in LANGUAGES:
        row, _ = settings.where("main_language")
        raise Sheet(source, EVENT).refuse(row, "main_language", "vi, en or fr", "B")
    zone = _zone(zone_name, settings, source)
    speakers = _speakers(table(SPEAKERS, False))
    rooms = table(ROOMS, False)
    tracks = table(TRACKS, False)
    sessions_table = table(SESSIONS, True)
    assert sessions_table is not None
    columns, rows = sessions_table
    read = read_sessions(
        rows,
        Sheet(source, SESSIONS),
        zone=zone,
        main_language=main_language,
        speakers=speakers,
        rooms=[r.text("name") for r in rooms[1]] if rooms and rooms[1] else None,
        tracks=[t.text("name") for t in tracks[1]] if tracks and tracks[1] else None,
        columns=columns,
    )
    title = settings.get("title")
    if not title:
        row, _ = settings.where("title")
        raise Sheet(source, EVENT).refuse(row, "title", "required: the event's name", "B")
    meta: dict[str, Any] = {
        "conference_title": settings.texts("title"),
        "note": settings.texts("note"),
        "place": settings.texts("place"),
        "rooms": _names(rooms),
        "tracks": _names(tracks),
    }
    conference = Conference(
        title=title,
        zone_name=zone_name,
        acronym=settings.get("acronym"),
        version=settings.get("version"),
        url=settings.get("url"),
        tracks=_tracks(tracks),
        rooms=_rooms(rooms),
        meta={key: value for key, value in meta.items() if value},
    )
    return document(conference, read, zone), [*deviations, *read.deviations]


def _table(sheet: Any) -> tuple[list[str], list[Row]]:
    """The header (column names, lower case) and the rows that hold anything."""
    lines = sheet.iter_rows(values_only=True)
    header = [cell_text(v).casefold() for v in next(lines, ())]
    letters = {name: get_column_letter(i + 1) for i, name in enumerate(header) if name}
    rows = []
    for number, values in enumerate(lines, start=2):
        if all(cell_text(v) == "" for v in values):
            continue
        by_name = {name: values[i] for i, name in enumerate(header) if name and i < len(values)}
        rows.append(Row(number, by_name, letters))
    return header, rows


class _Settings:
    """The Event sheet: a setting's name in column A, its value in column B."""

    def __init__(self, values: Mapping[str, tuple[int, str]]) -> None:
        self._values = values

    def get(self, key: str) -> str:
        return self._values.get(key, (0, ""))[1]

    def where(self, key: str) -> tuple[int, str]:
        return self._values.get(key, (2, ""))

    def texts(self, key: str) -> dict[str, str]:
        return {lang: self.get(f"{key}_{lang}") for lang in LANGUAGES if self.get(f"{key}_{lang}")}


def _settings(sheet: Any, where: Sheet) -> _Settings:
    if sheet is None:
        raise ScheduleError(f"{where.source}: no sheet named {EVENT!r}")
    known = {s.key for s in EVENT_SETTINGS}
    values: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(sheet.iter_rows(values_only=True, max_col=2), start=1):
        key = cell_text(line[0] if line else None).casefold()
        if key in known:
            values[key] = (number, cell_text(line[1] if len(line) > 1 else None))
    return _Settings(values)


def _zone(name: str, settings: _Settings, source: str) -> ZoneInfo:
    row, _ = settings.where("time_zone")
    try:
        if name:
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    problem = f"{name[:40]!r} is no IANA time zone" if name else "required, e.g. Asia/Ho_Chi_Minh"
    raise Sheet(source, EVENT).refuse(row, "time_zone", problem, "B")


def _speakers(table: tuple[list[str], list[Row]] | None) -> dict[str, Speaker]:
    """Speakers by code and by name (either can be written in the sessions' column)."""
    found: dict[str, Speaker] = {}
    for row in table[1] if table else []:
        speaker = Speaker(row.text("name"), row.text("code"), row.text("biography"))
        if speaker.name:
            for key in (speaker.code, speaker.name, speaker.name.casefold()):
                if key:
                    found.setdefault(key, speaker)
    return found


def _names(table: tuple[list[str], list[Row]] | None) -> dict[str, dict[str, str]]:
    """{name: {lang: shown name}} from the name_vi/name_en/name_fr columns."""
    names: dict[str, dict[str, str]] = {}
    for row in table[1] if table else []:
        texts = {lang: row.text(f"name_{lang}") for lang in LANGUAGES if row.text(f"name_{lang}")}
        if row.text("name") and texts:
            names[row.text("name")] = texts
    return names


def _rooms(table: tuple[list[str], list[Row]] | None) -> list[dict[str, Any]]:
    rooms = []
    for row in _named(table):
        room: dict[str, Any] = {
            "name": row.text("name"),
            "guid": str(uuid.uuid5(GUID_NAMESPACE, f"room:{row.text('name')}")),
        }
        if row.text("description"):
            room["description"] = row.text("description")
        rooms.append(room)
    return rooms


def _tracks(table: tuple[list[str], list[Row]] | None) -> list[dict[str, Any]]:
    tracks = []
    for row in _named(table):
        track: dict[str, Any] = {"name": row.text("name")}
        for key in ("slug", "color"):
            if row.text(key):
                track[key] = row.text(key)
        tracks.append(track)
    return tracks


def _named(table: tuple[list[str], list[Row]] | None) -> Iterator[Row]:
    seen: set[str] = set()
    for row in table[1] if table else []:
        if row.text("name") and row.text("name") not in seen:
            seen.add(row.text("name"))
            yield row
