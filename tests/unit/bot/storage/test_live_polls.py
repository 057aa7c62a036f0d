"""Who a live poll goes to, and one open poll per session, in a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import Storage

T0 = datetime(2025, 10, 27, 3, 0, tzinfo=UTC)  # 10:00 in Hanoi
TODAY = datetime(2025, 10, 26, 17, 0, tzinfo=UTC)  # 00:00 in Hanoi


async def test_the_audience_follows_or_opened_the_card_today_and_has_not_blocked(
    tmp_path: Path,
) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        for user_id, lang in ((1, "vi"), (2, "en"), (3, "fr"), (4, "vi"), (5, "en"), (6, "fr")):
            await storage.users.touch(user_id, lang, T0)
        await storage.follows.follow(1, "S", T0)  # follows the session
        await storage.follows.follow_theme(2, "ai", T0)  # follows its theme
        await storage.live_polls.card_opened(3, "S", T0 - timedelta(hours=1))  # opened today
        await storage.live_polls.card_opened(4, "S", TODAY - timedelta(minutes=1))  # yesterday
        await storage.live_polls.card_opened(5, "OTHER", T0)  # another session's card
        await storage.follows.follow(6, "S", T0)
        await storage.users.mark_blocked(6)
        audience = await storage.live_polls.audience("S", "ai", TODAY)
        assert audience == [(1, "vi"), (2, "en"), (3, "fr")]
        await storage.live_polls.card_opened(4, "S", T0)  # opened again, today: now counts
        assert (4, "vi") in await storage.live_polls.audience("S", None, TODAY)
    finally:
        await storage.close()


async def test_one_open_poll_per_session_and_closing_once(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        store = storage.live_polls
        texts = {"vi": "Q", "en": "Q", "fr": "Q"}
        options = (texts, {"vi": "R", "en": "R", "fr": "R"})
        first = await store.start("S", texts, options, False, 9, T0)
        assert first is not None
        assert await store.start("S", texts, options, False, 9, T0) is None  # one open at a time
        assert await store.start("OTHER", texts, options, True, 9, T0) is not None
        frozen = {"by_language": {"1": {"vi": 2}}, "respondents": 2}
        assert await store.close(first, 9, T0, frozen)
        assert not await store.close(first, 8, T0, frozen)  # the second moderator is told
        row = await store.get(first)
        assert row is not None and row.results == frozen and row.closed_at == T0
        assert row.options[1]["en"] == "R"
        assert await store.start("S", texts, options, False, 9, T0) is not None  # a new one
    finally:
        await storage.close()
