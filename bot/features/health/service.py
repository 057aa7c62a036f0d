"""The bot's health as facts: what must be alive for the bot to keep its promises, and what is
merely degraded. One report for machines (/healthz, web/health.py) and people (/health).

Healthy means: each channel's update intake runs, the sender and its records run, each
planner runs, and the database answers. A supervised task that failed counts as not alive
until it has run well again for a while (the supervisor's `healthy` stretch, a minute by
default: what /stats calls failing). Other tasks failing (the schedule watch, the menus, the
progress edits), a channel that cannot be reached, a full disk: degraded, said, but no 503 —
restarting the bot would not mend them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.features.health.metrics import Metrics
from bot.features.health.report import Check, HealthReport
from bot.i18n import N_
from bot.storage import Storage
from bot.supervise import RESTARTING, STOPPED, Supervisor, TaskHealth

log = logging.getLogger(__name__)

DATABASE_ANSWERS_WITHIN = 2.0  # seconds
# Supervised tasks the bot cannot do without; intakes are added by the channels.
VITAL = ("sender", "sender:records", "planner:")
INTAKE_TASKS = ("zalo-polling-",)

Reachable = Callable[[], dict[str, bool]]  # channel -> can it be reached now


class Health:
    def __init__(self, supervisor: Supervisor, storage: Storage, clock: Clock) -> None:
        self._supervisor = supervisor
        self._storage = storage
        self._clock = clock
        self._intakes: dict[str, Callable[[], bool]] = {}
        self.reachable: Reachable = dict
        self.last_planner_runs: dict[str, datetime] = {}
        self.metrics = Metrics(self)

    def watch_intake(self, name: str, alive: Callable[[], bool]) -> None:
        """A channel's update intake that no supervised task shows (PTB's updater)."""
        self._intakes[name] = alive

    def planner_ran(self, name: str, when: datetime) -> None:
        """A planner's run went through (bot/planning.py calls this)."""
        self.last_planner_runs[name] = when

    async def outbox_depth(self) -> dict[tuple[str, str], int]:
        return await self._storage.outbox.depth()

    def tasks(self) -> Sequence[TaskHealth]:
        return self._supervisor.health()

    async def report(self) -> HealthReport:
        checks = [await self._database()]
        checks += [
            Check(name, alive(), True, "" if alive() else N_("not taking updates"))
            for name, alive in self._intakes.items()
        ]
        checks += [_task_check(task) for task in self._supervisor.health()]
        checks += [
            Check(channel, up, False, "" if up else N_("cannot be reached; its messages wait"))
            for channel, up in self.reachable().items()
        ]
        return HealthReport(tuple(checks), self._clock.now(), dict(self.last_planner_runs))

    async def _database(self) -> Check:
        db = self._storage.db
        try:
            async with asyncio.timeout(DATABASE_ANSWERS_WITHIN):
                answers = await db.answers()
        except Exception:  # whatever it is, the database does not answer
            log.exception("the database does not answer the health check")
            return Check("database", False, True, N_("does not answer"))
        if not answers:
            return Check("database", False, True, N_("does not answer"))
        if db.full:
            return Check("database", False, False, N_("disk full: nothing new is recorded"))
        busy = db.busy_for
        if busy is not None:
            since = self._clock.now() - timedelta(seconds=busy)
            return Check("database", True, True, N_("locked by another process"), since)
        return Check("database", True, True)


def _task_check(task: TaskHealth) -> Check:
    vital = task.name.startswith(VITAL + INTAKE_TASKS)
    if task.state == STOPPED:
        return Check(task.name, False, vital, "stopped", restarts=task.restarts)
    if task.failing or task.state == RESTARTING:
        detail = task.last_error or "restarting"
        return Check(task.name, False, vital, detail, task.failing_since, task.restarts)
    return Check(task.name, True, vital, restarts=task.restarts)
