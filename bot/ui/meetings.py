"""Confirmed business-matching meetings as the agenda shows them (and its .ics file): read
here so that the agenda needs nothing of the matching feature."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Protocol

from bot.ui.view import View

SLOT_MINUTES = 20  # a meeting's length: the business-matching sessions are cut into these


def slot_start(slot: int) -> datetime:
    """A slot number (minutes since 1970, UTC) as an aware time."""
    return datetime.fromtimestamp(slot * 60, UTC)


def slot_of(start: datetime) -> int:
    return int(start.timestamp()) // 60


@dataclass(frozen=True)
class Meeting:
    id: int
    start: datetime
    end: datetime
    table: int | None
    with_whom: str  # the other side's organization (or role) as their profile says


class Booking(Protocol):
    """A confirmed meeting as storage reads it (bot/storage/matching.py `Confirmed`)."""

    @property
    def id(self) -> int: ...
    @property
    def slot(self) -> int: ...
    @property
    def table_no(self) -> int | None: ...
    @property
    def with_whom(self) -> str: ...


def meetings_of(bookings: Iterable[Booking]) -> list[Meeting]:
    found = []
    for booking in bookings:
        start = slot_start(booking.slot)
        end = start + timedelta(minutes=SLOT_MINUTES)
        found.append(Meeting(booking.id, start, end, booking.table_no, booking.with_whom))
    return found


def meeting_line(view: View, meeting: Meeting) -> str:
    """'🤝 T3 28/10 09:10–09:30 · Table 4 · Acme' (escaped HTML)."""
    zone = view.schedule.zone
    span = view.t.time_range(meeting.start, meeting.end, zone)
    when = f"{view.t.short_day(meeting.start, zone, start=True)} {span}"
    parts = [when, table_name(view, meeting), escape(meeting.with_whom)]
    return "🤝 " + " · ".join(p for p in parts if p)


def table_name(view: View, meeting: Meeting) -> str:
    if meeting.table is None:
        return ""
    return view._("Table %(table)d") % {"table": meeting.table}
