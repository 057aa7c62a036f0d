"""The composition root of a bot serving Zalo alone (ZALO_BOT_TOKEN without a Telegram token).

The same core as channels/telegram/app.py (bot/core.py), with the Zalo channel as its only
transport and
bot/planning.py in place of PTB's JobQueue for reminders, feedback polls, the survey and the
schedule file. Organizer and staff work is done from the command line in this setup.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from bot.channels import ZALO
from bot.clock import Clock
from bot.config import Settings
from bot.core import assemble, load_startup_files
from bot.delivery.pacer import Pacer
from bot.delivery.router import ChannelRouter
from bot.deps import Deps
from bot.planning import TICK_SECONDS, PlannerLoop
from bot.storage import Storage
from channels.zalo.channel import ZaloChannel

log = logging.getLogger(__name__)
SEND_WINDOW = 4


@asynccontextmanager
async def running_alone(
    settings: Settings,
    *,
    clock: Clock | None = None,
    poll_timeout: int = 25,
    tick: float = TICK_SECONDS,
) -> AsyncIterator[Deps]:
    zalo_settings = settings.zalo
    if zalo_settings is None:
        raise ValueError("running_alone needs the Zalo settings")
    static = load_startup_files(settings)
    clock = clock or Clock(settings.rehearsal_start)
    storage = await Storage.open(settings.db_path)
    zalo = ZaloChannel(zalo_settings, storage, static.catalogs)
    await zalo.open()
    stop = asyncio.Event()
    deps: Deps | None = None
    timed_task: asyncio.Task[None] | None = None
    try:
        deps = await assemble(
            settings,
            static,
            storage,
            clock,
            ChannelRouter({ZALO: zalo.transport}),
            Pacer(zalo_settings.send_rate),
            rate=zalo_settings.send_rate,
            window=SEND_WINDOW,
        )
        await deps.delivery.sender.start()
        await deps.programme_reload.start()
        timed = PlannerLoop(deps, watch=settings.schedule_watch, tick=tick)
        deps.programme_reload.on_applied.append(timed.wake)
        timed_task = asyncio.create_task(timed.run(stop), name="timed")
        await zalo.start(deps, poll_timeout=poll_timeout)
        yield deps
    finally:
        # In this order: no new updates, no new timed work, the outbox's last sends, then
        # the connections.
        await zalo.stop_updates()
        stop.set()
        if timed_task is not None:
            await asyncio.gather(timed_task, return_exceptions=True)
        if deps is not None:
            await deps.delivery.sender.stop()
        await zalo.close()
        await storage.close()


async def serve_alone(settings: Settings) -> None:
    """`vidw-bot run` with only ZALO_BOT_TOKEN: until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with running_alone(settings):
        log.info("serving Zalo alone; Ctrl+C stops")
        await stop.wait()
