"""What every screen builder needs: the user's language, the programme and the time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Protocol

from bot.clock import Clock
from bot.i18n import Catalogs, Translator, negotiate
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule, Session


@dataclass(frozen=True)
class View:
    t: Translator
    schedule: Schedule
    now: datetime

    def _(self, message: str) -> str:
        return self.t.gettext(message)

    def when(self, session: Session, *, with_day: bool) -> str:
        zone = self.schedule.zone
        span = self.t.time_range(session.start, session.end, zone)
        return f"{self.t.short_day(session.start, zone)} {span}" if with_day else span

    def full_when(self, session: Session) -> str:
        """'Monday, October 27, 2025, 10:30–12:00' in the user's language and the event zone."""
        zone = self.schedule.zone
        span = self.t.time_range(session.start, session.end, zone)
        return f"{self.t.day(session.start, zone)}, {span}"

    def title(self, session: Session, limit: int | None = None) -> str:
        return clip(session.title_in(self.t.lang), limit)


class Person(Protocol):
    """Whoever a view is for: a user profile, as storage keeps it."""

    @property
    def language(self) -> str: ...


class Views:
    """Builds the View of a user or a language: the programme in use, now, by the bot's clock."""

    def __init__(self, catalogs: Catalogs, programme: CurrentProgramme, clock: Clock) -> None:
        self._catalogs = catalogs
        self._programme = programme
        self._clock = clock

    def of(self, profile: Person) -> View:
        return self.in_language(profile.language)

    def in_language(self, language: str) -> View:
        return View(self._catalogs[language], self._programme.schedule, self._clock.now())

    def for_hint(self, profile: Person | None, language_hint: str | None) -> View:
        """A known user's language, otherwise the one their client hints at."""
        return self.in_language(profile.language if profile else negotiate(language_hint))


def clip(text: str, limit: int | None) -> str:
    """Shorten to `limit` characters with an ellipsis, at a word boundary when one is near."""
    text = " ".join(text.split())
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-–") + "…"


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{escape(text)}</i>"
