"""The attendee's agenda as an iCalendar file (RFC 5545) for Google Calendar, Outlook and Apple.

Events keep a stable UID per session, so importing a newer export updates the events instead of
duplicating them. Times carry the conference's named zone (with its VTIMEZONE) when there is one;
an export whose zone is only a fixed offset gets UTC times, which every client reads the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from icalendar import STATUS, TRANSP, Calendar, Event

from bot.programme.model import Schedule, Session
from bot.ui.meetings import Meeting

PRODID = "-//VIDW attendee bot//vidw-bot//EN"


def agenda_calendar(
    sessions: Sequence[Session],
    schedule: Schedule,
    lang: str,
    *,
    now: datetime,
    meetings: Sequence[tuple[Meeting, str, str]] = (),
) -> bytes:
    """The attendee's agenda as an iCalendar file (RFC 5545) that Google Calendar, Outlook and
    Apple Calendar import."""
    zone: tzinfo = schedule.zone if isinstance(schedule.zone, ZoneInfo) else UTC
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        method="PUBLISH",
        name=schedule.title_in(lang),  # also written as X-WR-CALNAME
        subcomponents=[
            *(_event(s, zone, lang, now) for s in sessions),
            *(_meeting(m, summary, place, zone, now) for m, summary, place in meetings),
        ],
    )
    # Calendar.new() adds a random calendar UID; without it the same agenda gives the same bytes.
    del calendar["UID"]
    if isinstance(zone, ZoneInfo):
        calendar.add("X-WR-TIMEZONE", zone.key)
        calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()  # untyped in icalendar 7.3
    return ical


def _event(session: Session, zone: tzinfo, lang: str, now: datetime) -> Event:
    return Event.new(
        uid=f"{session.guid}@vidw-bot",
        stamp=now.astimezone(UTC),
        start=session.start.astimezone(zone),
        end=session.end.astimezone(zone),
        summary=session.title_in(lang),
        location=session.room_in(lang) or None,
        description=_description(session, lang),
        categories=[session.track.name_in(lang)] if session.track else (),
        sequence=0,
        status=STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )


def _meeting(meeting: Meeting, summary: str, place: str, zone: tzinfo, now: datetime) -> Event:
    """A confirmed business-matching meeting: its summary and table, in the reader's words."""
    return Event.new(
        uid=f"meeting-{meeting.id}@vidw-bot",
        stamp=now.astimezone(UTC),
        start=meeting.start.astimezone(zone),
        end=meeting.end.astimezone(zone),
        summary=summary,
        location=place or None,
        sequence=0,
        status=STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )


def _description(session: Session, lang: str) -> str | None:
    # The same language-neutral speakers line as the session screen, so no catalog text is needed.
    speakers = "🎤 " + ", ".join(session.persons) if session.persons else ""
    return "\n\n".join(part for part in (session.abstract_in(lang), speakers) if part) or None
