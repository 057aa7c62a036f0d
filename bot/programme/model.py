"""The programme as the bot sees it: sessions, themes (tracks), days, and the queries on them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

Translations = Mapping[str, str]


def pick(texts: Translations, lang: str, fallback: str) -> str:
    """The text in `lang`, else the schedule's own text."""
    return texts.get(lang) or fallback


@dataclass(frozen=True)
class Track:
    index: int
    name: str
    slug: str
    names: Translations = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        return pick(self.names, lang, self.name)


@dataclass(frozen=True)
class Session:
    guid: str
    key: str  # the pretalx code, or the numeric id when an export has no code
    start: datetime  # UTC
    end: datetime  # UTC
    day_index: int
    room: str
    title: str
    abstract: str
    kind: str
    language: str | None = None
    track: Track | None = None
    persons: tuple[str, ...] = ()
    titles: Translations = field(default_factory=dict)
    abstracts: Translations = field(default_factory=dict)
    room_names: Translations = field(default_factory=dict)
    short_titles: Translations = field(default_factory=dict)  # for buttons; the card has the title
    interpretation: tuple[str, ...] = ()  # languages it is interpreted into
    featured: bool = False

    @property
    def track_slug(self) -> str | None:
        """Its theme's slug (theme followers are stored by it), if it has a theme."""
        return self.track.slug if self.track else None

    def title_in(self, lang: str) -> str:
        return pick(self.titles, lang, self.title)

    def short_title_in(self, lang: str) -> str:
        """The short title for buttons, else the title."""
        return self.short_titles.get(lang) or self.title_in(lang)

    def abstract_in(self, lang: str) -> str:
        return pick(self.abstracts, lang, self.abstract)

    def room_in(self, lang: str) -> str:
        return pick(self.room_names, lang, self.room)

    def is_running(self, now: datetime) -> bool:
        return self.start <= now < self.end


@dataclass(frozen=True)
class Speaker:
    """What an export says of a person beyond their name (pretalx: biography, avatar)."""

    name: str
    biography: str = ""
    photo: str | None = None  # an image URL


@dataclass(frozen=True)
class Day:
    index: int
    date: date


@dataclass(frozen=True)
class Schedule:
    title: str
    titles: Translations
    version: str
    zone: tzinfo
    tracks: tuple[Track, ...]
    days: tuple[Day, ...]
    sessions: tuple[Session, ...]  # sorted by start time, then room
    notes: Translations = field(default_factory=dict)
    places: Translations = field(default_factory=dict)  # where it happens: "Viet Nam"
    acronym: str = ""  # "vidw2025": names the event's survey (surveys/<acronym>.json)
    profiles: Mapping[str, Speaker] = field(default_factory=dict)  # by name, where known

    def title_in(self, lang: str) -> str:
        return pick(self.titles, lang, self.title)

    def session(self, key: str) -> Session | None:
        return next((s for s in self.sessions if s.key == key), None)

    def session_by_guid(self, guid: str) -> Session | None:
        """A session by the guid stored with follows, polls and questions (codes may change)."""
        return next((s for s in self.sessions if s.guid == guid), None)

    def featured(self) -> list[Session]:
        return [s for s in self.sessions if s.featured]

    def track(self, index: int) -> Track | None:
        return self.tracks[index] if 0 <= index < len(self.tracks) else None

    def day(self, index: int) -> Day | None:
        return next((d for d in self.days if d.index == index), None)

    def in_track(self, track: Track) -> list[Session]:
        return [s for s in self.sessions if s.track == track]

    def on_day(self, day: Day) -> list[Session]:
        return [s for s in self.sessions if s.day_index == day.index]

    def today(self, now: datetime) -> Day | None:
        local = now.astimezone(self.zone).date()
        return next((d for d in self.days if d.date == local), None)

    def running(self, now: datetime) -> list[Session]:
        return [s for s in self.sessions if s.is_running(now)]

    def upcoming(self, now: datetime, limit: int) -> list[Session]:
        """Sessions that have not started yet, soonest first."""
        return [s for s in self.sessions if s.start > now][:limit]

    def speakers(self) -> list[str]:
        """Everyone who speaks, in the order of their first session."""
        return list(dict.fromkeys(p for s in self.sessions for p in s.persons))

    def rooms(self) -> list[str]:
        """The rooms, in the order of their first session."""
        return list(dict.fromkeys(s.room for s in self.sessions))

    def by_speaker(self, name: str) -> list[Session]:
        return [s for s in self.sessions if name in s.persons]

    def in_room(self, room: str) -> list[Session]:
        return [s for s in self.sessions if s.room == room]
