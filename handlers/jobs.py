"""Timed work through PTB's JobQueue: reminders, run exactly when they come due.

One job waits for the next due instant (computed from the programme, not per user), and a
safety tick every minute catches anything else (follows made a minute before a session,
a clock moved for a rehearsal). Jobs are derived from the database at start, never pickled.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.ext import JobQueue

from handlers.context import BotContext

log = logging.getLogger(__name__)

NEXT_REMINDERS = "reminders-next"
SAFETY_TICK = "reminders-tick"
TICK_SECONDS = 60


async def _run_reminders(context: BotContext) -> None:
    try:
        await context.deps.reminders.run()
    finally:
        assert context.job_queue is not None
        plan_next_reminders(context.job_queue)


def plan_next_reminders(job_queue: JobQueue[Any]) -> None:
    """(Re)schedule the one precise job at the next due instant."""
    for job in job_queue.get_jobs_by_name(NEXT_REMINDERS):
        job.schedule_removal()
    deps = job_queue.application.bot_data.deps
    due = deps.reminders.next_due()
    if due is None:
        return
    delay = max(0.0, (due - deps.navigator.clock.now()).total_seconds())
    # A late wake-up must still run: the reminder logic itself decides what is still useful.
    job_queue.run_once(
        _run_reminders, when=delay, name=NEXT_REMINDERS, job_kwargs={"misfire_grace_time": None}
    )


async def start_jobs(job_queue: JobQueue[Any]) -> None:
    """At start: catch up at once (what came due while the bot was down), then plan ahead.

    The catch-up runs here rather than as a job with first=0: jobs are added before the
    scheduler starts, and APScheduler moves an interval job whose first run has just passed
    to the next interval instead of running it.
    """
    await job_queue.application.bot_data.deps.reminders.run()
    job_queue.run_repeating(
        _run_reminders,
        interval=TICK_SECONDS,
        first=TICK_SECONDS,
        name=SAFETY_TICK,
        job_kwargs={"misfire_grace_time": TICK_SECONDS // 2, "coalesce": True},
    )
    plan_next_reminders(job_queue)
