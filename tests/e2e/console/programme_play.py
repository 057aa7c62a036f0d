"""The console over a copy of the schedule file, which an upload may replace."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from standin.telegram import StandIn
from tests.conftest import SCHEDULE
from tests.e2e.conftest import RunningBot
from tests.e2e.console.conftest import Console, console_running
from tests.schedule_edit import ScheduleEdit


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """The bot's schedule file: a copy the upload replaces."""
    path = tmp_path / "schedule.json"
    shutil.copyfile(SCHEDULE, path)
    return path


@pytest.fixture
async def console(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> AsyncIterator[Console]:
    async with console_running(start_bot, standin, schedule_path=programme) as running:
        yield running


def moved(tmp_path: Path) -> bytes:
    return ScheduleEdit().version("v2").move("AITAL", 90).write(tmp_path / "new.json").read_bytes()
