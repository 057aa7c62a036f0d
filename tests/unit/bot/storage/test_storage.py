import asyncio
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import Storage
from bot.storage.migrations import MIGRATIONS

T0 = datetime(2025, 10, 27, 1, 0, tzinfo=UTC)


async def test_migrations_bring_a_new_file_to_the_latest_version(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "sub" / "vidw.db")
    try:
        assert await storage.schema_version() == len(MIGRATIONS)
    finally:
        await storage.close()
    reopened = await Storage.open(tmp_path / "sub" / "vidw.db")  # idempotent on restart
    try:
        assert await reopened.schema_version() == len(MIGRATIONS)
    finally:
        await reopened.close()


async def test_first_contact_keeps_its_language_and_later_contacts_unblock(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        first = await storage.users.touch(7, "fr", T0)
        assert (first.language, first.role, first.blocked) == ("fr", "attendee", False)
        await storage.users.mark_blocked(7)
        assert (await storage.users.get(7)).blocked  # type: ignore[union-attr]
        again = await storage.users.touch(7, "vi", T0 + timedelta(hours=1))
        assert again.language == "fr"  # the hint only matters on first contact
        assert not again.blocked
        assert again.first_seen == T0
    finally:
        await storage.close()


async def test_many_concurrent_handlers_share_one_connection_safely(tmp_path: Path) -> None:
    # Attendees arriving together: statements interleaved on one connection used to fail with
    # "cannot commit transaction - SQL statements in progress" (timing-dependent, so several
    # rounds with different arrival patterns).
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        for round_number in range(6):
            jitter = random.Random(round_number)

            async def attendee(user_id: int, jitter: random.Random = jitter) -> None:
                await asyncio.sleep(jitter.random() / 100)  # arrivals spread over 10 ms
                await storage.users.touch(user_id, "vi", T0)
                await asyncio.sleep(jitter.random() / 500)
                assert await storage.users.get(user_id) is not None
                await storage.users.set_last_query(user_id, f"query {user_id}")
                assert await storage.users.last_query(user_id) == f"query {user_id}"

            first = round_number * 300
            await asyncio.gather(*(attendee(i) for i in range(first, first + 300)))
        assert await storage.users.count() == 1800
    finally:
        await storage.close()
