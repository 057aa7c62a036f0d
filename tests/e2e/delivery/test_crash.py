"""kill -9 in the middle of a bulk send, then a restart: nothing lost, duplicates bounded."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from bot.config import Settings
from bot.storage import Storage
from standin.botproc import bot_environment, start_bot
from standin.telegram import Limits, StandIn
from tests.conftest import SCHEDULE, at
from tests.e2e.delivery.helpers import texts

RECIPIENTS = 150
RATE = 30
WINDOW = 4  # the bulk connection pool and sender window
FLUSH_INTERVAL = 0.1


async def _queue(db_path: Path, chats: list[int]) -> None:
    storage = await Storage.open(db_path)
    try:
        for chat in chats:
            await storage.users.touch(chat, "en", at("2025-10-27T08:00+07:00"))
        await storage.outbox.enqueue(
            "crash", "announcement", texts("crash", chats), at("2025-10-27T08:00+07:00")
        )
    finally:
        await storage.close()


async def _start_bot(standin: StandIn, db_path: Path, locales: Path) -> asyncio.subprocess.Process:
    base = Settings(schedule_path=SCHEDULE, locales_dir=locales)
    env = bot_environment(
        base, standin.token, standin.base_url, db_path, send_rate=RATE, paid=False
    )
    return await start_bot(env, stderr=asyncio.subprocess.PIPE)


async def _outbox_counts(db_path: Path) -> dict[str, int]:
    """The batch's rows per status, read beside the running bot (SQLite in WAL mode)."""
    storage = await Storage.open(db_path)
    try:
        return await storage.outbox.counts("crash")
    finally:
        await storage.close()


def _delivered(standin: StandIn, chats: list[int]) -> int:
    return sum(len(standin.user(c).messages) for c in chats)


async def test_kill_9_half_way_then_restart_loses_nothing(
    tmp_path: Path, compiled_locales: Path
) -> None:
    chats = list(range(3000, 3000 + RECIPIENTS))
    db_path = tmp_path / "vidw.db"
    await _queue(db_path, chats)
    async with StandIn(limits=Limits(global_rate=RATE, global_burst=5, chat_burst=1)) as standin:
        for chat in chats:
            standin.user(chat, language_code="en")
        first = await _start_bot(standin, db_path, compiled_locales)
        async with asyncio.timeout(30):
            while _delivered(standin, chats) < RECIPIENTS // 3:
                await asyncio.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        before_restart = _delivered(standin, chats)
        assert before_restart < RECIPIENTS

        second = await _start_bot(standin, db_path, compiled_locales)
        # Every chat can have its message before the outbox says so: what the first process
        # sent but had not recorded is sent again. So wait for both.
        async with asyncio.timeout(30):
            while any(not standin.user(c).messages for c in chats):
                await asyncio.sleep(0.05)
            while (await _outbox_counts(db_path))["sent"] < RECIPIENTS:
                await asyncio.sleep(0.05)
        second.send_signal(signal.SIGTERM)
        _, stderr = await second.communicate()

    per_chat = [len(standin.user(c).messages) for c in chats]
    duplicates = sum(per_chat) - RECIPIENTS
    assert min(per_chat) == 1  # nobody lost
    assert duplicates <= WINDOW + max(16, int(RATE * FLUSH_INTERVAL))  # Sender.duplicate_bound
    # A re-send right after the kill can hit the chat's 1 s limit once; it is then retried.
    assert standin.stats.too_many_requests <= duplicates
    log = stderr.decode()
    assert "in flight at the last stop" in log
    assert standin.token not in log
    counts = await _outbox_counts(db_path)
    assert counts["sent"] == RECIPIENTS  # the graceful stop recorded everything
