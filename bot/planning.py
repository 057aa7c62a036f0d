"""Timed work, the same for every process kind: the planners (reminders, feedback polls, the
survey), each on its own supervised loop.

A planner's loop runs it, then sleeps until its next due instant (computed from the
programme, not per user), at most TICK_SECONDS (follows made a minute before a session, a
clock moved for a rehearsal), or until `wake` (a new programme was applied). Each planner has
its own loop, so one that fails does not hold up the others; the supervisor logs the failure
and runs it again after a backoff.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Protocol

from bot.clock import Clock
from bot.supervise import Supervised, Supervisor

TICK_SECONDS = 60.0


class Planner(Protocol):
    """Queues what has come due in the outbox (bot/features/reminders/planner.py,
    bot/features/feedback/service.py, bot/features/survey/service.py)."""

    def next_due(self) -> datetime | None: ...

    async def run(self) -> object: ...


class PlannerLoop:
    def __init__(
        self,
        planners: Mapping[str, Planner],
        clock: Clock,
        supervisor: Supervisor,
        *,
        tick: float = TICK_SECONDS,
        on_success: Callable[[str, datetime], None] | None = None,
    ) -> None:
        self._planners = planners
        self._on_success = on_success  # told of each run that went through (health)
        self._clock = clock
        self._supervisor = supervisor
        self._tick = tick
        self._wakes = {name: asyncio.Event() for name in planners}
        self._tasks: list[Supervised] = []

    async def start(self) -> None:
        """Each planner's loop; returns once each has had its first run (the catch-up on
        what came due while the bot was down), whether that run went well or not."""
        first_runs = []
        for name, planner in self._planners.items():
            first_run = asyncio.Event()
            first_runs.append(first_run)
            self._tasks.append(
                self._supervisor.start(
                    f"planner:{name}", self._loop_of(name, planner, self._wakes[name], first_run)
                )
            )
        for first_run in first_runs:
            await first_run.wait()

    async def wake(self) -> None:
        """A new programme: every planner plans again now (a ProgrammeReload.on_applied
        callback)."""
        for wake in self._wakes.values():
            wake.set()

    async def stop(self) -> None:
        for task in self._tasks:
            await task.cancel()

    def _loop_of(
        self, name: str, planner: Planner, wake: asyncio.Event, first_run: asyncio.Event
    ) -> Callable[[], Awaitable[None]]:
        async def loop() -> None:
            while True:
                wake.clear()  # before the run: a wake during the run means run again
                try:
                    await planner.run()
                finally:
                    first_run.set()
                if self._on_success is not None:
                    self._on_success(name, self._clock.now())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), self._delay(planner))

        return loop

    def _delay(self, planner: Planner) -> float:
        due = planner.next_due()
        if due is None:
            return self._tick
        return max(0.0, min(self._tick, (due - self._clock.now()).total_seconds()))
