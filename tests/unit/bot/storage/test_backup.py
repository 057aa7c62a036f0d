"""`bot.backup` on real SQLite files, with a real writer (the bot's Storage) running alongside."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.outgoing import Outgoing, Text
from bot.storage import Storage
from bot.storage.backup import BackupError, backup
from tests.conftest import at

NOW = Clock(at("2025-10-27T10:00:00+07:00")).now()
FIRST_NEW = 1_000_000  # ids the writer gives the users it adds during the backup


def read(path: Path, sql: str) -> object:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return db.execute(sql).fetchone()[0]


def backup_files(folder: Path) -> list[str]:
    """The target and any partial copy left beside it."""
    return sorted(p.name for p in folder.iterdir() if "backup" in p.name)


async def live_database(path: Path, users: int) -> Storage:
    storage = await Storage.open(path)
    await storage.users.register_many([(i, "en") for i in range(1, users + 1)], NOW)
    return storage


async def test_a_backup_taken_while_the_bot_writes_is_one_consistent_snapshot(
    tmp_path: Path,
) -> None:
    live, copy = tmp_path / "vidw.db", tmp_path / "backup.db"
    storage = await live_database(live, 3000)
    wrote, stop = threading.Event(), asyncio.Event()

    async def writer() -> None:
        """An attendee writes to the bot, and an announcement is queued for them."""
        user_id = FIRST_NEW
        while not stop.is_set():
            await storage.users.touch(user_id, "vi", NOW)
            item = Outgoing(user_id, Text("hello"), f"backup-test:{user_id}")
            await storage.outbox.enqueue("backup-test", "announcement", [item], NOW)
            wrote.set()
            user_id += 1

    steps: list[tuple[int, int]] = []

    def progress(copied: int, total: int) -> None:
        # Let the writer commit between every two steps: a backup that did not hold one
        # snapshot would start over after each of those writes (or copy a torn database).
        steps.append((copied, total))
        assert len(steps) < 1000, "the backup keeps starting over"
        wrote.clear()
        assert wrote.wait(5), "the writer stalled during the backup"

    try:
        before = await storage.users.count()
        writing = asyncio.create_task(writer())
        try:
            report = await asyncio.to_thread(
                backup, live, copy, progress=progress, pages_per_step=4
            )
        finally:
            stop.set()
            await writing
        after = await storage.users.count()
        live_version = await storage.db.schema_version()
    finally:
        await storage.close()

    assert len(steps) >= 5 and steps[-1][0] == steps[-1][1] == report.pages
    assert [copied for copied, _ in steps] == sorted(copied for copied, _ in steps)  # no restart
    assert read(copy, "PRAGMA integrity_check") == "ok"
    assert read(copy, "PRAGMA user_version") == live_version == report.schema_version > 0
    in_backup = read(copy, "SELECT count(*) FROM users")
    assert isinstance(in_backup, int)
    assert before <= in_backup < after  # a snapshot: the writes during the copy are not in it
    # Each attendee's row is committed just before their announcement: a snapshot shows
    # every announcement's attendee, and at most one attendee without one yet.
    new_users = read(copy, f"SELECT count(*) FROM users WHERE id >= {FIRST_NEW}")
    queued = read(copy, "SELECT count(*) FROM outbox WHERE batch = 'backup-test'")
    assert isinstance(new_users, int) and isinstance(queued, int)
    assert queued <= new_users <= queued + 1
    assert report.size == copy.stat().st_size == report.pages * report.page_size
    assert read(copy, "PRAGMA journal_mode") == "delete"  # one self-contained file
    assert backup_files(tmp_path) == ["backup.db"]


async def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    live, copy = tmp_path / "vidw.db", tmp_path / "backup.db"
    await (await live_database(live, 10)).close()
    copy.write_bytes(b"yesterday's backup")
    with pytest.raises(BackupError, match="exists; pass --force"):
        backup(live, copy)
    assert copy.read_bytes() == b"yesterday's backup"
    assert backup_files(tmp_path) == ["backup.db"]
    backup(live, copy, force=True)
    assert read(copy, "SELECT count(*) FROM users") == 10


def test_a_missing_database_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database at"):
        backup(tmp_path / "nowhere.db", tmp_path / "backup.db")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("target", ["vidw.db", "vidw.db-wal"])
async def test_the_live_database_is_never_a_target(tmp_path: Path, target: str) -> None:
    live = tmp_path / "vidw.db"
    await (await live_database(live, 1)).close()
    with pytest.raises(BackupError, match="is the live database"):
        backup(live, tmp_path / target, force=True)


def test_a_file_that_is_no_database_leaves_no_partial_copy(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_bytes(b"these are not the pages you are looking for" * 100)
    with pytest.raises(BackupError, match="cannot back up"):
        backup(not_a_db, tmp_path / "backup.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    live = tmp_path / "vidw.db"
    sqlite3.connect(live).close()
    with pytest.raises(BackupError, match="no folder"):
        backup(live, tmp_path / "missing" / "backup.db")
