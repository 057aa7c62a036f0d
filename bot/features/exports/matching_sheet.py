"""The workbook's "Business matching" sheet: requests counted by state, then the confirmed
meetings by slot and table with the two organizations and the no-shows. Organizations only:
never a name or a user id (the profiles are the companies', the people stay out)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from openpyxl import Workbook

from bot.features.exports.wording import Wording
from bot.features.matching.screens import STATUS
from bot.programme.model import Schedule
from bot.storage import Storage
from bot.storage.matching import ACCEPTED, CANCELLED, DECLINED, EXPIRED, PENDING
from bot.ui.meetings import slot_start

STATES = (ACCEPTED, PENDING, DECLINED, EXPIRED, CANCELLED)  # the order of the counts
TIME = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class Meeting:
    start: str  # in the programme's zone
    table: int | None
    asker: str  # organizations
    asked: str
    no_show: bool


@dataclass(frozen=True)
class MatchingFigures:
    counts: dict[str, int] = field(default_factory=dict)  # state → requests
    meetings: list[Meeting] = field(default_factory=list)  # by slot, then table


async def collect_matching(storage: Storage, schedule: Schedule) -> MatchingFigures:
    organization = {p.user_id: p.organization for p in await storage.matching.all_profiles()}
    requests = await storage.matching.all_requests()
    meetings = [
        Meeting(
            slot_start(r.slot).astimezone(schedule.zone).strftime(TIME),
            r.table_no,
            organization.get(r.from_user, ""),
            organization.get(r.to_user, ""),
            r.no_show,
        )
        for r in sorted(requests, key=lambda r: (r.slot, r.table_no or 0))
        if r.status == ACCEPTED
    ]
    return MatchingFigures(dict(Counter(r.status for r in requests)), meetings)


def matching_sheet(book: Workbook, figures: MatchingFigures, words: Wording) -> None:
    _ = words._
    sheet = book.create_sheet(words.sheet(_("Business matching")))
    sheet.append([_("requests"), _("count")])
    for state in STATES:
        sheet.append([_(STATUS[state]), figures.counts.get(state, 0)])
    sheet.append([_("no-shows"), sum(m.no_show for m in figures.meetings)])
    sheet.append([])
    sheet.append([_("slot"), _("table"), _("requested by"), _("requested of"), _("no-show")])
    for m in figures.meetings:
        sheet.append([m.start, m.table, m.asker, m.asked, m.no_show])
