"""A bot serving Zalo alone: no Telegram token, the planners on bot/planning.py's loop."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.config import Settings, Zalo
from bot.errors import StartupError
from channels.zalo.app import running_alone
from standin.zalo import ZaloStandIn
from tests.conftest import SCHEDULE, at
from tests.e2e.zalo.test_zalo import choose, meet, number_of
from tests.schedule_edit import ScheduleEdit

TIMEOUT = 10.0


async def test_zalo_alone_browses_reminds_and_applies_a_new_programme(
    settings: Settings, zalo: ZaloStandIn, clock: Clock, tmp_path: Path
) -> None:
    programme = tmp_path / "schedule.json"
    shutil.copyfile(SCHEDULE, programme)
    alone = replace(
        settings,
        token=None,
        schedule_path=programme,
        schedule_watch=1.0,
        zalo=Zalo(zalo.token, zalo.base_url, send_rate=50),
    )
    user = zalo.user("910000000000000001", name="An")
    async with running_alone(alone, clock=clock, poll_timeout=1, tick=0.5):
        await meet(user, "en")
        results = await user.ask("Training AI talent", timeout=TIMEOUT)
        card = await user.ask(number_of(results, "13:30"), timeout=TIMEOUT)
        await choose(user, card, "🔔")
        mark = user.seq
        clock.set(at("2025-10-27T13:15:01+07:00"))  # the loop's next pass finds the reminder due
        reminder = await user.wait_for(
            lambda m: m.text.startswith("⏰"), since=mark, timeout=TIMEOUT
        )
        mark = user.seq
        ScheduleEdit().version("v-alone").move("AITAL", 60).write(programme)
        notice = await user.wait_for(lambda m: m.text.startswith("📣"), since=mark, timeout=TIMEOUT)
    assert "Starts in 15 minutes" in reminder.text
    assert "Moved from" in notice.text and "14:30" in notice.text


async def test_a_refused_zalo_token_stops_the_start_with_a_clear_message(
    settings: Settings, zalo: ZaloStandIn
) -> None:
    alone = replace(settings, token=None, zalo=Zalo("not-the-token", zalo.base_url))
    with pytest.raises(StartupError, match="Zalo refused ZALO_BOT_TOKEN"):
        async with running_alone(alone, poll_timeout=1):
            pass
