"""The exhibition's figures per exhibitor, counts only: attendees who opened its card, contacts
shared with it, its staff. Shared by the console's page and the staff workbook."""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.exhibition.catalogue import Catalogue, Texts
from bot.storage.leads import LeadStore


@dataclass(frozen=True)
class BoothFigures:
    booth: str
    names: Texts
    visitors: int  # distinct attendees who opened the card
    opens: int  # every opening, the same attendee's again included
    leads: int
    staff: int


async def booth_figures(store: LeadStore, catalogue: Catalogue) -> list[BoothFigures]:
    """Every exhibitor of the catalogue, in booth order, even those nobody visited yet."""
    visits, leads, staff = await store.visits(), await store.counts(), await store.staff_counts()
    return [
        BoothFigures(
            e.booth,
            e.names,
            visits.get(e.booth, (0, 0))[0],
            visits.get(e.booth, (0, 0))[1],
            leads.get(e.booth, 0),
            staff.get(e.booth, 0),
        )
        for e in catalogue.exhibitors
    ]
