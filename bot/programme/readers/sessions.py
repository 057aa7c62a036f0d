"""Rows of the sessions sheet (from a workbook or a CSV file) to schedule.json v1 events, and
the v1 document around them. A cell that cannot be used is refused naming the sheet, the row
and the column; the guid of a session comes from its code, so a re-import keeps it."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from bot.i18n import LANGUAGES
from bot.programme.build import guid_for
from bot.programme.problems import Deviation, ScheduleError
from bot.programme.readers.layout import NO, YES
from bot.programme.textfold import words

_CODE = re.compile(r"[A-Za-z0-9_-]{1,40}")
_HOURS = re.compile(r"\s*([0-9]{1,4})[:h]([0-5][0-9])(?::([0-5][0-9]))?\s*")
_SEPARATORS = re.compile(r"[;\n]")


@dataclass(frozen=True)
class Row:
    """One row of a sheet: its number as the spreadsheet shows it, values by column name."""

    number: int
    values: Mapping[str, Any]
    letters: Mapping[str, str]  # column name -> "A", "B"… (a CSV's too: it opens in Excel)

    def get(self, column: str) -> Any:
        return self.values.get(column)

    def text(self, column: str) -> str:
        return cell_text(self.values.get(column))


@dataclass(frozen=True)
class Sheet:
    source: str
    name: str

    def refuse(self, row: Row | int, column: str, problem: str, letter: str = "") -> ScheduleError:
        number = row.number if isinstance(row, Row) else row
        if isinstance(row, Row):
            letter = row.letters.get(column, letter)
        where = f"column {letter} ({column})" if letter else f"column {column!r}"
        return ScheduleError(
            f"{self.source}: sheet {self.name!r}, row {number}, {where}: {problem}"
        )


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def cell_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, form).replace(tzinfo=UTC).date()
        except ValueError:
            continue
    return None


def cell_time(value: Any) -> time | None:
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        total = round(float(value) * 86400)
        return time(total // 3600, total // 60 % 60, total % 60) if total < 86400 else None
    match = _HOURS.fullmatch(cell_text(value))
    if match is None or int(match.group(1)) > 23:
        return None
    hours, minutes, seconds = match.groups()
    return time(int(hours), int(minutes), int(seconds or 0))


def cell_duration(value: Any) -> timedelta | None:
    """1:30, a time or duration cell, or a number of minutes (a fraction of a day below 1,
    which is how a spreadsheet stores a time typed in a number cell)."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, time):
        return timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    if isinstance(value, float | int) and not isinstance(value, bool):
        if value <= 0 or value > 60 * 24 * 30:
            return None
        return timedelta(days=float(value)) if value < 1 else timedelta(minutes=float(value))
    match = _HOURS.fullmatch(cell_text(value))
    if match is None:
        text = cell_text(value)
        return timedelta(minutes=int(text)) if text.isascii() and text.isdigit() else None
    hours, minutes, seconds = match.groups()
    return timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))


def cell_flag(value: Any) -> bool | None:
    text = cell_text(value).casefold()
    if text in YES:
        return True
    return False if text in NO else None


def split_names(value: Any) -> list[str]:
    return [name.strip() for name in _SEPARATORS.split(cell_text(value)) if name.strip()]


@dataclass(frozen=True)
class Speaker:
    name: str
    code: str = ""
    biography: str = ""

    def person(self) -> dict[str, Any]:
        person: dict[str, Any] = {"name": self.name}
        if self.code and re.fullmatch(r"[A-Z0-9]+", self.code):
            person["code"] = self.code
        if self.biography:
            person["biography"] = self.biography
        return person


@dataclass
class SessionsRead:
    """What the sessions sheet gave: v1 events by (date, room), their texts, the featured."""

    events: list[tuple[date, str, dict[str, Any]]] = field(default_factory=list)
    texts: dict[str, Any] = field(default_factory=dict)
    featured: list[str] = field(default_factory=list)
    deviations: list[Deviation] = field(default_factory=list)


def read_sessions(
    rows: Iterable[Row],
    sheet: Sheet,
    *,
    zone: tzinfo,
    main_language: str,
    speakers: Mapping[str, Speaker],
    rooms: Iterable[str] | None,
    tracks: Iterable[str] | None,
    columns: Iterable[str],
) -> SessionsRead:
    header = set(columns)
    missing = [c for c in ("code", "date", "start", "room") if c not in header]
    if "duration" not in header and "end" not in header:
        missing.append("duration")
    if not any(f"title_{lang}" in header for lang in LANGUAGES):
        missing.append(f"title_{main_language}")
    if missing:
        raise sheet.refuse(1, missing[0], "this column is missing from the header row")
    rows = list(rows)
    if not rows:
        raise ScheduleError(
            f"{sheet.source}: sheet {sheet.name!r}: no sessions below its header row"
        )
    known_rooms = set(rooms) if rooms is not None else None
    known_tracks = set(tracks) if tracks is not None else None
    read = SessionsRead()
    codes: dict[str, int] = {}
    for row in rows:
        code = row.text("code")
        if not _CODE.fullmatch(code):
            problem = "required" if not code else f"{code[:40]!r}: use A-Z, 0-9, - and _"
            raise sheet.refuse(row, "code", problem)
        if code in codes:
            raise sheet.refuse(row, "code", f"{code} is already used on row {codes[code]}")
        codes[code] = row.number
        day, event, texts = _event(row, sheet, zone, main_language, speakers)
        room, track = event["room"], event["track"]
        if known_rooms is not None and room not in known_rooms:
            read.deviations.append(
                Deviation("room not on the Rooms sheet", f"{sheet.name} row {row.number}", room)
            )
        if track and known_tracks is not None and track not in known_tracks:
            read.deviations.append(
                Deviation("track not on the Tracks sheet", f"{sheet.name} row {row.number}", track)
            )
        featured = cell_flag(row.get("featured"))
        if featured is None:
            raise sheet.refuse(row, "featured", "'yes' or empty")
        if featured:
            read.featured.append(event["guid"])
        if texts:
            read.texts[event["guid"]] = texts
        read.events.append((day, room, event))
    return read


def _event(
    row: Row, sheet: Sheet, zone: tzinfo, main_language: str, speakers: Mapping[str, Speaker]
) -> tuple[date, dict[str, Any], dict[str, Any]]:
    code = row.text("code")
    day = cell_date(row.get("date"))
    if day is None:
        raise sheet.refuse(row, "date", f"{row.text('date')[:20]!r} is not a date (YYYY-MM-DD)")
    clock = cell_time(row.get("start"))
    if clock is None:
        raise sheet.refuse(row, "start", f"{row.text('start')[:20]!r} is not a time (HH:MM)")
    start = datetime.combine(day, clock, tzinfo=zone)
    length = _length(row, sheet, start, zone)
    room = row.text("room")
    if not room:
        raise sheet.refuse(row, "room", "required")
    titles = {lang: row.text(f"title_{lang}") for lang in LANGUAGES if row.text(f"title_{lang}")}
    abstracts = {
        lang: row.text(f"abstract_{lang}") for lang in LANGUAGES if row.text(f"abstract_{lang}")
    }
    title = titles.get(main_language) or next(iter(titles.values()), "")
    if not title:
        raise sheet.refuse(row, f"title_{main_language}", "a title is required (in any language)")
    guid = row.text("guid") or guid_for("code", code)
    try:
        uuid.UUID(guid)
    except ValueError:
        raise sheet.refuse(row, "guid", f"{guid[:40]!r} is not a guid: leave it empty") from None
    ident = int(uuid.UUID(guid).hex[:7], 16) + 1
    local = start.astimezone(zone)
    minutes = int(length.total_seconds() // 60)
    event: dict[str, Any] = {
        "guid": guid,
        "id": ident,
        "code": code,
        "date": local.isoformat(),
        "start": local.strftime("%H:%M"),
        "duration": f"{minutes // 60:02d}:{minutes % 60:02d}",
        "room": room,
        "slug": "-".join([code.lower().replace("_", "-"), *words(title)[:8]]).strip("-"),
        "title": title,
        "subtitle": "",
        "track": row.text("track") or None,
        "type": row.text("type"),
        "language": row.text("language") or None,
        "abstract": abstracts.get(main_language) or next(iter(abstracts.values()), ""),
        "description": "",
        "persons": [_speaker(name, speakers).person() for name in split_names(row.get("speakers"))],
        "links": [],
        "attachments": [],
    }
    if row.text("url"):
        event["url"] = row.text("url")
    texts: dict[str, Any] = {}
    if titles:
        texts["title"] = titles
    shorts = {
        lang: row.text(f"short_title_{lang}")
        for lang in LANGUAGES
        if row.text(f"short_title_{lang}")
    }
    if shorts:
        texts["short_title"] = shorts
    if abstracts:
        texts["abstract"] = abstracts
    interpreted = [code.strip() for code in row.text("interpretation").split(",") if code.strip()]
    if interpreted:
        texts["interpretation"] = interpreted
    return day, event, texts


def _length(row: Row, sheet: Sheet, start: datetime, zone: tzinfo) -> timedelta:
    if row.text("duration"):
        length = cell_duration(row.get("duration"))
        if length is None:
            raise sheet.refuse(row, "duration", f"{row.text('duration')[:20]!r} is not H:MM")
        return length
    if row.text("end"):
        clock = cell_time(row.get("end"))
        if clock is None:
            raise sheet.refuse(row, "end", f"{row.text('end')[:20]!r} is not a time (HH:MM)")
        end = datetime.combine(start.date(), clock, tzinfo=zone)
        return end - start if end > start else end + timedelta(days=1) - start
    raise sheet.refuse(row, "duration", "required (or an end time)")


def _speaker(name: str, speakers: Mapping[str, Speaker]) -> Speaker:
    return speakers.get(name) or speakers.get(name.casefold()) or Speaker(name)


@dataclass(frozen=True)
class Conference:
    """The Event sheet (or, for a CSV, the programme in use): what surrounds the sessions."""

    title: str
    zone_name: str
    acronym: str = ""
    version: str = ""
    url: str = ""
    tracks: list[dict[str, Any]] = field(default_factory=list)
    rooms: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # meta.vidw, without events/featured


def document(conference: Conference, sessions: SessionsRead, zone: tzinfo) -> dict[str, Any]:
    """The schedule.json v1 document the bot serves (and import-schedule installs)."""
    by_day: dict[date, dict[str, list[dict[str, Any]]]] = {}
    for day, room, event in sorted(sessions.events, key=lambda item: item[2]["date"]):
        by_day.setdefault(day, {}).setdefault(room, []).append(event)
    days = []
    for index, (day, rooms) in enumerate(sorted(by_day.items()), start=1):
        starts = [datetime.fromisoformat(e["date"]) for events in rooms.values() for e in events]
        ends = [
            datetime.fromisoformat(e["date"]) + _as_timedelta(e["duration"])
            for events in rooms.values()
            for e in events
        ]
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": min(starts).isoformat(),
                "day_end": max(ends).astimezone(zone).isoformat(),
                "rooms": rooms,
            }
        )
    meta = {**conference.meta, "events": sessions.texts, "featured": sessions.featured}
    dates = sorted(by_day)
    body: dict[str, Any] = {
        "acronym": conference.acronym or _acronym(conference.title),
        "title": conference.title,
        "start": dates[0].isoformat(),
        "end": dates[-1].isoformat(),
        "daysCount": len(days),
        "timeslot_duration": "00:05",
        "time_zone_name": conference.zone_name,
    }
    if conference.url:
        body["url"] = conference.url
    body.update(tracks=conference.tracks, rooms=conference.rooms, meta={"vidw": meta}, days=days)
    schedule: dict[str, Any] = {"version": conference.version, "conference": body}
    if not conference.version:
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
        schedule["version"] = f"sheet-{digest[:10]}"
    return {"$schema": "https://c3voc.de/schedule/schema.json", "schedule": schedule}


def _as_timedelta(duration: str) -> timedelta:
    hours, minutes = duration.split(":")
    return timedelta(hours=int(hours), minutes=int(minutes))


def _acronym(title: str) -> str:
    return "".join(words(title))[:24] or "event"
