"""A programme published at a URL, as a pretalx or frab instance publishes it: an aiohttp
server on the loopback, with ETag and Last-Modified, that a test can make fail or hang.

It runs in its own thread and event loop: the bot downloads its first programme before its
own loop turns (a blocking start), which must not wait on the test's loop."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate

from aiohttp import web


@dataclass
class Published:
    body: bytes
    status: int = 200  # 500: the server fails
    delay: float = 0.0  # seconds before answering (a hung server)
    requests: int = 0  # every request, answered or not
    answers: list[int] = field(default_factory=list)  # the status of every answer given
    conditional: int = 0  # requests that carried If-None-Match
    modified: str = field(default_factory=lambda: formatdate(usegmt=True))

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'

    def publish(self, body: bytes) -> None:
        self.body = body
        self.modified = formatdate(usegmt=True)


class ProgrammeServer:
    def __init__(self, published: Published) -> None:
        self.published = published
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        published = self.published
        published.requests += 1
        if published.delay:
            await asyncio.sleep(published.delay)
        if published.status != 200:
            published.answers.append(published.status)
            return web.Response(status=published.status, text="export failed")
        if request.headers.get("If-None-Match"):
            published.conditional += 1
        if request.headers.get("If-None-Match") == published.etag:
            published.answers.append(304)
            return web.Response(status=304, headers={"ETag": published.etag})
        published.answers.append(200)
        headers = {"ETag": published.etag, "Last-Modified": published.modified}
        return web.Response(body=published.body, content_type="application/json", headers=headers)

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/democon/schedule/export/schedule.json", self._serve)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/democon/schedule/export/schedule.json"

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def start(self) -> None:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()


@contextmanager
def serving(body: bytes) -> Iterator[ProgrammeServer]:
    server = ProgrammeServer(Published(body))
    server.start()
    try:
        yield server
    finally:
        server.stop()
