"""The Zalo channel inside the running bot: started after the bot's dependencies, stopped
before them. The transport exists earlier: the outbox needs it to reach Zalo users."""

from __future__ import annotations

import logging

from bot.config import Zalo
from bot.deps import Deps
from bot.i18n import Catalogs
from bot.storage import Storage
from zalo.client import ZaloClient
from zalo.conversation import ZaloConversation
from zalo.transport import ZaloTransport
from zalo.updates import Dispatcher, Polling, Webhook

log = logging.getLogger(__name__)


class ZaloChannel:
    def __init__(self, settings: Zalo, storage: Storage, catalogs: Catalogs) -> None:
        self._settings = settings
        self.client = ZaloClient(settings.token, settings.base_url)
        self.transport = ZaloTransport(self.client, storage, catalogs, settings.send_rate)
        self._source: Polling | Webhook | None = None

    async def open(self) -> None:
        """The HTTP session, before the outbox may send to Zalo users."""
        await self.client.open()

    async def start(self, deps: Deps, *, poll_timeout: int = 25) -> None:
        conversation = ZaloConversation(deps, self.transport)
        dispatcher = Dispatcher(conversation.handle, conversation.refuse)
        zalo = self._settings
        if zalo.webhook_url and zalo.webhook_secret:
            self._source = Webhook(
                self.client,
                dispatcher,
                zalo.webhook_url,
                zalo.webhook_secret,
                zalo.host,
                zalo.port,
                zalo.webhook_path,
            )
        else:
            self._source = Polling(self.client, dispatcher, poll_timeout)
        await self._source.start()
        me = await self.client.get_me()
        log.info(
            "Zalo channel on: %s (%s)", me.get("account_name", "?"), type(self._source).__name__
        )

    async def stop_updates(self) -> None:
        """No new updates; those being handled finish."""
        if self._source is not None:
            await self._source.stop()
            self._source = None

    async def close(self) -> None:
        """After the outbox's sender stopped: nothing more goes to Zalo."""
        await self.client.close()
