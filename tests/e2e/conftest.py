"""The real bot (PTB Application, SQLite file, compiled catalogs) against the stand-in."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.clock import Clock
from bot.config import Settings
from channels.telegram.app import BotApplication
from channels.telegram.runner import running, running_webhook
from cli.compose import telegram_application
from standin.telegram import Limits, StandIn
from standin.zalo import ZaloStandIn
from tests.conftest import SCHEDULE, mark_folder

RunningBot = Callable[..., AbstractAsyncContextManager[BotApplication]]


@pytest.hookimpl(tryfirst=True)  # mark before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything here is end-to-end: `pytest -m "not e2e"` (make test-fast) leaves it out."""
    mark_folder(items, Path(__file__).parent, pytest.mark.e2e)


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    # Functional tests switch the flood limits off; test_faults turns them on.
    async with StandIn(limits=Limits(enforce=False)) as server:
        yield server


@pytest.fixture
async def zalo() -> AsyncIterator[ZaloStandIn]:
    """The Zalo Bot API stand-in, for tests of the Zalo channel."""
    async with ZaloStandIn() as server:
        yield server


@pytest.fixture
def settings(standin: StandIn, tmp_path: Path, compiled_locales: Path) -> Settings:
    return Settings(
        token=standin.token,
        base_url=standin.base_url,
        db_path=tmp_path / "vidw.db",
        schedule_path=SCHEDULE,
        locales_dir=compiled_locales,
    )


@pytest.fixture
def start_bot(settings: Settings, clock: Clock) -> RunningBot:
    """`async with start_bot(**overrides) as app:` — start (or restart) the real bot.

    It long-polls, or serves a webhook when the overrides give one (`webhook=WebhookSettings(...)`).
    """

    @asynccontextmanager
    async def _start(**overrides: Any) -> AsyncIterator[BotApplication]:
        chosen = replace(settings, **overrides)
        app = telegram_application(chosen, clock=clock)
        if chosen.webhook is None:
            serving = running(app, poll_timeout=1)
        else:
            serving = running_webhook(app, chosen.webhook)
        async with serving:
            yield app

    return _start


@pytest.fixture
async def bot(start_bot: RunningBot) -> AsyncIterator[BotApplication]:
    async with start_bot() as app:
        yield app


async def settled(standin: StandIn, app: BotApplication, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Until the bot has fetched every update the stand-in holds and finished handling them.

    The stand-in forgets updates once a getUpdates offset confirms them, which the bot sends
    after putting them in its update queue; join() then waits until each one is handled.
    """
    async with asyncio.timeout(timeout):
        while standin.pending_updates:
            await asyncio.sleep(0.005)
        await app.update_queue.join()
