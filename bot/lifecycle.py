"""One start/stop sequence for every process kind, with the channels plugged in.

Start: open storage, open each channel (its transport for the outbox), assemble the bot, start
the sender, apply a programme file replaced while the bot was down, start the planners and the
schedule watch, then each channel's intake. Stop, in reverse: no new updates, no new timed
work, the outbox finishes its in-flight sends, the channels close, storage closes. A start that
fails half-way undoes what it had done, and stopping twice is stopping once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Protocol

from bot.clock import Clock
from bot.config import Settings
from bot.core import StartupFiles, assemble
from bot.delivery.pacer import Pacer
from bot.delivery.router import ChannelRouter
from bot.delivery.sender import Transport
from bot.deps import Deps
from bot.features.health.alerts import CHECK_SECONDS as ROOM_CHECK_SECONDS
from bot.features.health.alerts import StorageAlerts
from bot.i18n import Catalogs
from bot.planning import TICK_SECONDS, PlannerLoop
from bot.storage import Storage
from bot.supervise import Supervisor


class Channel(Protocol):
    """A messenger the bot serves (channels/telegram, channels/zalo)."""

    @property
    def name(self) -> str:
        """Its user id space (bot/channels.py): which users the outbox sends through it."""
        ...

    async def open(self, storage: Storage, catalogs: Catalogs) -> Transport:
        """Connections up; the transport the outbox reaches this channel's users through."""
        ...

    async def start(self, deps: Deps) -> None:
        """Take updates in (and start the channel's own timed work, supervised)."""
        ...

    async def stop_updates(self) -> None:
        """No new updates, no more of the channel's timed work; those being handled finish."""
        ...

    async def close(self) -> None:
        """After the sender stopped: nothing more goes out through this channel."""
        ...


class Service(Protocol):
    """Something served beside the channels once the bot runs (web/health.py)."""

    async def start(self, deps: Deps) -> None: ...

    async def stop(self) -> None: ...


class Lifecycle:
    def __init__(
        self,
        settings: Settings,
        static: StartupFiles,
        clock: Clock,
        pacer: Pacer,
        channels: Sequence[Channel],
        *,
        rate: float,
        window: int,
        supervisor: Supervisor | None = None,
        tick: float = TICK_SECONDS,
        services: Sequence[Service] = (),
    ) -> None:
        self._settings = settings
        self._services = services
        self._static = static
        self._clock = clock
        self._pacer = pacer
        self._channels = channels
        self._rate = rate
        self._window = window
        # Failing since: by the bot's clock, as every time the bot shows.
        self.supervisor = supervisor or Supervisor(now=clock.now)
        self._tick = tick
        self._started = AsyncExitStack()

    async def start(self) -> Deps:
        """Everything up, in order; each step's undoing is kept for `stop`."""
        try:
            return await self._start(self._started)
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        """Undo what `start` did, last step first (nothing when nothing was started)."""
        started, self._started = self._started, AsyncExitStack()
        await started.aclose()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Deps]:
        deps = await self.start()
        try:
            yield deps
        finally:
            await self.stop()

    async def _start(self, started: AsyncExitStack) -> Deps:
        settings, supervisor = self._settings, self.supervisor
        storage = await Storage.open(settings.db_path)
        started.push_async_callback(storage.close)
        started.push_async_callback(supervisor.stop)  # anything its owner left running
        transports: dict[str, Transport] = {}
        for channel in self._channels:
            transports[channel.name] = await channel.open(storage, self._static.catalogs)
            started.push_async_callback(channel.close)
        router = ChannelRouter(transports)
        deps = await assemble(
            settings,
            self._static,
            storage,
            self._clock,
            router,
            self._pacer,
            supervisor,
            rate=self._rate,
            window=self._window,
        )
        await deps.delivery.sender.start()
        started.push_async_callback(deps.delivery.sender.stop)
        # A full disk is told to organizers straight through the channels (not the outbox).
        alerts = StorageAlerts(
            storage, router, self._static.catalogs, lambda: deps.navigator.roles.organizers
        )
        room_watch = supervisor.every("storage-watch", ROOM_CHECK_SECONDS, alerts.check)
        started.push_async_callback(room_watch.cancel)
        await deps.programme_reload.start()  # a file replaced while the bot was down
        planners = PlannerLoop(
            {
                "reminders": deps.reminders,
                "feedback": deps.feedback,
                "survey": deps.surveys,
                "matching": deps.matching_planner,
            },
            self._clock,
            supervisor,
            tick=self._tick,
            on_success=deps.health.planner_ran,
        )
        started.push_async_callback(planners.stop)
        await planners.start()
        deps.programme_reload.on_applied.append(planners.wake)
        watch = supervisor.every(
            "schedule-watch", settings.schedule_watch, deps.programme_reload.check
        )
        started.push_async_callback(watch.cancel)
        for channel in self._channels:
            started.push_async_callback(channel.stop_updates)
            await channel.start(deps)
        for service in self._services:
            started.push_async_callback(service.stop)
            await service.start(deps)
        return deps
