"""The Telegram channel inside the running bot (bot/lifecycle.py's Channel).

PTB's Application takes the updates in: its updater starts after post_init and stops before
post_stop, so here `start` and `stop_updates` only attach the bot and run the broadcast
progress edits. The outbox has its own bot, with its own few connections (`bulk_bot`).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from telegram.ext import Application, ExtBot

from bot.channels import TELEGRAM
from bot.delivery.sender import Transport
from bot.deps import BotData, Deps
from bot.i18n import Catalogs
from bot.storage import Storage
from bot.supervise import Supervised
from channels.telegram.command_menus import publish_for, publish_public, publish_roles
from channels.telegram.progress import PROGRESS_SECONDS, refresh_progress
from channels.telegram.transport import TelegramTransport


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

    async def open(self, storage: Storage, catalogs: Catalogs) -> Transport:
        await self._bulk_bot.initialize()
        return TelegramTransport(self._bulk_bot, paid_broadcast=self._paid_broadcast)

    async def start(self, deps: Deps) -> None:
        bot, catalogs = self._app.bot, deps.navigator.catalogs
        self._app.bot_data.attach(deps)
        await publish_public(bot, deps, catalogs)
        await publish_roles(bot, deps, catalogs)
        deps.staff.on_change = lambda user_id: publish_for(bot, deps, catalogs, user_id)
        self._progress = deps.supervisor.every(
            "broadcast-progress", PROGRESS_SECONDS, partial(refresh_progress, bot, deps)
        )

    async def stop_updates(self) -> None:
        if self._progress is not None:
            await self._progress.cancel()
            self._progress = None

    async def close(self) -> None:
        await self._bulk_bot.shutdown()
