"""The database waits a busy spell out or fails fast, as its context asks, and knows when it is
full: real SQLite files, a real second connection holding the write lock, a real page limit."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import pytest

from bot import patience
from bot.outgoing import Outgoing, Text
from bot.storage import Storage
from bot.storage.database import DatabaseBusy, is_busy, is_full
from standin.common.sqlite_lock import database_locked
from tests.conftest import at

NOW = at("2025-10-27T10:00:00+07:00")


async def quick_storage(path: Path) -> Storage:
    storage = await Storage.open(path)
    await storage.db.one("PRAGMA busy_timeout = 50")  # SQLite's own wait: short, for speed
    return storage


async def release_after(seconds: float, lock: asyncio.Event) -> None:
    await asyncio.sleep(seconds)
    lock.set()


async def test_a_write_waits_out_a_lock_longer_than_the_busy_timeout(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    storage = await quick_storage(tmp_path / "vidw.db")
    try:
        gone = asyncio.Event()

        async def hold() -> None:
            async with database_locked(tmp_path / "vidw.db"):
                await gone.wait()

        holder = asyncio.create_task(hold())
        await asyncio.sleep(0.2)  # the lock is taken
        asyncio.get_running_loop().call_later(0.5, gone.set)
        with patience.waiting_up_to(10):
            profile = await storage.users.touch(42, "vi", NOW)
        await holder
        assert profile.id == 42 and await storage.users.count() == 1
        assert storage.db.busy_for is None  # the spell is over
    finally:
        await storage.close()
    messages = [r.getMessage() for r in caplog.records]
    assert any("locked by another connection" in m for m in messages)
    assert any("takes writes again" in m for m in messages)


async def test_reads_go_on_while_another_connection_holds_the_write_lock(tmp_path: Path) -> None:
    storage = await quick_storage(tmp_path / "vidw.db")
    try:
        await storage.users.touch(42, "vi", NOW)
        async with database_locked(tmp_path / "vidw.db"):
            with patience.waiting_up_to(0):
                assert await storage.users.get(42) is not None
                assert await storage.db.answers()
    finally:
        await storage.close()


async def test_past_its_patience_a_write_gives_up_with_a_clear_error(tmp_path: Path) -> None:
    storage = await quick_storage(tmp_path / "vidw.db")
    try:
        async with database_locked(tmp_path / "vidw.db"):
            with patience.waiting_up_to(0.3), pytest.raises(DatabaseBusy, match="stayed locked"):
                await storage.users.touch(42, "vi", NOW)
            assert storage.db.busy_for is not None
        # Nothing half-done is left behind: the next write goes through.
        await storage.users.touch(42, "vi", NOW)
        assert await storage.users.count() == 1
    finally:
        await storage.close()


async def test_without_patience_a_busy_write_fails_at_once_as_sqlite_said(tmp_path: Path) -> None:
    storage = await quick_storage(tmp_path / "vidw.db")
    try:
        async with database_locked(tmp_path / "vidw.db"):
            with patience.waiting_up_to(0), pytest.raises(sqlite3.OperationalError) as raised:
                await storage.users.touch(42, "vi", NOW)
        assert is_busy(raised.value) and not isinstance(raised.value, DatabaseBusy)
        assert str(raised.value) == "database is locked"
    finally:
        await storage.close()


async def test_a_transaction_takes_the_lock_first_and_waits_for_it(tmp_path: Path) -> None:
    storage = await quick_storage(tmp_path / "vidw.db")
    item = Outgoing(42, Text("hello"), "test:42")
    try:
        await storage.users.touch(42, "en", NOW)
        await storage.outbox.enqueue("b", "announcement", [item], NOW)
        gone = asyncio.Event()

        async def hold() -> None:
            async with database_locked(tmp_path / "vidw.db"):
                await gone.wait()

        holder = asyncio.create_task(hold())
        await asyncio.sleep(0.2)
        asyncio.get_running_loop().call_later(0.4, gone.set)
        with patience.waiting_up_to(10):
            claimed = await storage.outbox.claim(NOW, 10)  # a transaction
        await holder
        assert [c.chat_id for c in claimed] == [42]
    finally:
        await storage.close()


async def test_a_full_database_fails_writes_whole_and_says_when_room_is_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    storage = await quick_storage(tmp_path / "vidw.db")
    try:
        await storage.users.touch(1, "en", NOW)
        pages = await storage.db.one("PRAGMA page_count")
        assert pages is not None
        await storage.db.one(f"PRAGMA max_page_count = {int(pages[0])}")  # no page to grow by
        many = [(user_id, "en") for user_id in range(2, 3000)]
        with pytest.raises(sqlite3.OperationalError) as raised:
            await storage.users.register_many(many, NOW)
        assert is_full(raised.value)
        assert storage.db.full
        assert await storage.users.count() == 1  # nothing of the failed write landed
        assert not await storage.db.check_room()
        assert storage.db.full
        await storage.db.one("PRAGMA max_page_count = 1073741823")
        assert await storage.db.check_room()
        assert not storage.db.full
        await storage.users.register_many(many, NOW)
        assert await storage.users.count() == 1 + len(many)
    finally:
        await storage.close()
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "no room left" in errors[0].getMessage()
