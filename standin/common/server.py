"""The stand-ins' lifecycle: served on loopback, started once and stopped once."""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self

from aiohttp import web


class Endpoint(ABC):
    """Serves HTTP on `host` and `port` (0: a free port, known once started). Started once
    and stopped once; `async with` does both."""

    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port

    @abstractmethod
    async def start(self) -> None: ...

    @abstractmethod
    async def stop(self) -> None: ...

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        return self._port

    @property
    def root_url(self) -> str:
        """http://host:port, below which the stand-in's paths lie."""
        return f"http://{self._host}:{self._port}"


class LoopbackServer(Endpoint):
    """An aiohttp server in this process.

    A stand-in gives its routes (`_application`) and lets go of what it holds before the
    server closes (`_release`).
    """

    def __init__(self, host: str, port: int, *, handler_cancellation: bool = False) -> None:
        """`handler_cancellation`: cancel a handler whose client went away (aiohttp's option)."""
        super().__init__(host, port)
        self._handler_cancellation = handler_cancellation
        self._runner: web.AppRunner | None = None

    @abstractmethod
    def _application(self) -> web.Application:
        """The aiohttp application with the stand-in's routes."""

    async def _release(self) -> None:
        """Let go of held requests, long polls and background tasks (nothing by default)."""

    async def start(self) -> None:
        # No access log: request paths carry the bot token.
        self._runner = web.AppRunner(
            self._application(),
            access_log=None,
            shutdown_timeout=1.0,
            handler_cancellation=self._handler_cancellation,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        self._port = self._runner.addresses[0][1]  # the ephemeral port when asked for 0

    async def stop(self) -> None:
        """Release what the stand-in holds, then close the server."""
        await self._release()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
