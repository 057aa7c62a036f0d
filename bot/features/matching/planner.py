"""Timed work of business matching, derived from the database at each due instant: requests
not answered in 24 h expire (the one who asked is told), and both sides of a confirmed
meeting are reminded as for sessions — their own lead time (/reminders: 10, 15, 30 or 60 min),
not at all with reminders off; one dedupe key per meeting, slot and person, never after the
meeting began."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.features.matching import screens
from bot.features.matching.service import KIND, Matching
from bot.outgoing import Outgoing, screen_payload
from bot.storage.matching import MeetingRequest
from bot.storage.users import LEAD_TIMES
from bot.ui.meetings import slot_of, slot_start
from bot.ui.model import Screen
from bot.ui.view import View

log = logging.getLogger(__name__)

HORIZON = timedelta(minutes=max(LEAD_TIMES))


class MatchingPlanner:
    def __init__(self, matching: Matching) -> None:
        self._matching = matching
        self._store = matching.store
        self._next: datetime | None = None

    def next_due(self) -> datetime | None:
        return self._next

    async def run(self) -> int:
        now = self._matching.clock.now()
        told = 0
        for request in await self._store.expire(now):
            told += await self._tell_expired(request)
        for meeting in await self._store.meetings_between(slot_of(now) + 1, slot_of(now + HORIZON)):
            for person in (meeting.from_user, meeting.to_user):
                told += await self._remind(meeting, person, now)
        # The next instant a lead time is reached, over the slots still to come (a handful).
        instants = [
            slot_start(slot) - timedelta(minutes=lead)
            for slot in await self._store.meeting_slots_after(slot_of(now))
            for lead in LEAD_TIMES
            if slot_start(slot) - timedelta(minutes=lead) > now
        ]
        expiry = await self._store.next_expiry()
        self._next = min([*instants, *([expiry] if expiry else [])], default=None)
        if told:
            log.info("matching: %d expiries and reminders queued", told)
        return told

    async def _tell_expired(self, request: MeetingRequest) -> int:
        waiting = request.other(request.awaiting)
        sender = await self._store.profile(request.awaiting)

        def render(view: View) -> Screen:
            return screens.told(view, "expired", request, sender, waiting)

        await self._matching.tell(waiting, f"matching:{request.id}:expired", render)
        return 1

    async def _remind(self, meeting: MeetingRequest, person: int, now: datetime) -> int:
        user = await self._matching.storage.users.get(person)
        if user is None or user.blocked or not user.reminders_on:
            return 0
        if slot_start(meeting.slot) - timedelta(minutes=user.lead_minutes) > now:
            return 0  # not yet: their lead time is shorter
        other = await self._store.profile(meeting.other(person))
        view = self._matching.view_of(user)
        item = Outgoing(
            person,
            screen_payload(screens.reminder(view, meeting, other)),
            f"matching-reminder:{meeting.id}:{meeting.slot}:{person}",
            expires_at=slot_start(meeting.slot),
        )
        return await self._matching.delivery.enqueue(KIND, "matching-reminder", [item], urgent=True)
