"""The console's menu: each page with who sees it (the guard checks again on every request)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import N_
from web.console.visitor import Need


@dataclass(frozen=True)
class Entry:
    path: str
    label: str  # N_(): shown in the visitor's language
    need: Need


MENU = (
    Entry("/", N_("Live figures"), Need.STAFF),
    Entry("/announcements", N_("Announcements"), Need.ORGANIZERS),
    Entry("/results", N_("Results"), Need.STAFF),
    Entry("/questions", N_("Questions to the panel"), Need.MODERATORS),
    Entry("/matching", N_("Business matching"), Need.ORGANIZERS),
    Entry("/exhibition", N_("Exhibition"), Need.STAFF),
    Entry("/programme", N_("Programme"), Need.ORGANIZERS),
    Entry("/staff", N_("Staff"), Need.ORGANIZERS),
    Entry("/sessions", N_("Who is logged in"), Need.ORGANIZERS),
    Entry("/audit", N_("Audit log"), Need.ORGANIZERS),
)
