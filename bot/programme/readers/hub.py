"""Schedule v2 (the C3VOC "hub" format, still alpha) read as a v1 document.

v2 lists the events once under `schedule.events` (v1 nests them in days and rooms), names the
room and the track by reference (`{"guid"…}`, `{"slug"…}`), calls speakers `participants` and
may give abstracts per language. The bot reads what it uses from it; the v1 schema's
deviations are not listed for such a file, and `--strict` refuses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import LANGUAGES
from bot.programme.problems import ScheduleError

FORMAT = "schedule v2 (hub format)"


def is_hub(document: Any) -> bool:
    """v2: events in one list beside the conference, days without rooms."""
    if not isinstance(document, Mapping):
        return False
    schedule = document.get("schedule")
    marker = str(document.get("$schema", ""))
    return isinstance(schedule, Mapping) and (
        "schema2" in marker or "schedule2" in marker or isinstance(schedule.get("events"), list)
    )


def to_v1(document: Mapping[str, Any], source: str) -> dict[str, Any]:
    schedule = document["schedule"]
    conference = schedule.get("conference")
    if not isinstance(conference, Mapping):
        raise ScheduleError(f"{source}: {FORMAT}: no 'conference' object")
    events = schedule.get("events")
    if not isinstance(events, list):
        raise ScheduleError(f"{source}: {FORMAT}: no 'events' list")
    zone = _zone(conference.get("time_zone_name"))
    rooms = _names(conference.get("rooms"))
    tracks = _names(conference.get("tracks"))
    days = [_day(d, position) for position, d in enumerate(_list(conference.get("days")))]
    texts: dict[str, Any] = {}
    for position, event in enumerate(events):
        if not isinstance(event, Mapping):
            raise ScheduleError(f"{source}: {FORMAT}: event #{position + 1} is no object")
        converted = _event(event, rooms, tracks, texts)
        _day_of(days, converted.get("date"), zone)["rooms"].setdefault(
            converted["room"], []
        ).append(converted)
    meta = dict(conference.get("meta") or {}) if isinstance(conference.get("meta"), Mapping) else {}
    vidw = dict(meta.get("vidw") or {}) if isinstance(meta.get("vidw"), Mapping) else {}
    given = vidw.get("events")
    vidw["events"] = {**texts, **(given if isinstance(given, Mapping) else {})}
    meta["vidw"] = vidw
    v1_conference = {
        key: conference[key]
        for key in ("acronym", "title", "start", "end", "time_zone_name", "url")
        if key in conference
    }
    v1_conference.update(
        tracks=[t for t in _list(conference.get("tracks")) if isinstance(t, Mapping)],
        days=days,
        meta=meta,
    )
    return {"schedule": {"version": schedule.get("version"), "conference": v1_conference}}


def _event(
    event: Mapping[str, Any],
    rooms: Mapping[str, str],
    tracks: Mapping[str, str],
    texts: dict[str, Any],
) -> dict[str, Any]:
    title, titles = _translatable(event.get("title"))
    abstract, abstracts = _translatable(event.get("abstract"))
    converted: dict[str, Any] = {
        key: event[key]
        for key in ("guid", "id", "code", "end", "duration", "type", "language", "url")
        if key in event
    }
    converted.update(
        date=event.get("start"),
        title=title,
        abstract=abstract,
        room=_reference(event.get("room"), rooms) or "—",
        track=_reference(event.get("track"), tracks),
        persons=[
            {"name": p["name"]}
            for p in _list(event.get("participants") or event.get("persons"))
            if isinstance(p, Mapping) and isinstance(p.get("name"), str)
        ],
    )
    guid = event.get("guid")
    if isinstance(guid, str) and (titles or abstracts):
        texts[guid] = {"title": titles, "abstract": abstracts}
    return converted


def _translatable(value: Any) -> tuple[Any, dict[str, str]]:
    """A text, or {lang: text}: the English (else first) text and the bot's languages."""
    if not isinstance(value, Mapping):
        return value, {}
    found = {str(k): v for k, v in value.items() if isinstance(v, str) and v}
    own = found.get("en") or next(iter(found.values()), "")
    return own, {lang: found[lang] for lang in LANGUAGES if lang in found}


def _names(items: Any) -> dict[str, str]:
    """Room or track names by guid, slug and name: v2 events refer to them by any of these."""
    names: dict[str, str] = {}
    for item in _list(items):
        if isinstance(item, Mapping) and isinstance(item.get("name"), str):
            for key in ("guid", "slug", "name"):
                if isinstance(item.get(key), str):
                    names[item[key]] = item["name"]
    return names


def _reference(value: Any, names: Mapping[str, str]) -> str | None:
    if isinstance(value, str):
        return names.get(value, value) or None
    if not isinstance(value, Mapping):
        return None
    for key in ("guid", "slug", "name"):
        if isinstance(value.get(key), str) and value[key] in names:
            return names[value[key]]
    name = value.get("name")
    return name if isinstance(name, str) and name else None


def _day(day: Any, position: int) -> dict[str, Any]:
    raw = day if isinstance(day, Mapping) else {}
    return {
        "index": raw.get("index", position + 1),
        "date": raw.get("date"),
        "day_start": raw.get("start"),
        "day_end": raw.get("end"),
        "rooms": {},
    }


def _day_of(days: list[dict[str, Any]], start: Any, zone: tzinfo | None) -> dict[str, Any]:
    """The day an event starts on (by the conference's clock), else the nearest day."""
    when = _instant(start)
    for day in days:
        day_start, day_end = _instant(day["day_start"]), _instant(day["day_end"])
        if when and day_start and day_end and day_start <= when < day_end:
            return day
    local: date | None = when.astimezone(zone).date() if when and zone else None
    if when and local is None:
        local = when.date()
    for day in days:
        if local is not None and str(day["date"]) == local.isoformat():
            return day
    if not days:
        days.append(_day({"date": local.isoformat() if local else None}, 0))
    return days[-1] if local is None or str(days[-1]["date"]) < local.isoformat() else days[0]


def _instant(value: Any) -> datetime | None:
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return when if when is not None and when.tzinfo is not None else None


def _zone(name: Any) -> tzinfo | None:
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
