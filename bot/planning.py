"""Timed work when no PTB JobQueue hosts it (a bot serving Zalo alone).

The same planners as channels/telegram/jobs.py (reminders, feedback polls, the survey) and the same
look at the schedule file, on one asyncio loop: it wakes at the planners' next due instant,
at least every TICK_SECONDS, and at once when a new programme was applied (`wake`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from bot.deps import Deps

log = logging.getLogger(__name__)

TICK_SECONDS = 60.0


class PlannerLoop:
    def __init__(self, deps: Deps, *, watch: float, tick: float = TICK_SECONDS) -> None:
        self._deps = deps
        self._watch = watch
        self._tick = tick
        self._wake = asyncio.Event()

    async def wake(self) -> None:
        """A new programme: plan again now (a ProgrammeReload.on_applied callback)."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        deps = self._deps
        planners = (deps.reminders, deps.feedback, deps.surveys)
        next_watch = time.monotonic() + self._watch
        while not stop.is_set():
            for planner in planners:
                try:
                    await planner.run()
                except Exception:  # one failing planner must not stop the others
                    log.exception("%s failed", type(planner).__name__)
            if time.monotonic() >= next_watch:
                await deps.programme_reload.check()
                next_watch = time.monotonic() + self._watch
            await self._sleep(stop, self._delay(next_watch))

    def _delay(self, next_watch: float) -> float:
        deps = self._deps
        now = deps.navigator.clock.now()
        dues = [
            (due - now).total_seconds()
            for due in (
                deps.reminders.next_due(),
                deps.feedback.next_due(),
                deps.surveys.next_due(),
            )
            if due is not None
        ]
        return max(0.0, min([self._tick, next_watch - time.monotonic(), *dues]))

    async def _sleep(self, stop: asyncio.Event, seconds: float) -> None:
        self._wake.clear()
        stopped = asyncio.ensure_future(stop.wait())
        woken = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait(
                {stopped, woken}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            for waiter in (stopped, woken):
                waiter.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await waiter
