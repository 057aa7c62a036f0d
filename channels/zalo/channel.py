"""The Zalo channel inside the running bot (bot/lifecycle.py's Channel): its intake starts
after the bot's dependencies and stops before them. The transport exists earlier: the outbox
needs it to reach Zalo users."""

from __future__ import annotations

import logging
import time
from typing import Any

from bot.channels import ZALO
from bot.config import Zalo
from bot.delivery.sender import Transport
from bot.deps import Deps
from bot.errors import StartupError
from bot.i18n import Catalogs
from bot.storage import Storage
from channels.zalo.client import ZaloClient, ZaloError
from channels.zalo.conversation import ZaloConversation
from channels.zalo.transport import ZaloTransport
from channels.zalo.updates import POLL_TIMEOUT, Dispatcher, Polling, ZaloWebhookServer

log = logging.getLogger(__name__)


class ZaloChannel:
    name = ZALO

    def __init__(self, settings: Zalo, *, poll_timeout: int = POLL_TIMEOUT) -> None:
        self._settings = settings
        self._poll_timeout = poll_timeout
        self.client = ZaloClient(settings.token, settings.base_url)
        self._transport: ZaloTransport | None = None
        self._source: Polling | ZaloWebhookServer | None = None

    async def open(self, storage: Storage, catalogs: Catalogs) -> Transport:
        """The HTTP session, before the outbox may send to Zalo users."""
        await self.client.open()
        self._transport = ZaloTransport(self.client, storage, catalogs, self._settings.send_rate)
        return self._transport

    async def start(self, deps: Deps) -> None:
        assert self._transport is not None, "open() the channel first"
        await self._check_token()
        conversation = ZaloConversation(deps, self._transport)
        metrics = deps.health.metrics

        async def handle(update: dict[str, Any]) -> None:
            started = time.monotonic()
            try:
                await conversation.handle(update)
            finally:
                metrics.observe_update(ZALO, time.monotonic() - started)

        dispatcher = Dispatcher(handle, conversation.refuse)
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
            self._source = Polling(
                self.client, dispatcher, deps.supervisor, self._poll_timeout, zalo.pollers
            )
        await self._source.start()
        log.info("Zalo channel on (%s)", type(self._source).__name__)

    async def _check_token(self) -> None:
        """A refused token stops the start with a clear message; a network error does not
        (the supervised update loop retries with backoff)."""
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
