"""The console as one of the lifecycle's services: started after the channels, stopped first.

If it cannot listen (the port is taken), the bot serves all the same and says so in the log.
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot.deps import Deps
from bot.supervise import Supervised
from web.console.app import application
from web.console.live import INTERVAL, LiveFeed

log = logging.getLogger(__name__)


class ConsoleServer:
    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self._feed_task: Supervised | None = None
        self.port: int | None = None  # the port listened on, once started (port 0: picked)
        self.feed: LiveFeed | None = None

    async def start(self, deps: Deps) -> None:
        feed = LiveFeed(deps, deps.navigator.catalogs, deps.navigator.clock)
        runner = web.AppRunner(application(deps, feed), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        try:
            await site.start()
        except OSError as exc:
            log.error(
                "the staff console is not served: cannot listen on %s:%s (%s); set "
                "VIDW_CONSOLE_LISTEN to a free host:port, or off",
                self._host,
                self._port,
                exc.strerror or exc,
            )
            await runner.cleanup()
            return
        self._runner = runner
        self.feed = feed
        self._feed_task = deps.supervisor.every("console-live", INTERVAL, feed.tick)
        self.port = _bound_port(runner) or self._port
        # Never the access log: a login link's token is in its query string.
        log.info(
            "staff console: http://%s:%s/ (links point at %s)",
            self._host,
            self.port,
            deps.console.base_url,
        )

    async def stop(self) -> None:
        if self._feed_task is not None:
            await self._feed_task.cancel()
            self._feed_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def _bound_port(runner: web.AppRunner) -> int | None:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None
