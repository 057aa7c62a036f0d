"""Answers stored by option key: a crowd at once, quick re-votes, retractions, languages."""

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.storage import Storage
from bot.storage.feedback import SentPoll

T0 = datetime(2025, 10, 27, 5, 5, tzinfo=UTC)


async def test_a_crowd_of_answers_with_quick_revotes_and_retractions(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "vidw.db")
    store = storage.feedback
    try:
        langs = ("vi", "en", "fr")
        await asyncio.gather(
            *(store.answer("s", "rating", u, ["5"], langs[u % 3], T0) for u in range(300))
        )
        # Within one burst: user 1 changes their mind twice, user 2 retracts.
        await asyncio.gather(
            store.answer("s", "rating", 1, ["4"], "en", T0),
            store.answer("s", "rating", 1, ["3"], "en", T0),
            store.answer("s", "rating", 2, [], "fr", T0),
        )
        results = await store.results("s", "rating")
        assert results["5"] == {"vi": 100, "en": 99, "fr": 99}
        assert results["3"] == {"en": 1}
        assert "4" not in results
        assert await store.user_answer("s", "rating", 1) == ["3"]
        assert await store.user_answer("s", "rating", 2) == []
    finally:
        await storage.close()


async def test_poll_mappings_survive_a_restart(tmp_path: Path) -> None:
    poll = SentPoll("p1", "session:g", "rating", 7, "vi", ("5", "4", "3", "2", "1", "absent"), 12)
    storage = await Storage.open(tmp_path / "vidw.db")
    try:
        await storage.feedback.register(poll, T0)
    finally:
        await storage.close()
    reopened = await Storage.open(tmp_path / "vidw.db")  # a fresh process: empty cache
    try:
        assert await reopened.feedback.poll("p1") == poll
        assert await reopened.feedback.poll("p2") is None
    finally:
        await reopened.close()
