"""The rules of business matching that need no storage: when meetings can be held, how two
profiles match, what a profile's texts may hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from bot.programme.model import Schedule, Session
from bot.storage.matching import Profile
from bot.ui.meetings import SLOT_MINUTES, slot_of, slot_start

ABOUT_CHARS = 300
DETAIL_CHARS = 80  # organization, role, country each
ANSWER_WITHIN = timedelta(hours=24)  # a request not answered by then expires


class Refusal(Enum):
    """Why a meeting request (or its answer) is refused; nothing is changed."""

    NO_PROFILE = "no-profile"  # the asker has not opted in
    NOT_OPTED_IN = "not-opted-in"  # the other person has not (or no longer)
    SELF = "self"
    PAST = "past"
    OUTSIDE = "outside"  # not a slot of the business-matching sessions
    PENDING = "pending"  # a request between the two is waiting for an answer
    PERSON_BOOKED = "person-booked"
    NO_TABLE = "no-table"
    NOT_YOURS = "not-yours"  # no longer waiting for this person's answer
    TOO_LONG = "too-long"  # a message over ABOUT_CHARS


def matching_sessions(schedule: Schedule) -> list[Session]:
    """The business-matching sessions of the programme (BM1, BM2…)."""
    return [
        s
        for s in schedule.sessions
        if s.kind.casefold() == "business matching" or s.key.upper().startswith("BM")
    ]


def all_slots(schedule: Schedule) -> list[int]:
    step = timedelta(minutes=SLOT_MINUTES)
    slots: set[int] = set()
    for session in matching_sessions(schedule):
        start = session.start
        while start + step <= session.end:
            slots.add(slot_of(start))
            start += step
    return sorted(slots)


def slot_refusal(schedule: Schedule, slot: int, now: datetime) -> Refusal | None:
    if slot not in all_slots(schedule):
        return Refusal.OUTSIDE
    if slot_start(slot) <= now:
        return Refusal.PAST
    return None


def clashing_slots(schedule: Schedule, followed: set[str]) -> set[int]:
    """The slots that overlap a session someone follows (their agenda does not allow them):
    not the business-matching sessions themselves, nor the all-day exhibition."""
    step = timedelta(minutes=SLOT_MINUTES)
    busy = [
        s
        for s in schedule.sessions
        if s.guid in followed
        and s not in matching_sessions(schedule)
        and s.kind.casefold() != "exhibition"
    ]
    return {
        slot
        for slot in all_slots(schedule)
        if any(s.start < slot_start(slot) + step and slot_start(slot) < s.end for s in busy)
    }


def open_slots(schedule: Schedule, now: datetime, busy: set[int]) -> list[int]:
    return [s for s in all_slots(schedule) if slot_start(s) > now and s not in busy]


def score(mine: Profile, theirs: Profile) -> int:
    """Themes in common, plus what I offer that they seek and what they offer that I seek."""
    return (
        len(mine.themes & theirs.themes)
        + len(mine.offering & theirs.seeking)
        + len(mine.seeking & theirs.offering)
    )


def ranked(mine: Profile, others: Sequence[Profile]) -> list[tuple[Profile, int]]:
    """Every other opted-in profile, best match first (then the earliest to opt in)."""
    scored = [(p, score(mine, p)) for p in others if p.visible and p.user_id != mine.user_id]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].id))


@dataclass(frozen=True)
class Details:
    organization: str
    role: str
    country: str


def read_details(text: str) -> Details | None:
    """'Organization; role; country' (a line each also reads); None if it is not that."""
    separator = ";" if ";" in text else "\n"
    parts = [" ".join(p.split()) for p in text.split(separator)]
    if len(parts) != 3 or not all(parts) or any(len(p) > DETAIL_CHARS for p in parts):
        return None
    return Details(*parts)
