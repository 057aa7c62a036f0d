"""Audiences pick their recipients in SQL: by channel, the Zalo users are those in
channel_users and Telegram's everyone else; blocked users are left out everywhere."""

from datetime import UTC, datetime
from pathlib import Path

from bot.channels import CHANNEL_BASE, ZALO
from bot.storage import Storage

T0 = datetime(2025, 10, 27, 1, 0, tzinfo=UTC)


async def test_the_channel_audience_picks_the_users_of_that_channel(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        for user_id, lang in ((11, "vi"), (12, "en"), (13, "fr")):
            await storage.users.touch(user_id, lang, T0)
        zalo_ids = []
        for external, lang in (("z-1", "vi"), ("z-2", "fr"), ("z-3", "en")):
            user_id, _ = await storage.channel_users.user_id(ZALO, external)
            await storage.users.touch(user_id, lang, T0)
            zalo_ids.append(user_id)
        await storage.users.mark_blocked(13)
        await storage.users.mark_blocked(zalo_ids[2])
        store = storage.broadcasts
        zalo = await store.recipients("channel:zalo")
        telegram = await store.recipients("channel:telegram")
        everyone = await store.recipients("all")
    finally:
        await storage.close()
    assert zalo == [(zalo_ids[0], "vi"), (zalo_ids[1], "fr")]
    assert all(user_id >= CHANNEL_BASE for user_id, _ in zalo)
    assert telegram == [(11, "vi"), (12, "en")]
    assert sorted(everyone) == sorted(zalo + telegram)
