"""`vidw-bot broadcast` from a terminal: queued in the outbox, sent by the running bot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.features.broadcast.cli import BroadcastError, broadcast, read_texts
from standin.telegram import StandIn
from tests.e2e.conftest import RunningBot


async def test_a_terminal_broadcast_reaches_its_audience_with_a_progress_bar(
    start_bot: RunningBot, standin: StandIn, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    vi = [standin.user(800 + i, language_code="vi") for i in range(3)]
    en = standin.user(810, language_code="en")
    async with start_bot():
        for user in [*vi, en]:
            await user.ask("/start")
        code = await broadcast(
            settings,
            "lang:vi",
            {"all": "<b>Xe buýt</b> khởi hành lúc 17:30."},
            "en",
            confirmed=True,
        )
    out = capsys.readouterr().out
    assert code == 0
    assert "3 recipients" in out and "3/3 · sent 3" in out
    assert all(u.messages[-1].text == "Xe buýt khởi hành lúc 17:30." for u in vi)
    assert "Xe buýt" not in (en.messages[-1].text or "")


async def test_a_wrong_audience_or_text_is_refused_before_anything_is_queued(
    settings: Settings, tmp_path: Path
) -> None:
    with pytest.raises(BroadcastError, match="session:<code>"):
        await broadcast(settings, "everyone", {"all": "x"}, "en", confirmed=True)
    with pytest.raises(BroadcastError, match="no session with the code 'NOPE'"):
        await broadcast(settings, "session:NOPE", {"all": "x"}, "en", confirmed=True)
    long = tmp_path / "long.html"
    long.write_text("x" * 4097, encoding="utf-8")
    with pytest.raises(BroadcastError, match="4097 characters"):
        read_texts(long, {})
    with pytest.raises(BroadcastError, match="--text FILE"):
        read_texts(None, {"vi": None})
    missing = replace(settings)
    with pytest.raises(BroadcastError, match="not a terminal"):
        await broadcast(missing, "all", {"all": "x"}, "en", confirmed=False)
