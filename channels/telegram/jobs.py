"""Timed work through PTB's JobQueue: reminders and feedback polls, run when they come due.

Each planner (bot/features/reminders/planner.py, bot/features/feedback/service.py) has one
job waiting for its next due instant
(computed from the programme, not per user), and a safety tick every minute catches anything
else (follows made a minute before a session, a clock moved for a rehearsal). Jobs are
derived from the database at start, never pickled.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from typing import Any, Protocol

from telegram.error import BadRequest
from telegram.ext import JobQueue

from channels.telegram.context import BotContext
from channels.telegram.render import keyboard

log = logging.getLogger(__name__)

SAFETY_TICK = "planners-tick"
TICK_SECONDS = 60


class Planner(Protocol):
    def next_due(self) -> datetime | None: ...

    async def run(self) -> object: ...


def _planners(job_queue: JobQueue[Any]) -> dict[str, Planner]:
    deps = job_queue.application.bot_data.deps
    return {"reminders": deps.reminders, "feedback": deps.feedback, "survey": deps.surveys}


async def _run_all(context: BotContext) -> None:
    assert context.job_queue is not None
    for name, planner in _planners(context.job_queue).items():
        try:
            await planner.run()
        finally:
            _plan_next(context.job_queue, name, planner)


async def _run_one(context: BotContext) -> None:
    assert context.job_queue is not None and context.job is not None
    name = str(context.job.data)
    planner = _planners(context.job_queue)[name]
    try:
        await planner.run()
    finally:
        _plan_next(context.job_queue, name, planner)


def _plan_next(job_queue: JobQueue[Any], name: str, planner: Planner) -> None:
    """(Re)schedule the planner's one precise job at its next due instant."""
    job_name = f"{name}-next"
    for job in job_queue.get_jobs_by_name(job_name):
        job.schedule_removal()
    due = planner.next_due()
    if due is None:
        return
    delay = max(
        0.0, (due - job_queue.application.bot_data.deps.navigator.clock.now()).total_seconds()
    )
    # A late wake-up must still run: the planner itself decides what is still useful.
    job_queue.run_once(
        _run_one, when=delay, name=job_name, data=name, job_kwargs={"misfire_grace_time": None}
    )


PROGRESS_SECONDS = 3


async def _watch_schedule(context: BotContext) -> None:
    await context.deps.programme_reload.check()


async def replan(job_queue: JobQueue[Any]) -> None:
    """After a programme change: queue what is due now under the new times, plan the rest."""
    for name, planner in _planners(job_queue).items():
        await planner.run()
        _plan_next(job_queue, name, planner)


async def _refresh_broadcasts(context: BotContext) -> None:
    """Edit each running broadcast's progress message (and show the final report once)."""
    deps = context.deps
    for broadcast in await deps.broadcasting.running():
        if broadcast.progress_chat is None or broadcast.progress_message is None:
            continue
        profile = await deps.storage.users.get(broadcast.organizer_id)
        if profile is None:
            continue
        screen = await deps.broadcasting.progress_screen(deps.navigator.view(profile), broadcast.id)
        with contextlib.suppress(BadRequest):  # "not modified" between two refreshes
            await context.bot.edit_message_text(
                screen.text,
                chat_id=broadcast.progress_chat,
                message_id=broadcast.progress_message,
                reply_markup=keyboard(screen),
            )


async def start_jobs(job_queue: JobQueue[Any]) -> None:
    """At start: catch up at once (what came due while the bot was down), then plan ahead.

    The catch-up runs here rather than as a job with first=0: jobs are added before the
    scheduler starts, and APScheduler moves an interval job whose first run has just passed
    to the next interval instead of running it.
    """
    await replan(job_queue)
    job_queue.application.bot_data.deps.programme_reload.on_applied.append(
        lambda: replan(job_queue)
    )
    watch = job_queue.application.bot_data.deps.settings.schedule_watch
    job_queue.run_repeating(
        _watch_schedule,
        interval=watch,
        first=watch,
        name="schedule-watch",
        job_kwargs={"misfire_grace_time": max(1, int(watch)), "coalesce": True},
    )
    job_queue.run_repeating(
        _refresh_broadcasts,
        interval=PROGRESS_SECONDS,
        first=PROGRESS_SECONDS,
        name="broadcast-progress",
        job_kwargs={"misfire_grace_time": PROGRESS_SECONDS, "coalesce": True},
    )
    job_queue.run_repeating(
        _run_all,
        interval=TICK_SECONDS,
        first=TICK_SECONDS,
        name=SAFETY_TICK,
        job_kwargs={"misfire_grace_time": TICK_SECONDS // 2, "coalesce": True},
    )
