"""Reminders before sessions, derived from the database — never one scheduler job per user.

Due instants are the sessions' starts minus the offered lead times (10, 15, 30, 60 min): a
handful of instants, whatever the number of attendees. At each, `run` asks the database who is
due (lead time reached, following the session or its theme, or featured reminders on) and not
yet reminded, renders one message per language, and queues them through the delivery engine as
urgent, with one dedupe key per (user, session, start) and the session's start as expiry: a
reminder is never sent twice, and never after the session began.

After downtime, `run` queues what came due while the bot was down if the session has not
started; reminders of sessions that started meanwhile are counted as missed, not sent late.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from bot.clock import Clock
from bot.delivery.fan_out import fan_out
from bot.delivery.service import Delivery
from bot.features.reminders import screens as reminder_screens
from bot.i18n import Catalogs
from bot.outgoing import Payload, screen_payload
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule, Session
from bot.storage import Storage
from bot.storage.outbox import utc_text
from bot.storage.reminders import reminder_batch
from bot.storage.users import LEAD_TIMES
from bot.ui.view import View

log = logging.getLogger(__name__)

HORIZON = timedelta(minutes=max(LEAD_TIMES))
LAST_RUN = "reminders.last_run"
MISSED = "reminders.missed"


@dataclass(frozen=True)
class ReminderRun:
    queued: int
    missed: int


TravelNote = Callable[[View, Session], str | None]


def key_prefix(session: Session) -> str:
    """The dedupe key is this + the user id: one reminder per (user, session, start time)."""
    return f"reminder:{session.guid}:{utc_text(session.start)}:"


class Reminders:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        catalogs: Catalogs,
        clock: Clock,
        travel: TravelNote | None = None,
    ) -> None:
        self._programme = programme
        # A line about getting there (the coach to a session in the other city), if any.
        self._travel = travel
        self._storage = storage
        self._delivery = delivery
        self._catalogs = catalogs
        self._clock = clock
        # The precise job and the safety tick may meet; a programme change holds it too.
        self._lock = asyncio.Lock()

    async def replace_programme(self, withdrawn: Iterable[str], swap: Callable[[], None]) -> None:
        """Withdraw the queued reminders of moved or removed sessions (by guid) and swap the
        programme with no run in between: a run there would queue them again at the old time."""
        async with self._lock:
            for guid in withdrawn:
                await self._delivery.cancel(reminder_batch(guid))
            swap()

    def next_due(self) -> datetime | None:
        """The next instant at which some reminder comes due."""
        now = self._clock.now()
        instants = [
            session.start - timedelta(minutes=lead)
            for session in self._programme.schedule.sessions
            for lead in LEAD_TIMES
            if session.start - timedelta(minutes=lead) > now
        ]
        return min(instants, default=None)

    async def run(self) -> ReminderRun:
        async with self._lock:
            now = self._clock.now()
            schedule = self._programme.schedule
            queued = 0
            for session in schedule.sessions:
                if now < session.start <= now + HORIZON:
                    queued += await self._remind(schedule, session, now)
            missed, total_missed = await self._count_missed(schedule, now)
            # Together: a run that fails after counting (a busy database) and runs again
            # must not count the same misses twice.
            await self._storage.state.set_many({LAST_RUN: now.isoformat(), **total_missed})
        if queued or missed:
            log.info(
                "reminders: %d queued, %d missed (sessions started while down)", queued, missed
            )
        return ReminderRun(queued, missed)

    async def _remind(self, schedule: Schedule, session: Session, now: datetime) -> int:
        seconds = (session.start - now).total_seconds()
        prefix = key_prefix(session)
        due = await self._storage.reminders.due(
            session.guid,
            session.track_slug,
            session.featured,
            seconds,
            prefix,
            utc_text(session.start),
        )
        if not due:
            return 0
        minutes = max(1, ceil(seconds / 60))

        def render(lang: str) -> Payload:
            view = View(self._catalogs[lang], schedule, now)
            travel = self._travel(view, session) if self._travel is not None else None
            return screen_payload(reminder_screens.reminder(view, session, minutes, travel))

        items = fan_out(due, render, prefix, expires_at=session.start)
        return await self._delivery.enqueue(
            reminder_batch(session.guid), "reminder", items, urgent=True
        )

    async def _count_missed(self, schedule: Schedule, now: datetime) -> tuple[int, dict[str, str]]:
        """The reminders missed since the last run, and the new total to store (if any)."""
        raw = await self._storage.state.get(LAST_RUN)
        if raw is None:
            return 0, {}
        last = datetime.fromisoformat(raw)
        missed = 0
        for session in schedule.sessions:
            if last < session.start <= now:
                missed += await self._storage.reminders.missed(
                    session.guid,
                    session.track_slug,
                    session.featured,
                    key_prefix(session),
                    utc_text(session.start),
                )
        if not missed:
            return 0, {}
        total = int(await self._storage.state.get(MISSED) or 0) + missed
        return missed, {MISSED: str(total)}
