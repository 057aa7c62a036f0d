"""Every background loop runs under one supervisor: nothing dies silently.

A loop that raises is logged at ERROR with its traceback (each time) and started again after
a backoff (1 s, 2 s, 4 s … at most 30 s; back to 1 s once it has run well for a while). Each
task's health (running or restarting, how many restarts, the last error, failing since when)
is plain data: /stats shows the failing ones to staff and organizers, and a health endpoint
can serve `Supervisor.health()` as it is. Cancelling a task to stop it is not a failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from bot import patience

log = logging.getLogger(__name__)

Work = Callable[[], Awaitable[object]]

RUNNING, RESTARTING, STOPPED = "running", "restarting", "stopped"


@dataclass(frozen=True)
class Backoff:
    """How long a failed task waits before its next start."""

    first: float = 1.0
    cap: float = 30.0
    healthy: float = 60.0  # a run this long resets the wait to `first` and ends the failing

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield min(delay, self.cap)
            delay *= 2


@dataclass(frozen=True)
class TaskHealth:
    name: str
    state: str  # RUNNING, RESTARTING (waiting out its backoff) or STOPPED
    restarts: int  # since the process started
    last_error: str | None  # "OperationalError: database is locked"
    failing_since: datetime | None  # the first failure not yet followed by a healthy run
    delay: float | None  # the wait before the latest restart

    @property
    def failing(self) -> bool:
        return self.failing_since is not None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Supervised:
    """One supervised task: its runs, its restarts, its health."""

    def __init__(
        self, name: str, work: Work, backoff: Backoff, now: Callable[[], datetime]
    ) -> None:
        self.name = name
        self._work = work
        self._backoff = backoff
        self._now = now
        self._delays = backoff.delays()
        self._state = RUNNING
        self._restarts = 0
        self._last_error: str | None = None
        self._failing_since: datetime | None = None
        self._delay: float | None = None
        self._finishing = False
        self._task = asyncio.create_task(self._supervise(), name=name)
        self._task.add_done_callback(self._stopped)  # also when cancelled before it ran

    def health(self) -> TaskHealth:
        return TaskHealth(
            self.name,
            self._state,
            self._restarts,
            self._last_error,
            self._failing_since,
            self._delay,
        )

    async def cancel(self) -> None:
        """Stop now, wherever the work is."""
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._state = STOPPED

    async def finish(self) -> None:
        """No more restarts: wait for the work under way to end by itself (the caller told
        it to), or end now if it is waiting out a backoff."""
        self._finishing = True
        if self._state == RESTARTING:
            self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._state = STOPPED

    async def _supervise(self) -> None:
        # A busy database fails this task's queries at once: restarting it is our job here,
        # and a task failing shows (bot/patience.py).
        patience.fail_fast()
        loop = asyncio.get_running_loop()
        while True:
            self._state = RUNNING
            healthy = loop.call_later(self._backoff.healthy, self._ran_well)
            error: BaseException
            try:
                await self._work()
            except asyncio.CancelledError as exc:
                if self._asked_to_stop():
                    raise
                error = exc  # cancelled from inside, not by a stop: a failure like any
            except Exception as exc:
                error = exc
            else:
                if not self._finishing:
                    log.warning("background task %s ended by itself", self.name)
                return
            finally:
                healthy.cancel()
            if self._finishing:
                log.error("background task %s failed while stopping", self.name, exc_info=error)
                return
            await self._restart_after(error)

    def _stopped(self, _task: asyncio.Task[None]) -> None:
        self._state = STOPPED

    def _asked_to_stop(self) -> bool:
        task = asyncio.current_task()
        return task is not None and task.cancelling() > 0

    async def _restart_after(self, error: BaseException) -> None:
        self._delay = next(self._delays)
        self._last_error = f"{type(error).__name__}: {error}".rstrip(": ")
        if self._failing_since is None:
            self._failing_since = self._now()
        self._state = RESTARTING
        log.error(
            "background task %s failed; restart %d in %.3g s",
            self.name,
            self._restarts + 1,
            self._delay,
            exc_info=error,
        )
        await asyncio.sleep(self._delay)
        self._restarts += 1

    def _ran_well(self) -> None:
        """A run as long as `healthy`: the next failure waits the shortest time again."""
        self._delays = self._backoff.delays()
        self._failing_since = None


class Supervisor:
    """Starts background tasks under supervision and reports on them."""

    def __init__(
        self, backoff: Backoff | None = None, *, now: Callable[[], datetime] = _utc_now
    ) -> None:
        self._backoff = backoff or Backoff()
        self._now = now
        self._tasks: list[Supervised] = []

    def start(self, name: str, work: Work) -> Supervised:
        """Run `work()` now and again after each failure, until stopped."""
        task = Supervised(name, work, self._backoff, self._now)
        self._tasks.append(task)
        return task

    def every(self, name: str, seconds: float, work: Work) -> Supervised:
        """Run `work()` every `seconds` (the first time after `seconds`), supervised."""

        async def repeat() -> None:
            while True:
                await asyncio.sleep(seconds)
                await work()

        return self.start(name, repeat)

    def health(self) -> list[TaskHealth]:
        """Every task started so far, in the order they were started."""
        return [task.health() for task in self._tasks]

    def failing(self) -> list[TaskHealth]:
        """The tasks that failed and have not run well since."""
        return [health for health in self.health() if health.failing]

    async def stop(self) -> None:
        """Cancel whatever is still running (each owner normally stops its own first)."""
        for task in reversed(self._tasks):
            await task.cancel()
