"""VIDW_SCHEDULE as a URL (a pretalx export, served here by a local aiohttp server): fetched
at start and at every watch, an unchanged export costs a 304, a changed one takes the path
of a replaced file; a failing or hanging server keeps the last programme, and the organizers
hear of it once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from standin.telegram import StandIn
from tests.conftest import SCHEDULE
from tests.e2e.changes.test_schedule_changes import follow, notices, notices_done
from tests.e2e.conftest import RunningBot
from tests.programme_server import ProgrammeServer, serving
from tests.schedule_edit import ScheduleEdit

ORGANIZER = 894
TIMEOUT = 10.0


@pytest.fixture
def server() -> Iterator[ProgrammeServer]:
    with serving(SCHEDULE.read_bytes()) as running:
        yield running


def edited(edit: ScheduleEdit) -> bytes:
    return json.dumps(edit.document, ensure_ascii=False).encode("utf-8")


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(TIMEOUT):
        while not condition():
            await asyncio.sleep(0.05)


def at_url(server: ProgrammeServer, tmp_path: Path) -> dict[str, object]:
    return {
        "schedule_url": server.url,
        "schedule_path": tmp_path / "schedule.from-url.json",
        "schedule_watch": 0.3,
        "schedule_fetch_timeout": 0.5,
        "organizers": frozenset({ORGANIZER}),
    }


async def test_a_changed_export_is_applied_and_an_unchanged_one_costs_a_304(
    start_bot: RunningBot, standin: StandIn, server: ProgrammeServer, tmp_path: Path
) -> None:
    fan = standin.user(895, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="en")
    published = server.published
    async with start_bot(**at_url(server, tmp_path)) as bot:
        await follow(fan, "AITAL")
        mark = organizer.seq
        await organizer.ask("/start")
        await until(lambda: published.answers.count(304) >= 3)
        published.publish(edited(ScheduleEdit().version("v2-online").move("AITAL", 90)))
        summary = await organizer.wait_for(
            lambda m: "Programme updated" in (m.text or ""), since=mark, timeout=TIMEOUT
        )
        await notices_done(bot)
        await until(lambda: published.answers[-1] == 304)
        version = bot.bot_data.deps.navigator.schedule.version
    assert published.answers[0] == 200  # the download at start
    assert published.answers.count(200) == 2  # and the new version: nothing else in full
    assert "2025-10-01 illustrative-1 → v2-online" in summary.text
    [moved] = notices(fan)
    assert "Moved from" in moved and "15:00" in moved
    assert version == "v2-online"


async def test_a_failing_then_hanging_server_keeps_the_programme_and_tells_once(
    start_bot: RunningBot, standin: StandIn, server: ProgrammeServer, tmp_path: Path
) -> None:
    fan = standin.user(896, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="vi")
    published = server.published

    def outage_messages() -> list[str]:
        return [m.text or "" for m in organizer.messages if "Không tải được" in (m.text or "")]

    async with start_bot(**at_url(server, tmp_path)) as bot:
        await organizer.ask("/start")
        published.status = 500
        await until(lambda: published.answers.count(500) >= 3)
        await until(lambda: len(outage_messages()) == 1)
        published.status, published.delay = 200, 2.0  # answers after the bot gave up
        seen = published.requests
        await until(lambda: published.requests >= seen + 3)
        card = await fan.ask("/start s_AITAL")
        reload = await organizer.ask("/reload")
        told = outage_messages()
        version_during = bot.bot_data.deps.navigator.schedule.version
        published.delay = 0.0
        published.publish(edited(ScheduleEdit().version("v3-back").move("AITAL", 30)))
        await until(lambda: bot.bot_data.deps.navigator.schedule.version == "v3-back")
    assert len(told) == 1
    assert "HTTP 500" in told[0]
    assert "cannot fetch the programme" in (reload.text or "")
    assert version_during == "2025-10-01 illustrative-1"
    assert "13:30" in (card.text or "")
