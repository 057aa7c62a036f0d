"""The Zalo channel inside the running bot: started after the bot's dependencies, stopped
before them. The transport exists earlier: the outbox needs it to reach Zalo users."""

from __future__ import annotations

import logging

from bot.config import Zalo
from bot.deps import Deps
from bot.errors import StartupError
from bot.i18n import Catalogs
from bot.storage import Storage
from channels.zalo.client import ZaloClient, ZaloError
from channels.zalo.conversation import ZaloConversation
from channels.zalo.transport import ZaloTransport
from channels.zalo.updates import Dispatcher, Polling, ZaloWebhookServer

log = logging.getLogger(__name__)


class ZaloChannel:
    def __init__(self, settings: Zalo, storage: Storage, catalogs: Catalogs) -> None:
        self._settings = settings
        self.client = ZaloClient(settings.token, settings.base_url)
        self.transport = ZaloTransport(self.client, storage, catalogs, settings.send_rate)
        self._source: Polling | ZaloWebhookServer | None = None

    async def open(self) -> None:
        """The HTTP session, before the outbox may send to Zalo users."""
        await self.client.open()

    async def start(self, deps: Deps, *, poll_timeout: int = 25) -> None:
        await self._check_token()
        conversation = ZaloConversation(deps, self.transport)
        dispatcher = Dispatcher(conversation.handle, conversation.refuse)
        zalo = self._settings
        if zalo.webhook_url and zalo.webhook_secret:
            self._source = ZaloWebhookServer(
                self.client,
                dispatcher,
                zalo.webhook_url,
                zalo.webhook_secret,
                zalo.host,
                zalo.port,
                zalo.webhook_path,
            )
        else:
            self._source = Polling(self.client, dispatcher, poll_timeout, zalo.pollers)
        await self._source.start()
        log.info("Zalo channel on (%s)", type(self._source).__name__)

    async def _check_token(self) -> None:
        """A refused token stops the start with a clear message; a network error does not
        (the update loop retries with backoff)."""
        try:
            me = await self.client.get_me()
        except ZaloError as exc:
            if exc.code in (401, 403):
                raise StartupError(f"Zalo refused ZALO_BOT_TOKEN ({exc.description})") from None
            log.warning("Zalo is not reachable yet (%s); the channel keeps trying", exc)
            return
        log.info("Zalo bot account: %s", me.get("account_name", "?"))

    async def stop_updates(self) -> None:
        """No new updates; those being handled finish."""
        if self._source is not None:
            await self._source.stop()
            self._source = None

    async def close(self) -> None:
        """After the outbox's sender stopped: nothing more goes to Zalo."""
        await self.client.close()
