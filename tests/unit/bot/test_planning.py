"""The planner loop: each planner on its own supervised loop, so one failing planner holds up
none of the others; a run at start, at each due instant, each tick, and at once on `wake`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from bot.clock import Clock
from bot.planning import PlannerLoop
from bot.supervise import Backoff, Supervisor

QUICK = Backoff(first=0.001, cap=0.01, healthy=3600.0)
HOUR = 3600.0


class Counting:
    """A planner that queues nothing; it counts its runs, and may be due soon."""

    def __init__(self, clock: Clock, due_in: float | None = None) -> None:
        self.runs = 0
        self._clock = clock
        self._due_in = due_in

    def next_due(self) -> datetime | None:
        if self._due_in is None:
            return None
        return self._clock.now() + timedelta(seconds=self._due_in)

    async def run(self) -> int:
        self.runs += 1
        return 0


class Broken(Counting):
    async def run(self) -> int:
        await super().run()
        raise RuntimeError("the reminders table is gone")


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():
            await asyncio.sleep(0.001)


async def test_one_failing_planner_does_not_hold_up_the_others(
    clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    supervisor = Supervisor(QUICK)
    broken, working = Broken(clock), Counting(clock)
    planners = PlannerLoop({"broken": broken, "working": working}, clock, supervisor, tick=0.005)
    await planners.start()
    await until(lambda: working.runs >= 5 and broken.runs >= 5)
    await planners.stop()
    [broken_health, working_health] = supervisor.health()
    assert broken_health.name == "planner:broken" and broken_health.restarts >= 4
    assert broken_health.last_error == "RuntimeError: the reminders table is gone"
    assert working_health.name == "planner:working" and not working_health.failing
    assert "background task planner:broken failed" in caplog.text


async def test_start_returns_once_each_planner_has_run_even_one_that_failed(
    clock: Clock,
) -> None:
    supervisor = Supervisor(Backoff(first=HOUR))
    broken, working = Broken(clock), Counting(clock)
    planners = PlannerLoop({"broken": broken, "working": working}, clock, supervisor, tick=HOUR)
    await planners.start()
    runs = (broken.runs, working.runs)
    await planners.stop()
    assert runs == (1, 1)  # the catch-up on what came due while the bot was down


async def test_wake_runs_every_planner_again_at_once(clock: Clock) -> None:
    supervisor = Supervisor(QUICK)
    first, second = Counting(clock), Counting(clock)
    planners = PlannerLoop({"a": first, "b": second}, clock, supervisor, tick=HOUR)
    await planners.start()
    await planners.wake()  # a new programme was applied
    await until(lambda: first.runs == 2 and second.runs == 2)
    await planners.stop()


async def test_a_planner_runs_again_at_its_next_due_instant_before_the_tick(
    clock: Clock,
) -> None:
    supervisor = Supervisor(QUICK)
    soon = Counting(clock, due_in=0.01)
    planners = PlannerLoop({"soon": soon}, clock, supervisor, tick=HOUR)
    await planners.start()
    await until(lambda: soon.runs >= 3)
    await planners.stop()
    assert [h.state for h in supervisor.health()] == ["stopped"]
