"""No double booking, by the database itself: acceptances racing for a person, a table or the
last free table; one wins, the others roll back whole."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.storage import Storage
from bot.storage.matching import Booked

NOW = datetime.fromisoformat("2025-10-27T10:00:00+07:00")
SLOT = 29_353_290


async def requests(storage: Storage, pairs: list[tuple[int, int]]) -> list[int]:
    ids = []
    for a, b in pairs:
        added = await storage.matching.add_request(a, b, SLOT, "", NOW, NOW + timedelta(days=1))
        assert added is not None
        ids.append(added)
    return ids


async def race(
    storage: Storage, ids: list[int], to: list[int], tables: tuple[int, ...]
) -> list[object]:
    async def one(request_id: int, by: int) -> object:
        try:
            return await storage.matching.accept(request_id, by, tables, NOW)
        except Booked as booked:
            return booked.what

    return list(await asyncio.gather(*(one(i, b) for i, b in zip(ids, to, strict=True))))


async def test_a_person_is_booked_once_per_slot(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        ids = await requests(storage, [(2, 1), (3, 1), (4, 1)])
        outcomes = await race(storage, ids, [1, 1, 1], (1, 2, 3))
        assert sorted(map(str, outcomes)) == ["1", "person", "person"]
        assert await storage.matching.double_bookings() == 0
        statuses = [(await storage.matching.request(i)).status for i in ids]  # type: ignore[union-attr]
        assert sorted(statuses) == ["accepted", "pending", "pending"]  # the losers unchanged
    finally:
        await storage.close()


async def test_a_table_is_booked_once_per_slot(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        ids = await requests(storage, [(1, 2), (3, 4), (5, 6)])
        outcomes = await race(storage, ids, [2, 4, 6], (7, 8))
        assert sorted(map(str, outcomes)) == ["7", "8", "table"]
        assert await storage.matching.double_bookings() == 0
    finally:
        await storage.close()


async def test_the_schema_refuses_a_second_booking_written_by_hand(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        await storage.db.write("INSERT INTO matching_tables VALUES (?, 1, 10)", (SLOT,))
        with pytest.raises(sqlite3.IntegrityError):
            await storage.db.write("INSERT INTO matching_tables VALUES (?, 1, 11)", (SLOT,))
        await storage.db.write("INSERT INTO matching_bookings VALUES (1, ?, 10)", (SLOT,))
        with pytest.raises(sqlite3.IntegrityError):
            await storage.db.write("INSERT INTO matching_bookings VALUES (1, ?, 11)", (SLOT,))
        ids = await requests(storage, [(1, 2)])
        assert ids and await storage.matching.add_request(2, 1, SLOT + 20, "", NOW, NOW) is None
    finally:
        await storage.close()


async def test_hiding_a_profile_takes_it_out_at_once_though_profiles_are_kept_read(
    tmp_path: Path,
) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        await storage.matching.save(1, NOW, organization="Acme", visible=True)
        await storage.matching.save(2, NOW, organization="Sony", visible=True)
        assert {p.user_id for p in await storage.matching.visible_profiles()} == {1, 2}
        await storage.matching.save(2, NOW, visible=False)
        assert {p.user_id for p in await storage.matching.visible_profiles()} == {1}
        await storage.matching.forget(1)
        assert await storage.matching.visible_profiles() == []
    finally:
        await storage.close()
