"""The process root of a bot serving Zalo alone (ZALO_BOT_TOKEN without a Telegram token).

The same start/stop sequence as the Telegram process (bot/lifecycle.py), with the Zalo channel
as its only channel. Organizer and staff work is done from the command line in this setup.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager, suppress

from bot.clock import Clock
from bot.config import Settings
from bot.core import load_startup_files
from bot.delivery.pacer import Pacer
from bot.deps import Deps
from bot.lifecycle import Lifecycle, Service
from bot.planning import TICK_SECONDS
from bot.supervise import Supervisor
from channels.zalo.channel import ZaloChannel
from channels.zalo.updates import POLL_TIMEOUT

log = logging.getLogger(__name__)
SEND_WINDOW = 4


@asynccontextmanager
async def running_alone(
    settings: Settings,
    *,
    clock: Clock | None = None,
    poll_timeout: int = POLL_TIMEOUT,
    tick: float = TICK_SECONDS,
    supervisor: Supervisor | None = None,
    services: Sequence[Service] = (),
) -> AsyncIterator[Deps]:
    zalo = settings.zalo
    if zalo is None:
        raise ValueError("running_alone needs the Zalo settings")
    static = load_startup_files(settings)
    lifecycle = Lifecycle(
        settings,
        static,
        clock or Clock(settings.rehearsal_start),
        Pacer(zalo.send_rate),
        [ZaloChannel(zalo, poll_timeout=poll_timeout)],
        rate=zalo.send_rate,
        window=SEND_WINDOW,
        supervisor=supervisor,
        tick=tick,
        services=services,
    )
    async with lifecycle.running() as deps:
        yield deps


async def serve_alone(settings: Settings, services: Sequence[Service] = ()) -> None:
    """`vidw-bot run` with only ZALO_BOT_TOKEN: until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with running_alone(settings, services=services):
        log.info("serving Zalo alone; Ctrl+C stops")
        await stop.wait()
