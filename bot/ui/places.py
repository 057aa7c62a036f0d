"""A 📍 that other features put on their buttons: a venue of the venues guide by its index
(the exhibition's "where"); the venues feature answers it, as it does a session's 📍."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ui.actions import Action


@dataclass(frozen=True)
class VenuePlace(Action, verb="va"):
    """va:<venue>: the venue at this index of the venues guide."""

    venue: int
