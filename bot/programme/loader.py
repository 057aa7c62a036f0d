"""Read a pretalx/frab schedule.json (v1): validate it, then build the `Schedule` model.

Any valid v1 export loads. Translations are optional and live where the schema allows extra
data, in `conference.meta.vidw` (see README); missing ones fall back to the event's own text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jsonschema

from bot.errors import StartupError
from bot.i18n import LANGUAGES
from bot.programme.model import Day, Schedule, Session, Track, Translations
from bot.programme.textfold import words

# Instants the bot can show in any zone and add a few days to: Python's calendar ends at the
# years 1 and 9999, and an event there would crash every screen that shows it.
_EARLIEST = datetime(2, 1, 1, tzinfo=UTC)
_LATEST = datetime(9998, 12, 31, tzinfo=UTC)


class ScheduleError(StartupError):
    """The schedule file cannot be used; the message names the file, the event and the field."""


@cache
def _validator() -> jsonschema.Draft6Validator:
    text = (
        resources.files("bot.programme.schema").joinpath("schedule.schema.json").read_text("utf-8")
    )
    schema = json.loads(text)
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


def load_schedule(path: Path) -> Schedule:
    """Load and validate `path`, or raise ScheduleError saying what is wrong and where."""
    return parse_text(read_text(path), source=str(path))


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScheduleError(f"{path}: cannot read the schedule file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ScheduleError(f"{path}: the schedule file is not UTF-8 text") from None


def parse_text(raw: str, source: str) -> Schedule:
    """A schedule from its JSON text, or ScheduleError."""
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ScheduleError(
            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    return parse_schedule(document, source=source)


def parse_schedule(document: Any, source: str = "schedule.json") -> Schedule:
    error = _first_error(document)
    if error is not None:
        raise ScheduleError(f"{source}: {_describe(document, error)}")
    conference = document["schedule"]["conference"]
    try:
        return _build(document["schedule"], conference, source)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise ScheduleError(f"{source}: {exc}") from None


def _first_error(document: Any) -> jsonschema.ValidationError | None:
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    return errors[0] if errors else None


def _describe(document: Any, error: jsonschema.ValidationError) -> str:
    """Say which event (by code/title) and which field a schema error is about."""
    path = list(error.absolute_path)
    where = ""
    if len(path) >= 7 and path[:3] == ["schedule", "conference", "days"] and path[4] == "rooms":
        event = document["schedule"]["conference"]["days"][path[3]]["rooms"][path[5]][path[6]]
        where = f"event {_event_name(event, path[6])} (day {path[3] + 1}, room {path[5]!r}), "
        path = path[7:]
    field = ".".join(map(str, path)) or "(top level)"
    return f"{where}field {field!r}: {error.message}"


def _event_name(event: Any, position: int) -> str:
    """'AIGOV "Ministerial Roundtable…"', or 'id 25 "…"' for exports without codes."""
    if not isinstance(event, Mapping):
        return f"#{position + 1}"
    label = event.get("code") or (f"id {event['id']}" if "id" in event else f"#{position + 1}")
    title = event.get("title")
    return f'{label} "{title}"' if isinstance(title, str) else str(label)


def _build(schedule: Mapping[str, Any], conference: Mapping[str, Any], source: str) -> Schedule:
    meta = _mapping(_mapping(conference.get("meta")).get("vidw"))
    tracks = _tracks(conference, meta)
    featured = set(meta.get("featured") or [])
    event_texts = _mapping(meta.get("events"))
    room_texts = _mapping(meta.get("rooms"))
    sessions: list[Session] = []
    days: list[Day] = []
    seen: set[str] = set()
    for position, day in enumerate(conference["days"]):
        day_index = int(day.get("index", position + 1))
        days.append(Day(day_index, datetime.fromisoformat(day["date"]).date()))
        for room, events in day["rooms"].items():
            for event in events:
                session = _session(event, day_index, room, tracks, event_texts, room_texts)
                if session.guid in seen:
                    raise ValueError(f"event {session.key}: field 'guid': duplicate {session.guid}")
                seen.add(session.guid)
                sessions.append(replace(session, featured=session.guid in featured))
    sessions.sort(key=lambda s: (s.start, s.room, s.key))
    return Schedule(
        title=conference["title"],
        titles=_texts(meta.get("conference_title")),
        version=str(schedule["version"]),
        zone=_display_zone(conference, sessions),
        tracks=tuple(tracks.values()),
        days=tuple(days),
        sessions=tuple(sessions),
        notes=_texts(meta.get("note")),
    )


def _tracks(conference: Mapping[str, Any], meta: Mapping[str, Any]) -> dict[str, Track]:
    names = _mapping(meta.get("tracks"))
    declared = [t["name"] for t in conference.get("tracks", []) if t.get("name")]
    used = [
        e["track"]
        for day in conference["days"]
        for events in day["rooms"].values()
        for e in events
        if e.get("track")
    ]
    slugs = {t["name"]: t.get("slug") for t in conference.get("tracks", []) if t.get("name")}
    tracks: dict[str, Track] = {}
    for name in [*declared, *used]:
        if name not in tracks:
            slug = slugs.get(name) or "-".join(words(name)) or f"track-{len(tracks)}"
            tracks[name] = Track(len(tracks), name, slug, _texts(names.get(name)))
    return tracks


def _session(
    event: Mapping[str, Any],
    day_index: int,
    room: str,
    tracks: Mapping[str, Track],
    event_texts: Mapping[str, Any],
    room_texts: Mapping[str, Any],
) -> Session:
    name = event.get("code") or event["id"]
    start = _instant(event["date"], name, "date")
    end = _instant(event["end"], name, "end") if event.get("end") else _end(start, event, name)
    texts = _mapping(event_texts.get(event["guid"]))
    titles = _texts(texts.get("title"))
    abstracts = _texts(texts.get("abstract"))
    track = tracks.get(event["track"]) if event.get("track") else None
    persons = tuple(p.get("name") or p.get("public_name") or "" for p in event["persons"])
    title = event["title"]
    abstract = event.get("abstract") or ""
    room_names = _texts(room_texts.get(room))
    return Session(
        guid=event["guid"],
        key=str(event.get("code") or event["id"]),
        start=start,
        end=end,
        day_index=day_index,
        room=room,
        title=title,
        abstract=abstract,
        kind=event.get("type") or "",
        language=event.get("language") or None,
        track=track,
        persons=tuple(p for p in persons if p),
        titles=titles,
        abstracts=abstracts,
        room_names=room_names,
    )


def _instant(text: str, event: str, field: str) -> datetime:
    """An ISO time with an offset, in UTC."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        raise ValueError(f"event {event}: field {field!r} has no offset")
    try:
        return _within_calendar(when.astimezone(UTC), event, field)
    except OverflowError:
        raise ValueError(f"event {event}: field {field!r} is outside the calendar") from None


def _within_calendar(when: datetime, event: str, field: str) -> datetime:
    if not _EARLIEST <= when <= _LATEST:
        raise ValueError(f"event {event}: field {field!r} is outside the calendar")
    return when


def _end(start: datetime, event: Mapping[str, Any], name: str) -> datetime:
    """The end from the older 'duration' field ("hh:mm"; the schema allows any hours)."""
    hours, minutes = event["duration"].split(":")
    try:
        end = start + timedelta(hours=int(hours), minutes=int(minutes))
    except OverflowError:
        raise ValueError(f"event {name}: field 'duration' is outside the calendar") from None
    return _within_calendar(end, name, "duration")


def _display_zone(conference: Mapping[str, Any], sessions: Iterable[Session]) -> tzinfo:
    """The named zone, unless the events' own offsets contradict it (real exports do that)."""
    first = next(iter(sessions), None)
    name = conference.get("time_zone_name")
    zone: tzinfo | None = None
    if name:
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
    if first is None:
        return zone or UTC
    own_offset = _own_offset(conference, first)
    if zone is not None and first.start.astimezone(zone).utcoffset() == own_offset:
        return zone
    return timezone(own_offset) if own_offset is not None else (zone or UTC)


def _own_offset(conference: Mapping[str, Any], session: Session) -> timedelta | None:
    for day in conference["days"]:
        for events in day["rooms"].values():
            for event in events:
                if event["guid"] == session.guid:
                    return datetime.fromisoformat(event["date"]).utcoffset()
    return None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _texts(value: Any) -> Translations:
    """A {lang: text} map keeping only the languages the bot speaks and non-empty strings."""
    mapping = _mapping(value)
    return {
        lang: mapping[lang]
        for lang in LANGUAGES
        if isinstance(mapping.get(lang), str) and mapping[lang]
    }


def summary(schedule: Schedule) -> str:
    """One paragraph for `vidw-bot check-schedule`: days, tracks, sessions."""
    lines = [f"{schedule.title} — version {schedule.version}, zone {schedule.zone}"]
    for day in schedule.days:
        lines.append(
            f"  day {day.index} ({day.date.isoformat()}): {len(schedule.on_day(day))} sessions"
        )
    for track in schedule.tracks:
        lines.append(
            f"  track {track.name!r} [{track.slug}]: {len(schedule.in_track(track))} sessions"
        )
    featured = ", ".join(s.key for s in schedule.featured()) or "none"
    lines.append(f"  {len(schedule.sessions)} sessions in all; featured: {featured}")
    missing = [s.key for s in schedule.sessions if set(LANGUAGES) - set(s.titles)]
    if missing:
        lines.append(f"  {len(missing)} sessions lack a vi/en/fr title (their own title is shown)")
    return "\n".join(lines)
