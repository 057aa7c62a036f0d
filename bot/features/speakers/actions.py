"""The speakers' buttons: the pages of the list (a speaker's card is `OpenSpeaker`, in
bot/ui/sessions.py: session cards link to it)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action


class SpeakersVerb(StrEnum):
    PAGE = "P"


@dataclass(frozen=True)
class SpeakersPage(Action, verb=SpeakersVerb.PAGE):
    """P:<page>: a page of the speakers, by name."""

    page: int = 0


ACTIONS = (SpeakersPage,)
