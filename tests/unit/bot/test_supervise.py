"""The supervisor: failures are logged and restarted after a growing, capped, resetting
backoff; stopping is not a failure; each task's health is plain data."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.supervise import RESTARTING, RUNNING, STOPPED, Backoff, Supervisor, TaskHealth

TINY = Backoff(first=0.001, cap=0.004, healthy=3600.0)
NOON = datetime(2025, 10, 27, 5, 0, tzinfo=UTC)


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():
            await asyncio.sleep(0.001)


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_backoff_doubles_from_one_second_up_to_thirty() -> None:
    delays = Backoff().delays()
    assert [next(delays) for _ in range(8)] == [1, 2, 4, 8, 16, 30, 30, 30]


async def test_a_failure_is_logged_with_its_traceback_and_the_task_runs_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    supervisor = Supervisor(TINY, now=lambda: NOON)
    runs = 0
    forever = asyncio.Event()

    async def work() -> None:
        nonlocal runs
        runs += 1
        if runs <= 2:
            raise ValueError(f"boom {runs}")
        await forever.wait()

    task = supervisor.start("flaky", work)
    await until(lambda: runs == 3)
    health = task.health()
    await supervisor.stop()
    assert health == TaskHealth("flaky", RUNNING, 2, "ValueError: boom 2", NOON, 0.002)
    logged = errors(caplog)
    assert [r.getMessage() for r in logged] == [
        "background task flaky failed; restart 1 in 0.001 s",
        "background task flaky failed; restart 2 in 0.002 s",
    ]
    assert all(r.exc_info is not None and isinstance(r.exc_info[1], ValueError) for r in logged)


async def test_the_wait_between_restarts_doubles_up_to_the_cap() -> None:
    supervisor = Supervisor(TINY)
    seen: list[float | None] = []

    async def work() -> None:
        seen.append(task.health().delay)  # the wait before this run
        raise RuntimeError("always")

    task = supervisor.start("broken", work)
    await until(lambda: len(seen) == 6)
    await supervisor.stop()
    assert seen == [None, 0.001, 0.002, 0.004, 0.004, 0.004]


async def test_a_healthy_run_resets_the_wait_and_ends_the_failing() -> None:
    supervisor = Supervisor(Backoff(first=0.001, cap=1.0, healthy=0.05))
    seen: list[float | None] = []
    fail_now = asyncio.Event()

    async def work() -> None:
        seen.append(task.health().delay)
        if len(seen) <= 3:
            raise RuntimeError("early failures")
        await fail_now.wait()  # runs well until told otherwise
        fail_now.clear()
        raise RuntimeError("after a healthy stretch")

    task = supervisor.start("recovering", work)
    await until(lambda: len(seen) == 4)
    failing_before = task.health().failing
    await until(lambda: not task.health().failing)  # the healthy stretch went by
    restarts_when_healthy = task.health().restarts
    fail_now.set()
    await until(lambda: len(seen) == 5)
    failing_again = task.health().failing
    await supervisor.stop()
    assert seen == [None, 0.001, 0.002, 0.004, 0.001]
    assert failing_before and failing_again
    assert restarts_when_healthy == 3  # the count is kept; only the streak ends


async def test_cancelling_a_running_task_is_not_a_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    supervisor = Supervisor(TINY)
    started = asyncio.Event()

    async def work() -> None:
        started.set()
        await asyncio.Event().wait()

    task = supervisor.start("steady", work)
    await started.wait()
    await task.cancel()
    assert task.health() == TaskHealth("steady", STOPPED, 0, None, None, None)
    assert errors(caplog) == []


async def test_cancelling_a_task_waiting_out_its_backoff_stops_it_without_a_restart() -> None:
    supervisor = Supervisor(Backoff(first=3600.0))
    runs = 0

    async def work() -> None:
        nonlocal runs
        runs += 1
        raise RuntimeError("down")

    task = supervisor.start("waiting", work)
    await until(lambda: task.health().state == RESTARTING)
    await task.cancel()
    health = task.health()
    assert (health.state, health.restarts, runs) == (STOPPED, 0, 1)
    assert health.last_error == "RuntimeError: down"


async def test_a_cancel_from_inside_the_work_is_a_failure_and_restarted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    supervisor = Supervisor(TINY)
    runs = 0

    async def work() -> None:
        nonlocal runs
        runs += 1
        if runs == 1:
            raise asyncio.CancelledError  # e.g. an inner task that was cancelled
        await asyncio.Event().wait()

    task = supervisor.start("inner-cancel", work)
    await until(lambda: runs == 2)
    await supervisor.stop()
    assert task.health().restarts == 1
    assert task.health().last_error == "CancelledError"
    assert len(errors(caplog)) == 1


async def test_finish_lets_the_work_end_by_itself_and_allows_no_restart(
    caplog: pytest.LogCaptureFixture,
) -> None:
    supervisor = Supervisor(TINY)
    stopping = asyncio.Event()

    async def work() -> None:
        await stopping.wait()  # as the sender: told to stop, it finishes what it does

    task = supervisor.start("graceful", work)
    stopping.set()
    await task.finish()
    assert task.health().state == STOPPED
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_finish_ends_a_task_waiting_out_its_backoff_at_once() -> None:
    supervisor = Supervisor(Backoff(first=3600.0))

    async def work() -> None:
        raise RuntimeError("down")

    task = supervisor.start("waiting", work)
    await until(lambda: task.health().state == RESTARTING)
    await task.finish()
    assert task.health().state == STOPPED


async def test_work_that_ends_by_itself_is_reported(caplog: pytest.LogCaptureFixture) -> None:
    supervisor = Supervisor(TINY)

    async def work() -> None:
        return None

    task = supervisor.start("short-lived", work)
    await until(lambda: task.health().state == STOPPED)
    assert "background task short-lived ended by itself" in caplog.text


async def test_health_lists_every_task_and_failing_only_those_not_recovered() -> None:
    supervisor = Supervisor(Backoff(first=3600.0))

    async def fine() -> None:
        await asyncio.Event().wait()

    async def broken() -> None:
        raise OSError("disk full")

    supervisor.start("fine", fine)
    supervisor.start("broken", broken)
    await until(lambda: len(supervisor.failing()) == 1)
    names = [h.name for h in supervisor.health()]
    [failing] = supervisor.failing()
    await supervisor.stop()
    assert names == ["fine", "broken"]
    assert (failing.name, failing.state, failing.last_error) == (
        "broken",
        RESTARTING,
        "OSError: disk full",
    )
    assert all(h.state == STOPPED for h in supervisor.health())


async def test_every_runs_the_work_at_each_interval_and_after_a_failure() -> None:
    supervisor = Supervisor(TINY)
    runs = 0

    async def check() -> None:
        nonlocal runs
        runs += 1
        if runs == 2:
            raise RuntimeError("one bad check")

    task = supervisor.every("watch", 0.001, check)
    await until(lambda: runs >= 4)
    await supervisor.stop()
    assert task.health().restarts == 1
