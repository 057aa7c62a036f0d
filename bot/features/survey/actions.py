"""The buttons of /survey: whom to send the event survey to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from bot.i18n import LANGUAGES
from bot.ui.actions import Action


class SurveyVerb(StrEnum):
    SEND = "svy"


class SurveyAudience(IntEnum):
    """Everyone, or the readers of one language (in the order of bot.i18n.LANGUAGES)."""

    EVERYONE = 0
    VIETNAMESE = 1
    ENGLISH = 2
    FRENCH = 3

    @property
    def language(self) -> str | None:
        return None if self is SurveyAudience.EVERYONE else LANGUAGES[self - 1]

    @classmethod
    def of(cls, language: str) -> SurveyAudience:
        return cls(LANGUAGES.index(language) + 1)


@dataclass(frozen=True)
class SendSurvey(Action, verb=SurveyVerb.SEND):
    """svy:<audience>: organizers send the event survey now."""

    audience: SurveyAudience


ACTIONS = (SendSurvey,)
