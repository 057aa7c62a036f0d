"""Background work outlives its failures: the real bot, a real SQLite file, the stand-ins.

The fault is a real one: another connection holds the database's write lock (BEGIN EXCLUSIVE)
for longer than the bot's busy timeout, so the bot's writes really fail with "database is
locked" (the bot's busy timeout is shortened from 5 s to 0.1 s so that the tests are quick).
Each task that fails is logged at ERROR with its traceback, restarts after its backoff, and
does its work once the lock is gone; the supervisor's health shows the restarts.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.clock import Clock
from bot.config import Settings, Zalo
from bot.features.broadcast.cli import broadcast
from bot.supervise import Backoff, Supervisor, TaskHealth
from channels.telegram.app import BotApplication
from channels.telegram.runner import running
from channels.zalo.app import running_alone
from cli.compose import telegram_application
from standin.common.sqlite_lock import database_locked
from standin.telegram import StandIn
from standin.zalo import ZaloStandIn
from tests.conftest import SCHEDULE, at
from tests.e2e.delivery.helpers import recipients
from tests.schedule_edit import ScheduleEdit

TIMEOUT = 15.0
ANNOUNCEMENT = "The gala dinner starts at 19:00 in the Main Hall."
# Restarts within a fraction of a second; a task that failed stays "failing" for the test.
QUICK = Backoff(first=0.05, cap=0.2, healthy=3600.0)
LOCKED = "OperationalError: database is locked"


@pytest.fixture
def supervisor(clock: Clock) -> Supervisor:
    return Supervisor(QUICK, now=clock.now)


@pytest.fixture
def start_supervised(
    settings: Settings, clock: Clock, supervisor: Supervisor
) -> Callable[..., Any]:
    @asynccontextmanager
    async def _start(*, tick: float = 60.0, **overrides: Any) -> AsyncIterator[BotApplication]:
        app = telegram_application(
            replace(settings, **overrides), clock=clock, supervisor=supervisor, tick=tick
        )
        async with running(app, poll_timeout=1):
            await app.bot_data.deps.storage.db.one("PRAGMA busy_timeout = 100")
            yield app

    return _start


def health(supervisor: Supervisor, task: str) -> TaskHealth:
    return next(h for h in supervisor.health() if h.name == task)


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(TIMEOUT):
        while not condition():
            await asyncio.sleep(0.01)


def failures_logged(caplog: pytest.LogCaptureFixture, task: str) -> list[logging.LogRecord]:
    """The supervisor's ERROR lines for `task`, each with the exception's traceback."""
    return [
        record
        for record in caplog.records
        if record.levelno == logging.ERROR
        and record.getMessage().startswith(f"background task {task} failed")
        and record.exc_info is not None
    ]


async def test_announcements_queued_after_a_database_lock_past_the_busy_timeout_still_go_out(
    start_supervised: Callable[..., Any],
    standin: StandIn,
    settings: Settings,
    supervisor: Supervisor,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with start_supervised() as bot:
        audience = await recipients(bot, standin, 3500, 5)
        async with database_locked(settings.db_path):
            # The sender's next look into the outbox (at most a second away) fails.
            await until(lambda: health(supervisor, "sender").restarts >= 1)
        async with asyncio.timeout(TIMEOUT):
            sent = await broadcast(settings, "all", {"all": ANNOUNCEMENT}, "en", confirmed=True)
    sender = health(supervisor, "sender")
    assert sent == 0
    assert all(
        any(ANNOUNCEMENT in (m.text or "") for m in standin.user(c).messages) for c in audience
    )
    assert sender.restarts >= 1 and sender.last_error == LOCKED
    logged = failures_logged(caplog, "sender")
    assert logged
    assert all("database is locked" in str(r.exc_info[1]) for r in logged if r.exc_info)


async def test_a_reminder_due_while_its_planner_fails_goes_out_once_the_planner_restarts(
    start_supervised: Callable[..., Any],
    standin: StandIn,
    settings: Settings,
    clock: Clock,
    supervisor: Supervisor,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with start_supervised(tick=0.2) as bot:
        deps = bot.bot_data.deps
        [fan] = await recipients(bot, standin, 3600, 1)
        aital = deps.navigator.schedule.session("AITAL")
        assert aital is not None  # 13:30
        await deps.storage.follows.follow(fan, aital.guid, clock.now())
        async with database_locked(settings.db_path):
            clock.set(at("2025-10-27T13:15:01+07:00"))  # its next run (a tick away) fails
            await until(lambda: health(supervisor, "planner:reminders").restarts >= 1)
        reminder = await standin.user(fan).wait_for(
            lambda m: (m.text or "").startswith("⏰"), since=0, timeout=TIMEOUT
        )
    assert "Starts in 15 minutes" in (reminder.text or "")
    assert health(supervisor, "planner:reminders").last_error == LOCKED
    assert failures_logged(caplog, "planner:reminders")


async def test_the_schedule_watch_applies_a_new_file_once_its_failed_check_restarts(
    start_supervised: Callable[..., Any],
    standin: StandIn,
    settings: Settings,
    supervisor: Supervisor,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    programme = tmp_path / "schedule.json"
    shutil.copyfile(SCHEDULE, programme)
    async with start_supervised(schedule_path=programme, schedule_watch=0.2) as bot:
        async with database_locked(settings.db_path):
            # Applying it withdraws the moved session's reminders: a write, which fails.
            ScheduleEdit().version("v-after-lock").move("AITAL", 60).write(programme)
            await until(lambda: health(supervisor, "schedule-watch").restarts >= 1)
        await until(lambda: bot.bot_data.deps.navigator.schedule.version == "v-after-lock")
    assert health(supervisor, "schedule-watch").last_error == LOCKED
    assert failures_logged(caplog, "schedule-watch")


async def test_zalo_polling_restarts_after_failed_get_updates_and_answers_again(
    settings: Settings,
    zalo: ZaloStandIn,
    supervisor: Supervisor,
    caplog: pytest.LogCaptureFixture,
) -> None:
    alone = replace(settings, token=None, zalo=Zalo(zalo.token, zalo.base_url, send_rate=50))
    user = zalo.user("910000000000000002", name="Minh")
    async with running_alone(alone, poll_timeout=1, supervisor=supervisor):
        zalo.fail("getUpdates", 502, times=3, description="Bad Gateway")
        await until(lambda: health(supervisor, "zalo-polling-0").restarts == 3)
        picker = await user.ask("xin chào", timeout=TIMEOUT)
    polling = health(supervisor, "zalo-polling-0")
    assert "Choose your language" in picker.text
    assert polling.last_error is not None and "Bad Gateway" in polling.last_error
    assert len(failures_logged(caplog, "zalo-polling-0")) == 3


async def test_stats_show_staff_a_failing_background_task_and_nothing_when_all_is_well(
    start_supervised: Callable[..., Any],
    standin: StandIn,
    settings: Settings,
    supervisor: Supervisor,
) -> None:
    staff = standin.user(3700, language_code="en")
    async with start_supervised(staff=frozenset({staff.id})):
        healthy = await staff.ask("/stats")
        async with database_locked(settings.db_path):
            await until(lambda: health(supervisor, "sender").restarts >= 1)
        # Running again, but not yet for a healthy stretch: still shown.
        failing = await staff.ask("/stats")
    assert "Background work in trouble" not in (healthy.text or "")
    assert "⚠️" not in (healthy.text or "")
    assert "Background work in trouble" in (failing.text or "")
    assert "⚠️ sender: failing since 10:0" in (failing.text or "")  # by the bot's clock
    assert "database is locked" in (failing.text or "")
