"""The buttons of the organizers' announcement flow: audience, texts, preview, send, cancel."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from bot.i18n import LANGUAGES
from bot.ui.actions import Action, Plain, SessionKey


class BroadcastTap(Plain):
    START = "bc"  # a new announcement: choose its audience


class BroadcastVerb(StrEnum):
    AUDIENCE = "bca"
    SESSION_DAY = "bcd"
    SESSION = "bcs"
    THEME = "bct"
    VERSIONS = "bcv"
    WRITE = "bcw"
    DEFAULT = "bcf"
    PREVIEW = "bcp"
    CONFIRM = "bcy"
    CANCEL = "bcn"


class AudienceKind(IntEnum):
    """Who an announcement goes to: everyone, the readers of one language (in the order of
    bot.i18n.LANGUAGES), or the followers of a session or a theme (chosen next)."""

    EVERYONE = 0
    VIETNAMESE = 1
    ENGLISH = 2
    FRENCH = 3
    SESSION_FOLLOWERS = 4
    THEME_FOLLOWERS = 5

    @classmethod
    def of(cls, language: str) -> AudienceKind:
        return cls(LANGUAGES.index(language) + 1)

    @property
    def language(self) -> str | None:
        """The language of a language audience; None for the others."""
        return LANGUAGES[self - 1] if 1 <= self <= len(LANGUAGES) else None


@dataclass(frozen=True)
class ChooseAudience(Action, verb=BroadcastVerb.AUDIENCE):
    """bca:<kind>"""

    kind: AudienceKind


@dataclass(frozen=True)
class SessionDay(Action, verb=BroadcastVerb.SESSION_DAY):
    """bcd:<day>:<page>: the sessions of a day, to pick the one whose followers get it."""

    day: int
    page: int = 0


@dataclass(frozen=True)
class ChooseSession(Action, verb=BroadcastVerb.SESSION):
    """bcs:<code>: the followers of that session."""

    key: SessionKey


@dataclass(frozen=True)
class ChooseTheme(Action, verb=BroadcastVerb.THEME):
    """bct:<track>: the followers of that theme."""

    track: int


class _OneLanguage:
    """A button about one language version of a draft: the language as its index in
    bot.i18n.LANGUAGES (short data); anything past the list is forged."""

    language: int

    def valid(self) -> bool:
        return self.language < len(LANGUAGES)

    @property
    def code(self) -> str:
        return LANGUAGES[self.language]


@dataclass(frozen=True)
class LanguageVersion(_OneLanguage, Action, verb=BroadcastVerb.WRITE):
    """bcw:<broadcast>:<language>: write the version in that language (its index in
    bot.i18n.LANGUAGES)."""

    broadcast: int
    language: int


@dataclass(frozen=True)
class DefaultLanguage(_OneLanguage, Action, verb=BroadcastVerb.DEFAULT):
    """bcf:<broadcast>:<language>: recipients of a language without a version get this one."""

    broadcast: int
    language: int


@dataclass(frozen=True)
class Versions(Action, verb=BroadcastVerb.VERSIONS):
    """bcv:<broadcast>: the versions per language of a draft."""

    broadcast: int


@dataclass(frozen=True)
class Preview(Action, verb=BroadcastVerb.PREVIEW):
    """bcp:<broadcast>: each version as recipients will see it, then who gets what."""

    broadcast: int


@dataclass(frozen=True)
class Confirm(Action, verb=BroadcastVerb.CONFIRM):
    """bcy:<broadcast>: send it."""

    broadcast: int


@dataclass(frozen=True)
class Cancel(Action, verb=BroadcastVerb.CANCEL):
    """bcn:<broadcast>: drop the draft, or stop the sending."""

    broadcast: int


ACTIONS = (
    BroadcastTap,
    ChooseAudience,
    SessionDay,
    ChooseSession,
    ChooseTheme,
    LanguageVersion,
    DefaultLanguage,
    Versions,
    Preview,
    Confirm,
    Cancel,
)
