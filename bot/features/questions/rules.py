"""The limits and states of questions to the panel (see service.py for the rules in words)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

from bot.programme.model import Session
from bot.storage.questions import ANSWERED, APPROVED, PENDING, REJECTED
from bot.ui.sessions import takes_questions

MAX_CHARS = 500
SIGNATURE_CHARS = 120
REASON_CHARS = 300
PER_SESSION = 5
MIN_GAP = timedelta(seconds=20)


class Refusal(Enum):
    CLOSED_NOT_YET = "not-yet"
    CLOSED_ENDED = "ended"
    EMPTY = "empty"
    TOO_LONG = "too-long"
    NO_WORDS = "no-words"
    DUPLICATE = "duplicate"
    TOO_MANY = "too-many"
    TOO_SOON = "too-soon"


class Move(Enum):
    """What a moderator does to a question, and from which states."""

    APPROVE = "approve"
    REJECT = "reject"
    ANSWERED = "answered"
    REOPEN = "reopen"  # an answered or rejected question back to the approved list


FROM = {
    Move.APPROVE: (PENDING,),
    Move.REJECT: (PENDING, APPROVED),
    Move.ANSWERED: (APPROVED,),
    Move.REOPEN: (ANSWERED, REJECTED),
}
TO = {Move.APPROVE: APPROVED, Move.REJECT: REJECTED, Move.ANSWERED: ANSWERED, Move.REOPEN: APPROVED}


def window(session: Session, now: datetime) -> Refusal | None:
    """None while the session takes questions."""
    if takes_questions(session, now):
        return None
    return Refusal.CLOSED_NOT_YET if now < session.start else Refusal.CLOSED_ENDED
