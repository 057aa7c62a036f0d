"""bench load on a small crowd: the walk still finds its buttons and ends with a stored follow."""

from __future__ import annotations

from pathlib import Path

from bench.load import STEPS, run
from bot.config import PAID_RATE_CEILING, Settings
from tests.conftest import SCHEDULE

CROWD = 10


async def test_every_attendee_walks_to_a_stored_follow(
    tmp_path: Path, compiled_locales: Path
) -> None:
    base = Settings(schedule_path=SCHEDULE, locales_dir=compiled_locales)
    outcome = await run(CROWD, PAID_RATE_CEILING, tmp_path, base)
    assert not outcome.errors
    assert outcome.completed == CROWD
    assert outcome.follows_stored == CROWD
    assert {step: len(s) for step, s in outcome.times.by_step.items()} == dict.fromkeys(
        STEPS, CROWD
    )
    assert outcome.messages >= CROWD * len(STEPS)  # a reply or an edit for every step
    assert outcome.bot_log_errors == 0
    assert outcome.bot.peak_mb > 0
    assert outcome.standin.peak_mb > 0
