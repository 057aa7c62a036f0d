"""One start/stop sequence: storage, channels, sender, planners, intake; stopped in reverse.

A channel that writes down what the lifecycle asks of it (and what was still running then),
with a real SQLite file, the real catalogs and schedule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.channels import TELEGRAM
from bot.clock import Clock
from bot.config import Settings
from bot.core import load_startup_files
from bot.delivery.pacer import Pacer
from bot.delivery.sender import Transport
from bot.deps import Deps
from bot.i18n import Catalogs
from bot.lifecycle import Lifecycle
from bot.outgoing import Payload, Receipt
from bot.storage import Storage
from bot.supervise import STOPPED, Supervisor
from tests.conftest import SCHEDULE


class Silent:
    async def deliver(self, chat_id: int, payload: Payload) -> Receipt:
        return Receipt(1)


class Notebook:
    """A channel that notes each step and the state of the bot at that step."""

    name = TELEGRAM

    def __init__(self, supervisor: Supervisor, *, refuse_start: bool = False) -> None:
        self.steps: list[str] = []
        self._supervisor = supervisor
        self._refuse_start = refuse_start
        self._storage: Storage | None = None

    async def open(self, storage: Storage, catalogs: Catalogs) -> Transport:
        self._storage = storage
        self.steps.append("open")
        return Silent()

    async def start(self, deps: Deps) -> None:
        self.steps.append(f"start: {self._running()}")
        if self._refuse_start:
            raise RuntimeError("the token was refused")

    async def stop_updates(self) -> None:
        self.steps.append(f"stop_updates: {self._running()}")

    async def close(self) -> None:
        assert self._storage is not None
        await self._storage.state.get("still open")  # storage closes after the channels
        self.steps.append(f"close: {self._running()}")

    def _running(self) -> list[str]:
        return [h.name for h in self._supervisor.health() if h.state != STOPPED]


def _lifecycle(settings: Settings, channel: Notebook, supervisor: Supervisor) -> Lifecycle:
    return Lifecycle(
        settings,
        load_startup_files(settings),
        Clock(),
        Pacer(30),
        [channel],
        rate=30,
        window=4,
        supervisor=supervisor,
    )


@pytest.fixture
def settings(tmp_path: Path, compiled_locales: Path) -> Settings:
    return Settings(
        db_path=tmp_path / "vidw.db", schedule_path=SCHEDULE, locales_dir=compiled_locales
    )


EVERY_TASK = [
    "sender",
    "sender:records",
    "storage-watch",
    "planner:reminders",
    "planner:feedback",
    "planner:survey",
    "planner:matching",
    "schedule-watch",
]


async def test_intake_starts_last_and_stops_first_and_the_channels_close_after_the_sender(
    settings: Settings,
) -> None:
    supervisor = Supervisor()
    channel = Notebook(supervisor)
    lifecycle = _lifecycle(settings, channel, supervisor)
    async with lifecycle.running() as deps:
        assert deps.supervisor is supervisor
    assert channel.steps == [
        "open",
        f"start: {EVERY_TASK}",
        f"stop_updates: {EVERY_TASK}",
        "close: []",
    ]
    assert all(h.state == STOPPED for h in supervisor.health())


async def test_a_start_that_fails_half_way_undoes_what_it_had_done(settings: Settings) -> None:
    supervisor = Supervisor()
    channel = Notebook(supervisor, refuse_start=True)
    lifecycle = _lifecycle(settings, channel, supervisor)
    with pytest.raises(RuntimeError, match="the token was refused"):
        await lifecycle.start()
    await lifecycle.stop()  # as PTB's post_shutdown does: nothing left to do
    assert channel.steps == [
        "open",
        f"start: {EVERY_TASK}",
        f"stop_updates: {EVERY_TASK}",
        "close: []",
    ]
    assert all(h.state == STOPPED for h in supervisor.health())
