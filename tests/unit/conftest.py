"""The bot without channels (bot/core.py assemble) on a real SQLite file, for unit tests of
what it composes: the route table and the navigator. Nothing is sent: the sender is not
started, and its transport refuses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.config import Settings
from bot.core import assemble, load_startup_files
from bot.delivery.pacer import Pacer
from bot.deps import Deps
from bot.outgoing import Payload, Receipt
from bot.storage import Storage
from bot.supervise import Supervisor
from tests.conftest import SCHEDULE

ORGANIZER = 4242
STAFF = 4343


class NothingIsSent:
    async def deliver(self, chat_id: int, payload: Payload) -> Receipt:
        raise AssertionError("unit tests send nothing")


@pytest.fixture
async def core(tmp_path: Path, compiled_locales: Path, clock: Clock) -> AsyncIterator[Deps]:
    settings = Settings(
        db_path=tmp_path / "vidw.db",
        schedule_path=SCHEDULE,
        locales_dir=compiled_locales,
        organizers=frozenset({ORGANIZER}),
        staff=frozenset({STAFF}),
    )
    storage = await Storage.open(settings.db_path)
    try:
        yield await assemble(
            settings,
            load_startup_files(settings),
            storage,
            clock,
            NothingIsSent(),
            Pacer(settings.send_rate),
            Supervisor(),
            rate=settings.send_rate,
            window=4,
        )
    finally:
        await storage.close()
