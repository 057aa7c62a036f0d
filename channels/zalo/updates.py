"""Where Zalo updates come from: long polling (one update per getUpdates call; 408 means none
yet), or a webhook whose requests must carry the secret header. Both hand each update, once,
to `on_update` (Zalo may deliver one twice: deduplicated on event name + message id)."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot import patience
from bot.admission import Admission
from bot.supervise import Supervised, Supervisor
from channels.zalo.client import ZaloClient, ZaloError

log = logging.getLogger(__name__)

UpdateHandler = Callable[[dict[str, Any]], Awaitable[None]]
POLL_TIMEOUT = 25  # seconds a getUpdates call waits for an update
SECRET_HEADER = "X-Bot-Api-Secret-Token"
MAX_BODY = 64 * 1024
CONCURRENT_UPDATES = 64


class Dispatcher:
    """Runs each new update in its own task (at most CONCURRENT_UPDATES at once), each user
    within their fair share (bot/admission.py): one user flooding cannot hold up the others."""

    def __init__(
        self,
        on_update: UpdateHandler,
        on_refused: UpdateHandler,
        remember: int = 10_000,
        admission: Admission | None = None,
    ) -> None:
        self._on_update = on_update
        self._on_refused = on_refused
        self._admission = admission or Admission()
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._remember = remember
        self._slots = asyncio.Semaphore(CONCURRENT_UPDATES)
        self._tasks: set[asyncio.Task[None]] = set()

    def is_new(self, update: dict[str, Any]) -> bool:
        message = update.get("message") if isinstance(update.get("message"), dict) else {}
        message_id = str((message or {}).get("message_id") or "")
        if not message_id:
            return True
        key = (str(update.get("event_name")), message_id)
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > self._remember:
            self._seen.popitem(last=False)
        return True

    async def dispatch(self, update: dict[str, Any]) -> None:
        if not self.is_new(update):
            return
        user = _sender_key(update)
        verdict = self._admission.enter(user)
        if not verdict.admitted:
            if verdict.notify:
                self._start(self._on_refused, update, None)
            return
        await self._slots.acquire()
        self._start(self._on_update, update, user)

    def _start(self, handler: UpdateHandler, update: dict[str, Any], user: int | None) -> None:
        task = asyncio.create_task(self._run(handler, update, user))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, handler: UpdateHandler, update: dict[str, Any], user: int | None) -> None:
        try:
            # Someone waits for the answer: a busy database is waited out (the polling loop
            # that started this task is supervised, so it would fail at once).
            with patience.waiting_up_to(patience.PATIENCE):
                await handler(update)
        except Exception:  # one bad update must not stop the channel
            log.exception("Zalo update %s failed", update.get("event_name"))
        finally:
            if user is not None:
                self._admission.leave(user)
                self._slots.release()

    async def drain(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)


def _sender_key(update: dict[str, Any]) -> int:
    """Admission counts by user: the sender's id (a string of digits on Zalo)."""
    message = update.get("message") if isinstance(update.get("message"), dict) else {}
    sender = (message or {}).get("from")
    raw = str(sender.get("id") if isinstance(sender, dict) else "")
    return int(raw) if raw.isdigit() and len(raw) < 30 else hash(raw)


class Polling:
    """`pollers` loops, each with one getUpdates call at a time: Zalo answers one update per
    call, so intake is one update per round trip and per loop. Each loop is supervised: a
    failed call (Zalo or the network down) is logged and tried again after a backoff."""

    def __init__(
        self,
        client: ZaloClient,
        dispatcher: Dispatcher,
        supervisor: Supervisor,
        timeout: int = POLL_TIMEOUT,
        pollers: int = 1,
    ) -> None:
        self._client = client
        self._dispatcher = dispatcher
        self._supervisor = supervisor
        self._timeout = timeout
        self._pollers = pollers
        self._tasks: list[Supervised] = []

    async def start(self) -> None:
        try:  # getUpdates does not work while a webhook is set
            await self._client.delete_webhook()
        except ZaloError as exc:
            log.warning("Zalo deleteWebhook failed (%s); polling anyway", exc)
        self._tasks = [
            self._supervisor.start(f"zalo-polling-{n}", self._loop) for n in range(self._pollers)
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            await task.cancel()
        await self._dispatcher.drain()

    async def _loop(self) -> None:
        while True:
            update = await self._client.get_update(self._timeout)
            if update is not None:
                await self._dispatcher.dispatch(update)


class ZaloWebhookServer:
    """An aiohttp server at the webhook URL's path; 403 without the right secret header."""

    def __init__(
        self,
        client: ZaloClient,
        dispatcher: Dispatcher,
        url: str,
        secret: str,
        host: str,
        port: int,
        path: str,
    ) -> None:
        self._client = client
        self._dispatcher = dispatcher
        self._url, self._secret = url, secret
        self._host, self._port, self._path = host, port, path
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self._path, self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()
        await self._client.set_webhook(self._url, self._secret)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        await self._dispatcher.drain()

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            return web.Response(status=403, text="forbidden")
        try:
            body = json.loads(await request.read())
        except ValueError:
            return web.Response(status=400, text="not JSON")
        # Production sends either the update itself or {"ok": true, "result": update}.
        update = body.get("result") if isinstance(body, dict) and "result" in body else body
        if isinstance(update, dict):
            await self._dispatcher.dispatch(update)
        return web.json_response({"ok": True})
