"""The HTTP side: an aiohttp server on 127.0.0.1 speaking the Zalo Bot API to the bot."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from standin.common.server import LoopbackServer
from standin.zalo.errors import NOT_FOUND, UNAUTHORIZED, ApiError
from standin.zalo.faults import Faults
from standin.zalo.methods import METHODS
from standin.zalo.params import read_params
from standin.zalo.payloads import NameField, bot_profile
from standin.zalo.ratelimit import MessageRate
from standin.zalo.recording import ZaloCall
from standin.zalo.users import ZaloUser
from standin.zalo.webhook import ZaloWebhookPusher
from standin.zalo.world import World

DEFAULT_TOKEN = "1234567890123456789:STAND-IN-ZALO-TOKEN"


class ZaloStandIn(LoopbackServer):
    """A Zalo Bot API stand-in: records calls, plays users, injects faults, may limit rate.

    The bot calls f"{zalo.base_url}/bot{zalo.token}/{method}". One start and one stop per
    instance.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        rate_limit: float | None = None,
        wrap_webhook: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        account_name: str = "VIDW Stand-in",
        record_calls: bool = True,
        latency: float = 0.0,
    ) -> None:
        """`rate_limit`: messages per second over all chats (None: no limit).
        `wrap_webhook`: post {"ok": true, "result": update} instead of the bare update.
        `record_calls=False` keeps `calls` empty, for a long benchmark.
        `latency`: seconds added before every answer, as the internet's round trip would."""
        # Handler cancellation: a poll whose client went away must not take an update that
        # nobody will read.
        super().__init__(host, port, handler_cancellation=True)
        self.latency = latency
        self.token = token
        self.record_calls = record_calls
        self.calls: list[ZaloCall] = []
        bot_id = token.split(":", 1)[0]
        self._world = World(bot_profile(bot_id, account_name), rate_limit)
        self._world.webhook.wrap = wrap_webhook
        self._faults = Faults()

    # -- lifecycle -------------------------------------------------------------------------

    def _application(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        return app

    async def _release(self) -> None:
        """Release long polls and stop the webhook pusher."""
        self._world.updates.close()
        await self._world.webhook.close()

    @property
    def base_url(self) -> str:
        return self.root_url

    # -- controls --------------------------------------------------------------------------

    def user(
        self,
        user_id: str,
        name: str = "Lan",
        name_field: NameField = "display_name",
        *,
        has_written: bool = False,
    ) -> ZaloUser:
        """The user `user_id` (a digit string), created on first call.

        The bot may message them once they have sent something; `has_written=True` opens the
        chat at once (recipients seeded straight into the bot's database, say).
        """
        if not isinstance(user_id, str) or not user_id:
            raise TypeError("Zalo user ids are non-empty strings")
        user = self._world.users.get(user_id)
        if user is None:
            user = ZaloUser(user_id, name, name_field, self._world.updates, self._describe)
            self._world.users[user_id] = user
        user.has_written = user.has_written or has_written
        return user

    @property
    def users(self) -> dict[str, ZaloUser]:
        return self._world.users

    def block(self, user_id: str) -> None:
        """The user blocks the bot: sends to them answer 403."""
        self.user(user_id).blocked = True

    def unblock(self, user_id: str) -> None:
        self.user(user_id).blocked = False

    def fail(
        self, method: str, error_code: int, times: int = 1, description: str | None = None
    ) -> None:
        """The next `times` calls to `method` answer `error_code` without doing anything."""
        self._faults.arm(method, error_code, times, description)

    @property
    def rate_limit(self) -> float | None:
        return self._world.rate.per_second

    @rate_limit.setter
    def rate_limit(self, per_second: float | None) -> None:
        """Takes effect at once, with a full bucket."""
        self._world.rate = MessageRate(per_second)

    @property
    def wrap_webhook(self) -> bool:
        return self._world.webhook.wrap

    @wrap_webhook.setter
    def wrap_webhook(self, wrap: bool) -> None:
        self._world.webhook.wrap = wrap

    # -- reading what happened -------------------------------------------------------------

    def calls_to(self, chat_id: str, method: str | None = None) -> list[ZaloCall]:
        return [
            call
            for call in self.calls
            if call.chat_id == chat_id and (method is None or call.method == method)
        ]

    @property
    def webhook(self) -> ZaloWebhookPusher:
        """The webhook's settings and how delivery to it went (delivered, dropped, last_error)."""
        return self._world.webhook

    @property
    def webhook_url(self) -> str:
        return self._world.webhook.url

    @property
    def webhook_secret(self) -> str:
        return self._world.webhook.secret_token

    @property
    def pending(self) -> int:
        """Updates queued and not yet delivered (one being posted to the webhook counts)."""
        return self._world.updates.pending + self._world.webhook.in_flight

    @property
    def polls_waiting(self) -> int:
        """getUpdates calls waiting now."""
        return self._world.updates.waiting

    async def until_polling(self) -> None:
        """Return once the bot is waiting in getUpdates (wrap in asyncio.timeout)."""
        await self._world.updates.until_polling()

    def _describe(self, chat_id: str) -> str:
        """The last calls to a chat, for a timeout message."""
        if not self.record_calls:
            return "calls are not recorded (record_calls=False)"
        recent = self.calls_to(chat_id)[-5:]
        if not recent:
            return "the bot made no call to this chat"
        lines = (
            f"{c.method} -> {c.status}" + (f" {c.description}" if c.description else "")
            for c in recent
        )
        return "last calls to this chat: " + "; ".join(lines)

    # -- HTTP ------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        if self.latency:
            await asyncio.sleep(self.latency)
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, UNAUTHORIZED)
            handler = METHODS.get(method)
            if handler is None:
                raise ApiError(404, NOT_FOUND)
            params = await read_params(request)
            fault = self._faults.take(method)
            if fault is not None:
                raise fault
            result = await handler(self._world, params)
            status, body = 200, {"ok": True, "result": result}
        except ApiError as error:
            status, body = error.status, error.payload()
        if method == "getUpdates" and status == 200 and _client_gone(request):
            self._world.updates.put_back(body["result"])  # nobody will read this answer
        if self.record_calls:
            self.calls.append(ZaloCall(method, params, status, body.get("description")))
        return web.json_response(body, status=status)


def _client_gone(request: web.Request) -> bool:
    transport = request.transport
    return transport is None or transport.is_closing()


__all__ = ["DEFAULT_TOKEN", "ZaloStandIn"]
