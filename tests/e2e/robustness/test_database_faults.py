"""The database misbehaving under the real bot: locked past its busy timeout, then full.

A lock is a real one (another connection's BEGIN EXCLUSIVE, the bot's busy timeout shortened
to 0.1 s); a full database is a real SQLITE_FULL (the bot's connection may not grow the file
beyond its pages: PRAGMA max_page_count). People get their answers once the lock is gone,
commands wait too, organizers are told when the disk is full and when room is back, and
nothing queued is lost.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot import patience
from bot.clock import Clock
from bot.config import Settings
from bot.features.broadcast.cli import broadcast
from bot.storage import Storage
from bot.storage.database import is_full
from bot.supervise import Supervisor
from standin.botproc import bot_environment
from standin.common.sqlite_lock import database_locked
from standin.telegram import StandIn
from tests.conftest import at
from tests.e2e.delivery.helpers import delivery_of, recipients, texts, until_done
from tests.e2e.robustness.test_background_restarts import (
    TIMEOUT,
    health,
    start_supervised,  # noqa: F401 (a fixture)
    supervisor,  # noqa: F401 (a fixture)
    until,
)

APOLOGY = "Sorry, something went wrong on my side."
ORGANIZER = 3950
DISK_FULL = "⚠️ The server's disk is full"
ROOM_AGAIN = "✅ The server has disk space again"


def texts_of(standin: StandIn, chat: int) -> list[str]:
    return [m.text or "" for m in standin.user(chat).messages]


async def test_attendees_are_answered_once_a_lock_past_the_busy_timeout_is_gone(
    start_supervised: Callable[..., Any],  # noqa: F811
    standin: StandIn,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    newcomer, regular = standin.user(3900, language_code="en"), standin.user(3901)
    async with start_supervised() as bot:
        await regular.ask("/start")
        async with database_locked(settings.db_path):
            mark = newcomer.seq, regular.seq
            await newcomer.send("/start")  # a first visit: a new row to write
            await regular.send("/help")  # a visit is recorded too
            await asyncio.sleep(1.0)  # ten times the bot's busy timeout
            waiting = len(newcomer.events_since(mark[0])) + len(regular.events_since(mark[1]))
        welcome = await newcomer.wait_for(since=mark[0], timeout=TIMEOUT)
        helped = await regular.wait_for(since=mark[1], timeout=TIMEOUT)
        stored = await bot.bot_data.deps.storage.users.get(newcomer.id)
    assert waiting == 0  # nobody got an apology while the lock was held
    assert "Welcome" in (welcome.text or "")
    assert "Comment utiliser ce bot" in (helped.text or "")
    assert stored is not None
    logged = [r.getMessage() for r in caplog.records]
    assert any("locked by another connection" in m for m in logged)
    assert any("takes writes again" in m for m in logged)
    assert not any(m.startswith("update failed") for m in logged)


async def test_a_lock_held_beyond_the_patience_gets_the_apology_and_the_bot_serves_after(
    start_supervised: Callable[..., Any],  # noqa: F811
    standin: StandIn,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    user = standin.user(3902, language_code="en")
    # People wait half a second here (a minute in production): the lock outlasts it.
    with patience.waiting_up_to(0.5):
        async with start_supervised():
            async with database_locked(settings.db_path):
                apology = await user.ask("/start", timeout=TIMEOUT)
            welcome = await user.ask("/start", timeout=TIMEOUT)
    assert APOLOGY in (apology.text or "")
    assert "Welcome" in (welcome.text or "")
    failed = [r for r in caplog.records if r.getMessage().startswith("update failed")]
    assert len(failed) == 1 and failed[0].exc_info is not None
    assert "stayed locked" in str(failed[0].exc_info[1])


async def test_a_broadcast_from_the_terminal_waits_for_the_lock_and_goes_out(
    start_supervised: Callable[..., Any],  # noqa: F811
    standin: StandIn,
    settings: Settings,
) -> None:
    async with start_supervised() as bot:
        audience = await recipients(bot, standin, 3910, 4)
        async with database_locked(settings.db_path):
            sending = asyncio.create_task(
                broadcast(settings, "all", {"all": "Lunch is served."}, "en", confirmed=True)
            )
            await asyncio.sleep(1.0)
            assert not sending.done()  # waiting for the lock, not failed
        async with asyncio.timeout(TIMEOUT):
            assert await sending == 0
    assert all(texts_of(standin, chat).count("Lunch is served.") == 1 for chat in audience)


async def test_a_command_in_another_process_waits_the_lock_out_and_says_so(
    start_supervised: Callable[..., Any],  # noqa: F811
    standin: StandIn,
    settings: Settings,
    tmp_path: Path,
) -> None:
    """`vidw-bot broadcast` as an organizer types it, while a backup holds the database."""
    text = tmp_path / "announcement.html"
    text.write_text("The closing ceremony starts at 16:00.", encoding="utf-8")
    env = bot_environment(
        settings, standin.token, standin.base_url, settings.db_path, send_rate=30, paid=False
    )
    async with start_supervised() as bot:
        audience = await recipients(bot, standin, 3920, 3)
        async with database_locked(settings.db_path):
            command = await asyncio.create_subprocess_exec(
                sys.executable,
                *("-m", "cli.main", "broadcast", "--audience", "all", "--text", str(text)),
                "--yes",
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            # Past SQLite's own 5 s busy timeout: the command goes on waiting, and says so.
            await asyncio.sleep(6.5)
            assert command.returncode is None
        async with asyncio.timeout(3 * TIMEOUT):
            out, err = await command.communicate()
    assert command.returncode == 0, err.decode()
    assert "locked by another connection" in err.decode()
    assert "queued" in out.decode()
    closing = "The closing ceremony starts at 16:00."
    assert all(texts_of(standin, chat).count(closing) == 1 for chat in audience)


async def fill_up(storage: Storage) -> None:
    """The bot's connection may not grow the file, and its free pages are filled: the next
    write that needs room fails with SQLITE_FULL, as on a full disk."""
    pages = await storage.db.one("PRAGMA page_count")
    assert pages is not None
    await storage.db.one(f"PRAGMA max_page_count = {int(pages[0])}")
    filler = 0
    while True:
        rows = [(f"filler:{filler + n}", "x" * 200) for n in range(50)]
        filler += 50
        try:
            await storage.db.write_many("INSERT INTO state (key, value) VALUES (?, ?)", rows)
        except sqlite3.OperationalError as error:
            assert is_full(error)
            return


async def test_a_full_disk_is_told_to_organizers_and_nothing_queued_is_lost(
    start_supervised: Callable[..., Any],  # noqa: F811
    standin: StandIn,
    clock: Clock,
    supervisor: Supervisor,  # noqa: F811
) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_supervised(organizers=frozenset({ORGANIZER}), tick=0.2) as bot:
        deps = bot.bot_data.deps
        await organizer.ask("/start")
        followers = await recipients(bot, standin, 3960, 30)
        aital = deps.navigator.schedule.session("AITAL")
        assert aital is not None  # 13:30
        for fan in followers:
            await deps.storage.follows.follow(fan, aital.guid, clock.now())
        # An announcement is queued, then the disk fills up.
        queued = texts("before-full", followers, "Welcome to day one")
        await delivery_of(bot).enqueue("before-full", "announcement", queued)
        await fill_up(deps.storage)
        # The reminders come due: queuing them needs room, which there is not.
        clock.set(at("2025-10-27T13:15:01+07:00"))
        alert = await organizer.wait_for(
            lambda m: DISK_FULL in (m.text or ""), since=0, timeout=TIMEOUT
        )
        await until(lambda: health(supervisor, "planner:reminders").restarts >= 1)
        announced = await until_done(delivery_of(bot), "before-full")
        # Space is freed: the bot says so, queues the reminders, and sends them.
        await deps.storage.db.one("PRAGMA max_page_count = 1073741823")
        await organizer.wait_for(lambda m: ROOM_AGAIN in (m.text or ""), since=0, timeout=TIMEOUT)
        for fan in followers:
            await standin.user(fan).wait_for(
                lambda m: (m.text or "").startswith("⏰"), since=0, timeout=TIMEOUT
            )
        answer = await organizer.ask("/help", timeout=TIMEOUT)
    assert "free disk space" in (alert.text or "")
    assert announced.sent == len(followers)
    for fan in followers:
        got = texts_of(standin, fan)
        assert got.count(f"Welcome to day one {fan}") == 1
        assert sum(t.startswith("⏰") for t in got) == 1
    last_error = health(supervisor, "planner:reminders").last_error or ""
    assert "full" in last_error
    assert "How to use this bot" in (answer.text or "")
    assert [DISK_FULL in t for t in texts_of(standin, ORGANIZER)].count(True) == 1
