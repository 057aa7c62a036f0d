"""The Telegram channel inside the running bot (bot/lifecycle.py's Channel).

PTB's Application takes the updates in: its updater starts after post_init and stops before
post_stop, so here `start` and `stop_updates` only attach the bot and run the broadcast
progress edits. The outbox has its own bot, with its own few connections (`bulk_bot`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from telegram.error import NetworkError
from telegram.ext import Application, ExtBot

from bot.channels import TELEGRAM
from bot.delivery.sender import Transport
from bot.deps import BotData, Deps
from bot.i18n import Catalogs
from bot.storage import Storage
from bot.supervise import Supervised
from channels.telegram.background_calls import BackgroundCalls
from channels.telegram.command_menus import publish_for, publish_public, publish_roles
from channels.telegram.progress import PROGRESS_SECONDS, refresh_progress
from channels.telegram.transport import TelegramTransport

log = logging.getLogger(__name__)


class TelegramChannel:
    name = TELEGRAM

    def __init__(
        self,
        app: Application[Any, Any, Any, Any, BotData, Any],
        bulk_bot: ExtBot[Any],
        *,
        paid_broadcast: bool,
    ) -> None:
        self._app = app
        self._bulk_bot = bulk_bot
        self._paid_broadcast = paid_broadcast
        self._progress: Supervised | None = None
        self._menus: BackgroundCalls | None = None

    async def open(self, storage: Storage, catalogs: Catalogs) -> Transport:
        try:
            await self._bulk_bot.initialize()  # its connections, then getMe
        except NetworkError as exc:  # the connections are up: the outbox retries its sends
            log.warning("getMe for the outbox's connections failed (%s); sending goes on", exc)
        return TelegramTransport(self._bulk_bot, paid_broadcast=self._paid_broadcast)

    async def start(self, deps: Deps) -> None:
        bot, catalogs = self._app.bot, deps.navigator.catalogs
        self._app.bot_data.attach(deps)
        updater = self._app.updater
        deps.health.watch_intake(
            "telegram-updates",
            lambda: self._app.running and updater is not None and updater.running,
        )
        # Menus are a convenience: a Bot API failing them never stops the start.
        self._menus = BackgroundCalls(deps.supervisor, "telegram-menus")
        menus = self._menus
        await menus.call("publishing the command menus", partial(_publish_all, bot, deps, catalogs))
        deps.staff.on_change = lambda user_id: _call(
            menus,
            f"the command menu of user {user_id}",
            partial(publish_for, bot, deps, catalogs, user_id),
        )
        self._progress = deps.supervisor.every(
            "broadcast-progress", PROGRESS_SECONDS, partial(refresh_progress, bot, deps)
        )

    async def stop_updates(self) -> None:
        if self._menus is not None:
            await self._menus.close()
            self._menus = None
        if self._progress is not None:
            await self._progress.cancel()
            self._progress = None

    async def close(self) -> None:
        await self._bulk_bot.shutdown()


async def _publish_all(bot: ExtBot[Any], deps: Deps, catalogs: Catalogs) -> None:
    await publish_public(bot, deps, catalogs)
    await publish_roles(bot, deps, catalogs)


async def _call(calls: BackgroundCalls, what: str, call: Callable[[], Awaitable[None]]) -> None:
    await calls.call(what, call)
