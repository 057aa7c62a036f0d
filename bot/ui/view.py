"""What every screen builder needs: the user's language, the programme and the time."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from html import escape, unescape
from typing import Protocol

from bot.channels import TELEGRAM, ZALO, channel_of
from bot.clock import Clock
from bot.i18n import Catalogs, Translator, negotiate
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule, Session


@dataclass(frozen=True)
class ChannelTraits:
    """What the messenger a screen is shown on can do, so that screens need not ask which it is."""

    name: str  # the messenger, as privacy texts name it
    files: bool  # documents (the agenda's calendar file, exports)
    buttons: bool  # inline buttons; without them screens are numbered text
    native_polls: bool  # polls of its own; without them a poll is a numbered question
    inline_mode: bool = False  # cards shared into any chat (↗️ Share); else a short code to send
    photos: bool = False  # photos by URL (a speaker's portrait); else the link in the text


CHANNELS = {
    TELEGRAM: ChannelTraits(
        TELEGRAM, files=True, buttons=True, native_polls=True, inline_mode=True, photos=True
    ),
    ZALO: ChannelTraits(ZALO, files=False, buttons=False, native_polls=False),
}


def traits_of(user_id: int) -> ChannelTraits:
    return CHANNELS[channel_of(user_id)]


@dataclass(frozen=True)
class View:
    t: Translator
    schedule: Schedule
    now: datetime
    # Messages rendered once for everyone (reminders, notices) are Telegram's, the richest.
    channel: ChannelTraits = CHANNELS[TELEGRAM]

    def _(self, message: str) -> str:
        return self.t.gettext(message)

    def when(self, session: Session, *, with_day: bool, start: bool = True) -> str:
        """'Mon 27/10 10:30–12:00'; `start`: it begins a line ('Lun. 27/10' in French)."""
        zone = self.schedule.zone
        span = self.t.time_range(session.start, session.end, zone)
        if not with_day:
            return span
        return f"{self.t.short_day(session.start, zone, start=start)} {span}"

    def full_when(self, session: Session) -> str:
        """'Monday 27 October 2025, 10:30–12:00' in the user's language and the event zone, at
        the start of a line."""
        zone = self.schedule.zone
        span = self.t.time_range(session.start, session.end, zone)
        return f"{self.t.day(session.start, zone)}, {span}"

    def title(self, session: Session, limit: int | None = None) -> str:
        return clip(session.title_in(self.t.lang), limit)


class Person(Protocol):
    """Whoever a view is for: a user profile, as storage keeps it."""

    @property
    def id(self) -> int: ...

    @property
    def language(self) -> str: ...


class Views:
    """Builds the View of a user or a language: the programme in use, now, by the bot's clock."""

    def __init__(self, catalogs: Catalogs, programme: CurrentProgramme, clock: Clock) -> None:
        self._catalogs = catalogs
        self._programme = programme
        self._clock = clock

    def of(self, profile: Person) -> View:
        """A person's view: their language, and what their messenger can show."""
        view = self.in_language(profile.language)
        return replace(view, channel=traits_of(profile.id))

    def in_language(self, language: str) -> View:
        return View(self._catalogs[language], self._programme.schedule, self._clock.now())

    def for_hint(self, profile: Person | None, language_hint: str | None) -> View:
        """A known user's view, otherwise one in the language their client hints at."""
        return self.of(profile) if profile else self.in_language(negotiate(language_hint))


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


_TAG = re.compile(r"<[^>]+>")


def plain(html: str) -> str:
    """Telegram HTML (<b>, <i>, links) as plain text: what a channel without formatting shows,
    and what Telegram counts against its length limits."""
    return unescape(_TAG.sub("", html))
