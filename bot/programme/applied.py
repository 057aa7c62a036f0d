"""The programme last applied: its text and fingerprint are kept in the database (the state
table), so a file replaced or broken while the bot was down is compared with, or replaced by,
what attendees last saw."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from bot.programme.loader import ScheduleError, load_schedule, parse_text
from bot.programme.model import Schedule

log = logging.getLogger(__name__)

APPLIED_TEXT = "schedule.applied"
APPLIED_HASH = "schedule.applied_sha256"


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def programme_at_start(path: Path, last_applied: Callable[[], str | None]) -> Schedule:
    """The file's programme; if the file is broken, the one attendees last saw (a restart
    during the event must not take the bot down). No programme at all stops the bot.
    `last_applied` reads the stored text (storage is not open yet at this point)."""
    try:
        return load_schedule(path)
    except ScheduleError as error:
        text = last_applied()
        if text is None:
            raise
        schedule = parse_text(text, "the programme last applied")
        log.error("%s — serving the programme last applied (%s) instead", error, schedule.version)
        return schedule
