"""A schedule.json v1 document to the `Schedule` model, checking strictly what the bot uses.

Required, and refused when wrong (naming the event and the field): the conference title, the
days (each with a date and its rooms), and for every event a guid or an id, its time (`date`,
or the day's date and `start`), its length (`end` or `duration`) and a title. Everything else
is read when it is usable and ignored when it is not: what the published schema says about
it is reported as deviations (bot/programme/deviations.py), never a reason to refuse.

Translations are optional and live where the schema allows extra data, in
`conference.meta.vidw` (see README); missing ones fall back to the event's own text.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import LANGUAGES
from bot.programme.model import Day, Schedule, Session, Speaker, Track, Translations
from bot.programme.problems import Deviation, ScheduleError
from bot.programme.textfold import words

# Instants the bot can show in any zone and add a few days to: Python's calendar ends at the
# years 1 and 9999, and an event there would crash every screen that shows it.
_EARLIEST = datetime(2, 1, 1, tzinfo=UTC)
_LATEST = datetime(9998, 12, 31, tzinfo=UTC)
# Guids made for events that have only an id (older frab) or only a code (a spreadsheet):
# the same id or code gives the same guid at every import, so follows and reminders stay.
GUID_NAMESPACE = uuid.UUID("6f0c7f4e-2b1d-5c8e-9a3f-1d2e3f4a5b6c")
# A session key goes into deep links (/start s_KEY, 64 characters of A-Z a-z 0-9 _ -).
_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")
_DURATION = re.compile(r"\s*([0-9]{1,5}):([0-5][0-9])(?::([0-5][0-9]))?\s*")
_CLOCK = re.compile(r"\s*([01]?[0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?\s*")
UNVERSIONED = "unversioned"


class _Refused(ValueError):
    """A required field is missing or unusable; the message says where and why."""


def guid_for(kind: str, value: object) -> str:
    """The stable guid of an event known only by its id ("id") or its code ("code")."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{value}"))


def build(document: Any, source: str) -> tuple[Schedule, list[Deviation]]:
    """The programme and what the builder itself noticed, or ScheduleError naming the source."""
    builder = _Builder()
    try:
        return builder.build(document), builder.deviations
    except _Refused as exc:
        raise ScheduleError(f"{source}: {exc}") from None
    except (OverflowError, RecursionError):
        raise ScheduleError(f"{source}: a value is too large") from None


@dataclass
class _Event:
    """Where an event sits, to name it in errors: 'event OPEN "Opening" (day 1, room …)'."""

    raw: Mapping[str, Any]
    position: int
    day: int
    room: str
    day_date: date
    zone: tzinfo | None  # where a bare start time (HH:MM) is on the clock

    @property
    def label(self) -> str:
        code, ident, title = self.raw.get("code"), self.raw.get("id"), self.raw.get("title")
        if isinstance(code, str) and code:
            name = code
        elif _integer(ident) is not None:
            name = f"id {ident}"
        else:
            name = f"#{self.position + 1}"
        title_part = f' "{title[:60]}"' if isinstance(title, str) and title else ""
        return f"event {name}{title_part} (day {self.day}, room {self.room!r})"

    @property
    def short(self) -> str:
        """The name the older messages use: 'event AITAL', 'event 25'."""
        code, ident = self.raw.get("code"), self.raw.get("id")
        return str(code or ident or f"#{self.position + 1}")

    def refuse(self, field_name: str, problem: str) -> _Refused:
        return _Refused(f"{self.label}, field {field_name!r}: {problem}")


@dataclass
class _Builder:
    deviations: list[Deviation] = field(default_factory=list)
    zone: tzinfo | None = None
    offsets: dict[str, timedelta | None] = field(default_factory=dict)  # by guid, as written
    profiles: dict[str, Speaker] = field(default_factory=dict)  # speakers with a biography

    def _profiles(self, persons: list[Any]) -> None:
        for person in persons:
            profile = _profile(person)
            if profile is not None:
                self.profiles.setdefault(profile.name, profile)

    def note(self, kind: str, where: str, detail: str) -> None:
        self.deviations.append(Deviation(kind, where, detail))

    def build(self, document: Any) -> Schedule:
        schedule = _object(document, "schedule", "the file")
        conference = _object(schedule, "conference", "field 'schedule'")
        title = conference.get("title")
        if not isinstance(title, str) or not title.strip():
            raise _Refused("field 'schedule.conference.title': required, the conference's name")
        self.zone = self._named_zone(conference)
        meta = _mapping(_mapping(conference.get("meta")).get("vidw"))
        raw_days = conference.get("days")
        if not isinstance(raw_days, list):
            raise _Refused("field 'schedule.conference.days': required, a list of days")
        tracks = self._tracks(conference, raw_days, meta)
        event_texts = _mapping(meta.get("events"))
        room_texts = _mapping(meta.get("rooms"))
        sessions: list[Session] = []
        days: list[Day] = []
        seen: set[str] = set()
        for position, raw_day in enumerate(raw_days):
            day, events = self._day(raw_day, position, days)
            days.append(day)
            for event in events:
                session = self._session(event, tracks, event_texts, room_texts)
                if session.guid in seen:
                    raise _Refused(f"event {session.key}: field 'guid': duplicate {session.guid}")
                seen.add(session.guid)
                sessions.append(session)
        sessions = self._featured(sessions, meta)
        sessions.sort(key=lambda s: (s.start, s.room, s.key))
        self._check_keys(sessions)
        return Schedule(
            title=title,
            titles=_texts(meta.get("conference_title")),
            version=self._version(schedule),
            zone=self._display_zone(sessions),
            tracks=tuple(tracks.values()),
            days=tuple(days),
            sessions=tuple(sessions),
            notes=_texts(meta.get("note")),
            places=_texts(meta.get("place")),
            acronym=_text(conference.get("acronym")),
            profiles=dict(self.profiles),
        )

    def _version(self, schedule: Mapping[str, Any]) -> str:
        version = schedule.get("version")
        if isinstance(version, str) and version.strip():
            return version
        if isinstance(version, int | float) and not isinstance(version, bool):
            return str(version)
        self.note("no version", "schedule.version", f"missing: shown as {UNVERSIONED!r}")
        return UNVERSIONED

    def _named_zone(self, conference: Mapping[str, Any]) -> tzinfo | None:
        name = conference.get("time_zone_name")
        if name is None:
            return None
        try:
            return ZoneInfo(name) if isinstance(name, str) and name else None
        except (ZoneInfoNotFoundError, ValueError):
            self.note(
                "unknown time zone",
                "conference.time_zone_name",
                f"{str(name)[:60]!r} is no IANA zone: the events' own offsets are used",
            )
            return None

    def _tracks(
        self, conference: Mapping[str, Any], raw_days: list[Any], meta: Mapping[str, Any]
    ) -> dict[str, Track]:
        names = _mapping(meta.get("tracks"))
        declared = [t for t in _list(conference.get("tracks")) if isinstance(t, Mapping)]
        slugs = {t["name"]: t.get("slug") for t in declared if _text(t.get("name"))}
        used = [
            e["track"]
            for day in raw_days
            if isinstance(day, Mapping)
            for events in _mapping(day.get("rooms")).values()
            for e in _list(events)
            if isinstance(e, Mapping) and _text(e.get("track"))
        ]
        tracks: dict[str, Track] = {}
        for name in [*slugs, *used]:
            if name not in tracks:
                slug = slugs.get(name)
                if not isinstance(slug, str) or not words(slug):
                    slug = "-".join(words(name)) or f"track-{len(tracks)}"
                tracks[name] = Track(len(tracks), name, slug, _texts(names.get(name)))
        return tracks

    def _day(self, raw: Any, position: int, before: list[Day]) -> tuple[Day, list[_Event]]:
        where = f"day {position + 1}"
        if not isinstance(raw, Mapping):
            raise _Refused(f"{where}: not an object with a date and rooms")
        index = _integer(raw.get("index"))
        if index is None:
            index = position + 1
        if any(d.index == index for d in before):
            self.note("two days with one index", where, f"index {index} is used twice")
        day_date = _date(raw.get("date"))
        if day_date is None:
            raise _Refused(f"{where}, field 'date': required, YYYY-MM-DD")
        rooms = raw.get("rooms")
        if not isinstance(rooms, Mapping):
            raise _Refused(f"{where}, field 'rooms': required, the events by room name")
        day = Day(index, day_date)
        zone = self._start_zone(raw)
        events: list[_Event] = []
        for room, items in rooms.items():
            if not isinstance(room, str) or not room.strip():
                raise _Refused(f"{where}, field 'rooms': a room without a name")
            if not isinstance(items, list):
                raise _Refused(f"{where}, room {room!r}: not a list of events")
            for number, item in enumerate(items):
                if not isinstance(item, Mapping):
                    raise _Refused(f"{where}, room {room!r}: event #{number + 1} is no object")
                events.append(_Event(item, number, index, room, day_date, zone))
        return day, events

    def _start_zone(self, day: Mapping[str, Any]) -> tzinfo | None:
        """The zone of an event given as the day's date and a start time."""
        if self.zone is not None:
            return self.zone
        start = day.get("day_start")
        try:
            when = datetime.fromisoformat(start) if isinstance(start, str) else None
        except ValueError:
            return None
        return when.tzinfo if when is not None else None

    def _session(
        self,
        event: _Event,
        tracks: Mapping[str, Track],
        event_texts: Mapping[str, Any],
        room_texts: Mapping[str, Any],
    ) -> Session:
        raw = event.raw
        guid, key = self._identity(event)
        self._check_fallbacks(event)
        start, offset = self._start(event)
        self.offsets.setdefault(guid, offset)
        end = self._end(event, start)
        title = raw.get("title")
        if not isinstance(title, str) or not title.strip():
            raise event.refuse("title", "required, a text")
        stated_room = raw.get("room")
        if isinstance(stated_room, str) and stated_room and stated_room != event.room:
            self.note(
                "room differs from the day's room",
                event.label,
                f"says {stated_room[:60]!r}: the room it is listed under is used",
            )
        texts = _mapping(event_texts.get(guid))
        titles = _texts(texts.get("title"))
        abstracts = _texts(texts.get("abstract"))
        track = tracks.get(raw["track"]) if _text(raw.get("track")) else None
        persons = tuple(p for p in (_person(p) for p in _list(raw.get("persons"))) if p)
        self._profiles(_list(raw.get("persons")))
        abstract = _text(raw.get("abstract"))
        room = event.room
        room_names = _texts(room_texts.get(room))
        return Session(
            guid=guid,
            key=key,
            start=start,
            end=end,
            day_index=event.day,
            room=room,
            title=title,
            abstract=abstract,
            kind=_text(raw.get("type")),
            language=_text(raw.get("language")) or None,
            track=track,
            persons=persons,
            titles=titles,
            abstracts=abstracts,
            room_names=room_names,
            short_titles=_texts(texts.get("short_title")),
            interpretation=_languages(texts.get("interpretation")),
        )

    def _identity(self, event: _Event) -> tuple[str, str]:
        """(guid, key): the guid keys follows and reminders; the key goes into links."""
        raw = event.raw
        ident = _integer(raw.get("id"))
        if ident is None and raw.get("id") is not None:
            raise event.refuse("id", f"{str(raw.get('id'))[:20]!r} is not a number")
        guid = raw.get("guid")
        if not isinstance(guid, str) or not guid.strip():
            if ident is None:
                raise event.refuse("guid", "required: a guid, or at least a numeric id")
            guid = guid_for("id", ident)
        code = raw.get("code")
        if isinstance(code, str) and _KEY.fullmatch(code):
            return guid, code
        if code not in (None, ""):
            self.note(
                "code unusable in links",
                event.label,
                f"{str(code)[:40]!r}: links use the {'id' if ident is not None else 'guid'}",
            )
        if ident is not None:
            return guid, str(ident)
        return guid, guid.replace("-", "")[:12].upper()

    def _check_fallbacks(self, event: _Event) -> None:
        """`start` and `duration` stand in for `date` and `end`: when given, they must be
        usable (a file whose clock times are garbled is a broken file, not a cosmetic one)."""
        start, length = event.raw.get("start"), event.raw.get("duration")
        if start not in (None, "") and _clock(start) is None:
            raise event.refuse("start", f"{str(start)[:20]!r} is not a time HH:MM")
        if length not in (None, "") and _duration(length) is None:
            raise event.refuse("duration", f"{str(length)[:20]!r} is not hours:minutes")

    def _start(self, event: _Event) -> tuple[datetime, timedelta | None]:
        """The start in UTC, and the offset the file wrote it with."""
        text = event.raw.get("date")
        if text is None or text == "":
            return self._start_from_clock(event)
        if not isinstance(text, str):
            raise event.refuse(
                "date", "an ISO date and time with offset, e.g. 2025-10-27T09:00+07:00"
            )
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            raise event.refuse(
                "date", f"{text[:40]!r} is not an ISO date and time, e.g. 2025-10-27T09:00+07:00"
            ) from None
        if when.tzinfo is None:
            if self.zone is None:
                raise _Refused(f"event {event.short}: field 'date' has no offset")
            when = when.replace(tzinfo=self.zone)
        return _utc(when, event.short, "date"), when.utcoffset()

    def _start_from_clock(self, event: _Event) -> tuple[datetime, timedelta | None]:
        """No `date`: the day's date and `start` (HH:MM), in the conference's zone."""
        clock = _clock(event.raw.get("start"))
        if clock is None:
            raise event.refuse("date", "required: an ISO date and time, or a start time HH:MM")
        if event.zone is None:
            raise event.refuse(
                "date", "missing, and without a time zone the start time cannot be placed"
            )
        when = datetime.combine(event.day_date, clock, tzinfo=event.zone)
        return _utc(when, event.short, "start"), when.utcoffset()

    def _end(self, event: _Event, start: datetime) -> datetime:
        raw = event.raw
        text = raw.get("end")
        if text not in (None, ""):
            if not isinstance(text, str):
                raise event.refuse("end", "an ISO date and time with offset")
            try:
                when = datetime.fromisoformat(text)
            except ValueError:
                raise event.refuse("end", f"{text[:40]!r} is not an ISO date and time") from None
            if when.tzinfo is None:
                if self.zone is None:
                    raise _Refused(f"event {event.short}: field 'end' has no offset")
                when = when.replace(tzinfo=self.zone)
            end = _utc(when, event.short, "end")
        else:
            length = _duration(raw.get("duration"))
            if length is None:
                raise event.refuse("duration", "required (or 'end'): hours:minutes, e.g. 01:30")
            try:
                end = start + length
            except OverflowError:
                raise _Refused(
                    f"event {event.short}: field 'duration' is outside the calendar"
                ) from None
            end = _within_calendar(end, event.short, "duration")
        if end < start:
            raise event.refuse("end", "the event ends before it starts")
        return end

    def _featured(self, sessions: list[Session], meta: Mapping[str, Any]) -> list[Session]:
        featured = {g for g in _list(meta.get("featured")) if isinstance(g, str)}
        known = {s.guid for s in sessions}
        for guid in sorted(featured - known):
            self.note("featured session not found", "conference.meta.vidw.featured", guid[:40])
        return [replace(s, featured=s.guid in featured) for s in sessions]

    def _check_keys(self, sessions: Iterable[Session]) -> None:
        seen: set[str] = set()
        for session in sessions:
            if session.key in seen:
                self.note(
                    "two events with one code",
                    f"event {session.key}",
                    "links to it open the earlier one",
                )
            seen.add(session.key)

    def _display_zone(self, sessions: list[Session]) -> tzinfo:
        """The named zone, unless the events' own offsets contradict it (real exports do that)."""
        first = next(iter(sessions), None)
        if first is None:
            return self.zone or UTC
        own = self.offsets.get(first.guid)
        if self.zone is not None and (
            own is None or first.start.astimezone(self.zone).utcoffset() == own
        ):
            return self.zone
        return timezone(own) if own is not None else (self.zone or UTC)


def _object(parent: Any, key: str, where: str) -> Mapping[str, Any]:
    value = parent.get(key) if isinstance(parent, Mapping) else None
    if not isinstance(value, Mapping):
        raise _Refused(f"{where}: no {key!r} object (is this a schedule.json?)")
    return value


def _utc(when: datetime, event: str, field_name: str) -> datetime:
    try:
        return _within_calendar(when.astimezone(UTC), event, field_name)
    except OverflowError:
        raise _Refused(f"event {event}: field {field_name!r} is outside the calendar") from None


def _within_calendar(when: datetime, event: str, field_name: str) -> datetime:
    if not _EARLIEST <= when <= _LATEST:
        raise _Refused(f"event {event}: field {field_name!r} is outside the calendar")
    return when


def _duration(value: Any) -> timedelta | None:
    """'01:30', '1:30', '01:30:00' (the schema allows any hours)."""
    if not isinstance(value, str):
        return None
    match = _DURATION.fullmatch(value)
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    return timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))


def _clock(value: Any) -> time | None:
    match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    return time(int(hours), int(minutes), int(seconds or 0))


def _date(value: Any) -> date | None:
    """'2025-10-27', or the date of an ISO date and time."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def _profile(value: Any) -> Speaker | None:
    """A person's biography and photo (pretalx `biography`, `avatar`), if the export has them."""
    name = _person(value)
    if not name or not isinstance(value, Mapping):
        return None
    biography = value.get("biography")
    avatar = value.get("avatar")
    photo = avatar if isinstance(avatar, str) and avatar.startswith("https://") else None
    biography = biography.strip() if isinstance(biography, str) else ""
    return Speaker(name, biography, photo) if biography or photo else None


def _person(value: Any) -> str:
    """A speaker's name: frab/pretalx `public_name`, older frab `full_public_name`, `name`."""
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, Mapping):
        return ""
    for key in ("public_name", "name", "full_public_name"):
        name = value.get(key)
        if isinstance(name, str) and name.strip():
            return name.strip()
    return ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _languages(value: Any) -> tuple[str, ...]:
    """A list of language codes ("interpretation": ["en"]); anything else is no languages."""
    return tuple(code for code in _list(value) if isinstance(code, str) and code)


def _texts(value: Any) -> Translations:
    """A {lang: text} map keeping only the languages the bot speaks and non-empty strings."""
    mapping = _mapping(value)
    return {
        lang: mapping[lang]
        for lang in LANGUAGES
        if isinstance(mapping.get(lang), str) and mapping[lang]
    }
