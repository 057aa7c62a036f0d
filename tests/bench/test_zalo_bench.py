"""bench zalo on a small crowd: every walk ends, by polling (two pollers) and by webhook."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.zalo import STEPS, run
from bot.config import Settings
from tests.conftest import SCHEDULE

CROWD = 6


@pytest.mark.parametrize("pollers", [2, 0])
async def test_every_zalo_user_walks_to_a_theme(compiled_locales: Path, pollers: int) -> None:
    base = Settings(schedule_path=SCHEDULE, locales_dir=compiled_locales)
    outcome = await run(CROWD, 1000.0, 0.0, pollers, base)
    assert outcome.updates == CROWD * len(STEPS)
    assert {step: len(times) for step, times in outcome.times.items()} == dict.fromkeys(
        STEPS, CROWD
    )
