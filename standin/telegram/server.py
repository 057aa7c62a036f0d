"""The HTTP side: an aiohttp server on 127.0.0.1 speaking the Bot API to a real PTB client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from typing import Any

from aiohttp import web

import standin.telegram.admin as admin
import standin.telegram.payloads as payloads
from standin.common.server import LoopbackServer
from standin.telegram.errors import ApiError
from standin.telegram.faults import Fault, FaultKind, Faults, OutageKind, Outages, outage
from standin.telegram.limits import Limits, RateLimiter
from standin.telegram.methods import METHODS
from standin.telegram.params import UploadedFile, read_params
from standin.telegram.recording import Call, Stats
from standin.telegram.urls import BotApiUrls
from standin.telegram.users import SimUser
from standin.telegram.webhook import WebhookPusher
from standin.telegram.world import World, numeric_id, scope_key

DEFAULT_TOKEN = "123456789:STAND-IN-TOKEN"
CLIENT_GONE = 499  # nginx's code for "the client closed the request before the answer"
DROPPED = 0  # recorded for a call whose connection an "unreachable" outage dropped


class _Dropped(Exception):
    """An outage drops this call's connection: no answer at all."""


class StandIn(LoopbackServer, BotApiUrls):
    """A Telegram Bot API stand-in: records calls, plays users, enforces limits, injects faults.

    Point PTB at it with ApplicationBuilder().base_url(s.base_url).base_file_url(s.base_file_url).
    One start and one stop per instance.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        limits: Limits | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_name: str = "Stand-in Bot",
        bot_username: str = "standin_bot",
        timeout_hold: float = 30.0,
        record_calls: bool = True,
        inline_mode: bool = True,
    ) -> None:
        """`record_calls=False` keeps `calls` empty (stats still count), so a long benchmark's
        memory does not grow by one Call per request; `inline_mode=False`: a bot whose
        inline mode @BotFather has not turned on (getMe says so)."""
        super().__init__(host, port)
        self.token = token
        self.record_calls = record_calls
        self.latency = 0.0  # seconds added before every reply
        self.timeout_hold = timeout_hold  # how long an injected "timeout" holds a request
        self.calls: list[Call] = []
        self.stats = Stats()
        bot = payloads.bot_user(int(token.split(":", 1)[0]), bot_name, bot_username, inline_mode)
        self._world = World(bot, limits or Limits(), self.stats)
        self._faults = Faults()
        self._outages = Outages()
        self._stopping = asyncio.Event()

    # -- lifecycle -------------------------------------------------------------------------

    def _application(self) -> web.Application:
        app = web.Application(client_max_size=50 * 1024 * 1024)  # Telegram's upload limit
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._download)
        admin.add_routes(app, self)
        return app

    async def _release(self) -> None:
        """Release held requests and long polls, and stop the webhook pusher."""
        self._stopping.set()
        self._world.updates.close()
        await self._world.webhook.close()

    # -- controls --------------------------------------------------------------------------

    @property
    def limits(self) -> Limits:
        return self._world.limiter.limits

    @limits.setter
    def limits(self, limits: Limits) -> None:
        """Takes effect at once, with full buckets."""
        self._world.limiter = RateLimiter(limits)

    def user(
        self,
        user_id: int,
        first_name: str = "Ana",
        language_code: str | None = "fr",
        username: str | None = None,
    ) -> SimUser:
        """The user `user_id`, created on first call; their private chat is open from then on."""
        existing = self._world.users.get(user_id)
        if existing is not None:
            return existing
        person = payloads.person(user_id, first_name, language_code, username)
        world = self._world
        user = SimUser(person, world.updates, world.queries, self._describe, world.inline_queries)
        self._world.users[user_id] = user
        return user

    async def user_sends_photo(self, user_id: int, content: bytes, caption: str = "") -> str:
        """The user sends the bot a photo (which it may send on by file_id); returns the id."""
        user = self.user(user_id)
        stored = self._world.upload(UploadedFile("photo.jpg", content, "image/jpeg"), "photos")
        sizes = payloads.photo(stored.file_id, stored.unique_id, len(content))
        message_id = user.next_message_id()
        self._world.updates.push(
            "message",
            lambda update_id: payloads.photo_update(
                update_id, message_id, user.user, user.chat, sizes, caption
            ),
        )
        return stored.file_id

    def push_update(self, update: dict[str, Any], *, answerable: bool = True) -> int | None:
        """Queue a raw update (its one field besides update_id, e.g. {"message": {...}}) as
        Telegram would deliver it; returns its update_id, None if allowed_updates excludes it.

        For tests that feed shapes SimUser never produces (channel posts, stickers, inline
        queries...). A callback query from a known user can be answered, as a tap's can,
        unless `answerable` is False: then it is too old, and an answer gets Telegram's 400.
        """
        kinds = [key for key in update if key != "update_id"]
        if len(kinds) != 1:
            raise ValueError(f"an update carries exactly one kind of content, not {kinds}")
        kind = kinds[0]
        if kind == "callback_query":
            query = update[kind]
            user = self._world.users.get(numeric_id(query.get("from", {}).get("id")) or 0)
            if user is not None and answerable:
                self._world.queries[str(query.get("id"))] = user
        body = update[kind]
        return self._world.updates.push(
            kind, lambda update_id: {"update_id": update_id, kind: body}
        )

    def open_chats(
        self, first_id: int, count: int, language_code: str | None = "en"
    ) -> list[SimUser]:
        """Users first_id .. first_id+count-1, so a broadcast has recipients.

        A plain loop: a user costs ~30 µs and ~2.5 KB, so 10,000 take about 0.3 s.
        """
        ids = range(first_id, first_id + count)
        return [self.user(user_id, f"User {user_id}", language_code) for user_id in ids]

    @property
    def users(self) -> dict[int, SimUser]:
        return self._world.users

    def block(self, user_id: int) -> None:
        """The user blocks the bot: sends to their chat answer 403."""
        self.user(user_id).blocked = True

    def unblock(self, user_id: int) -> None:
        self.user(user_id).blocked = False

    def inject(
        self,
        kind: FaultKind,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        times: int = 1,
        retry_after: int = 1,
    ) -> None:
        """Make the next `times` calls matching `method` and `chat_id` fail with `kind`.

        Without `method`, any method but getUpdates matches (the poller would eat the fault).
        """
        key = method.lower() if method else None
        self._faults.arm(Fault(kind, key, chat_id, times, retry_after))

    def outage(
        self,
        kind: OutageKind = "unreachable",
        *,
        seconds: float | None = None,
        methods: Iterable[str] | None = None,
    ) -> None:
        """From now on, for `seconds` (None: until `end_outage`), every call to `methods` (None:
        every method, getUpdates too) fails: "500"/"502" answers, a held "timeout", or the
        connection dropped without an answer ("unreachable", as when Telegram cannot be
        reached)."""
        self._outages.start(outage(kind, seconds, methods))

    def end_outage(self) -> None:
        """Every outage is over: calls are answered again."""
        self._outages.end()

    @property
    def faults_left(self) -> int:
        """How many more calls the injected faults will fail (0: they have all cleared)."""
        return self._faults.left

    # -- reading what happened -------------------------------------------------------------

    def calls_to(self, chat_id: int, method: str | None = None) -> list[Call]:
        return [
            call
            for call in self.calls
            if call.chat_id == chat_id and (method is None or call.method == method)
        ]

    def commands(
        self, language_code: str | None = None, scope: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """What setMyCommands stored for this language and scope, as getMyCommands returns it.

        Each item is {"command": ..., "description": ...}; None is the default language.
        """
        key = (scope_key(scope), language_code or "")
        return payloads.commands(self._world.commands.get(key, []))

    @property
    def webhook(self) -> WebhookPusher:
        """What setWebhook stored (url, secret_token) and how delivery to it went."""
        return self._world.webhook

    @property
    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        return self._world.updates.pending

    async def until_polling(self) -> None:
        """Return once the bot is long-polling getUpdates (wrap in asyncio.timeout)."""
        await self._world.updates.until_polling()

    def _describe(self, chat_id: int) -> str:
        """The last calls to a chat, for a timeout message."""
        if not self.record_calls:
            return "calls are not recorded (record_calls=False)"
        recent = self.calls_to(chat_id)[-5:]
        if not recent:
            return "the bot made no call to this chat"
        lines = (f"{c.method} -> {c.status}" + (f" {c.error}" if c.error else "") for c in recent)
        return "last calls to this chat: " + "; ".join(lines)

    # -- HTTP ------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        name = request.match_info["method"].lower()
        method, handler = METHODS.get(name, (request.match_info["method"], None))
        params: dict[str, Any] = {}
        chat_id: int | None = None
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            if handler is None:
                raise ApiError(404, "Not Found")
            params = await read_params(request)
            chat_id = self._world.chat_of(name, params)
            await self._inject(name, chat_id)
            status, body = 200, {"ok": True, "result": await handler(self._world, params)}
        except ApiError as error:
            status, body = error.status, error.payload()
        except _Dropped:
            if request.transport is not None:
                request.transport.close()
            self._record(Call(method, params, chat_id, arrived, DROPPED, "connection dropped"))
            raise web.HTTPServiceUnavailable() from None  # never reaches the client
        if self.latency > 0:
            await asyncio.sleep(self.latency)
        self._record(self._call(request, method, params, chat_id, arrived, status, body))
        return web.json_response(body, status=status)

    async def _inject(self, method: str, chat_id: int | None) -> None:
        """Fail the call if an outage covers it or an armed fault matches; "timeout" holds it
        first."""
        under_way = self._outages.covering(method)
        if under_way is not None:
            if under_way.kind == "unreachable":
                raise _Dropped
            if under_way.kind == "timeout":
                await self._hold()
            raise under_way.error()
        fault = self._faults.take(method, chat_id)
        if fault is None:
            return
        if fault.kind == "timeout":
            await self._hold()
        raise fault.error()

    async def _hold(self) -> None:
        """Outlast the client's read timeout, but end at once when the stand-in stops."""
        try:
            async with asyncio.timeout(self.timeout_hold):
                await self._stopping.wait()
        except TimeoutError:
            pass

    @staticmethod
    def _call(
        request: web.Request,
        method: str,
        params: dict[str, Any],
        chat_id: int | None,
        arrived: float,
        status: int,
        body: dict[str, Any],
    ) -> Call:
        if request.transport is None:
            # The client gave up (timed out, was cancelled, or a newer poll superseded it):
            # record that nobody read the answer.
            gone = f"client closed request (answer was {status})"
            return Call(method, params, chat_id, arrived, CLIENT_GONE, gone)
        return Call(method, params, chat_id, arrived, status, body.get("description"))

    def _record(self, call: Call) -> None:
        if self.record_calls:
            self.calls.append(call)
        self.stats.count(call)

    async def _download(self, request: web.Request) -> web.Response:
        stored = self._world.paths.get(request.match_info["path"])
        if request.match_info["token"] != self.token or stored is None:
            return web.json_response(ApiError(404, "Not Found").payload(), status=404)
        return web.Response(body=stored.content, content_type=stored.mime_type)
