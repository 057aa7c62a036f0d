"""GET /healthz and GET /metrics on VIDW_HEALTH_LISTEN (127.0.0.1:9108 by default).

/healthz answers 200 while the update intakes, the sender and the planners are alive and the
database answers, 503 otherwise; the body (JSON) names what is not, and what is degraded. A
load balancer, Docker's HEALTHCHECK or systemd's watchdog script read the status; a person
reads the body. /metrics is Prometheus' text format (bot/features/health/metrics.py).

The server is one of the lifecycle's services: started after the channels, stopped first. If
it cannot listen (the port is taken), the bot serves all the same and says so in the log.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web
from prometheus_client.exposition import choose_encoder

from bot.deps import Deps
from bot.features.health.report import Check, HealthReport
from bot.features.health.service import Health

log = logging.getLogger(__name__)

HEALTH_KEY = web.AppKey("health", Health)


class HealthServer:
    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.port: int | None = None  # the port listened on, once started (port 0: picked)

    async def start(self, deps: Deps) -> None:
        runner = web.AppRunner(application(deps.health), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        try:
            await site.start()
        except OSError as exc:
            log.error(
                "/healthz and /metrics are not served: cannot listen on %s:%s (%s); set "
                "VIDW_HEALTH_LISTEN to a free host:port, or off",
                self._host,
                self._port,
                exc.strerror or exc,
            )
            await runner.cleanup()
            return
        self._runner = runner
        self.port = _bound_port(runner) or self._port
        log.info("health: http://%s:%s/healthz and /metrics", self._host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def application(health: Health) -> web.Application:
    app = web.Application()
    app[HEALTH_KEY] = health
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app


async def healthz(request: web.Request) -> web.Response:
    report = await request.app[HEALTH_KEY].report()
    return web.json_response(as_json(report), status=200 if report.healthy else 503)


async def metrics(request: web.Request) -> web.Response:
    figures = request.app[HEALTH_KEY].metrics
    await figures.refresh()
    encode, content_type = choose_encoder(request.headers.get("Accept", ""))
    response = web.Response(body=encode(figures.registry))
    response.headers["Content-Type"] = content_type
    return response


def as_json(report: HealthReport) -> dict[str, Any]:
    """{"status": "ok" | "unhealthy", "failing": [...], "degraded": [...], "checks": {...}}"""
    problems = report.problems
    return {
        "status": "ok" if report.healthy else "unhealthy",
        "failing": [_line(c) for c in problems if c.vital],
        "degraded": [_line(c) for c in problems if not c.vital],
        "checks": {c.name: _check(c) for c in report.checks},
        "planners_last_ran": {
            name: when.isoformat() for name, when in sorted(report.last_planner_runs.items())
        },
        "at": report.at.isoformat(),
    }


def _line(check: Check) -> str:
    return f"{check.name}: {check.detail}" if check.detail else check.name


def _check(check: Check) -> dict[str, Any]:
    shown: dict[str, Any] = {"ok": check.ok, "vital": check.vital}
    if check.detail:
        shown["detail"] = check.detail
    if check.since is not None:
        shown["failing_since"] = check.since.isoformat()
    if check.restarts:
        shown["restarts"] = check.restarts
    return shown


def _bound_port(runner: web.AppRunner) -> int | None:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None
