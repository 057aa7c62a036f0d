"""The buttons of the language choice."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action, Language


class LanguageVerb(StrEnum):
    SET = "L"


@dataclass(frozen=True)
class SetLanguage(Action, verb=LanguageVerb.SET):
    """L:<vi|en|fr>: speak this language with me from now on."""

    code: Language


ACTIONS = (SetLanguage,)
