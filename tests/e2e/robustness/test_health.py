"""GET /healthz and GET /metrics on the running bot, over real HTTP: 200 while all is well, 503
naming the sender while a real database lock stops it, 200 again once it ran well; the
figures in Prometheus' text format; served in the offline demo too; a taken port does not
stop the bot."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.clock import Clock
from bot.config import Settings
from bot.supervise import Backoff, Supervisor
from channels.telegram.app import BotApplication
from channels.telegram.runner import running
from cli.compose import telegram_application
from cli.demo_bot import offline_bot
from standin.common.sqlite_lock import database_locked
from standin.telegram import StandIn
from tests.e2e.delivery.helpers import delivery_of, recipients, texts, until_done
from tests.e2e.robustness.test_background_restarts import QUICK

TIMEOUT = 20.0
# Restarts at once; a task counts as recovered after one second without failing.
RECOVERS = Backoff(first=0.05, cap=0.2, healthy=1.0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def get(port: int, path: str) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}{path}") as response,
    ):
        return response.status, await response.text()


async def healthz(port: int) -> tuple[int, dict[str, Any]]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}/healthz") as response,
    ):
        return response.status, await response.json()


async def until_status(port: int, status: int) -> dict[str, Any]:
    async with asyncio.timeout(TIMEOUT):
        while True:
            got, body = await healthz(port)
            if got == status:
                return body
            await asyncio.sleep(0.05)


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def supervisor(clock: Clock) -> Supervisor:
    return Supervisor(RECOVERS, now=clock.now)


@pytest.fixture
def start_with_health(
    settings: Settings, clock: Clock, supervisor: Supervisor, port: int
) -> Callable[..., Any]:
    @asynccontextmanager
    async def _start(**overrides: Any) -> AsyncIterator[BotApplication]:
        chosen = replace(settings, health_listen=("127.0.0.1", port), **overrides)
        app = telegram_application(chosen, clock=clock, supervisor=supervisor)
        async with running(app, poll_timeout=1):
            await app.bot_data.deps.storage.db.one("PRAGMA busy_timeout = 100")
            yield app

    return _start


async def test_healthz_is_200_while_all_is_alive_and_names_each_check(
    start_with_health: Callable[..., Any], standin: StandIn, port: int
) -> None:
    async with start_with_health():
        await standin.until_polling()
        status, body = await healthz(port)
    assert status == 200 and body["status"] == "ok"
    assert body["failing"] == [] and body["degraded"] == []
    for check in ("database", "telegram-updates", "sender", "sender:records", "planner:survey"):
        assert body["checks"][check]["ok"] is True
    assert set(body["planners_last_ran"]) == {"reminders", "feedback", "survey", "matching"}


async def test_healthz_turns_503_naming_the_sender_a_lock_stopped_and_200_once_it_recovers(
    start_with_health: Callable[..., Any], standin: StandIn, settings: Settings, port: int
) -> None:
    async with start_with_health() as bot:
        await until_status(port, 200)
        audience = await recipients(bot, standin, 4400, 3)
        async with database_locked(settings.db_path):
            locked_at = time.monotonic()
            unhealthy = await until_status(port, 503)
            turned = time.monotonic() - locked_at
            # Meanwhile an announcement is queued from a terminal's point of view: it waits.
            queuing = asyncio.create_task(
                delivery_of(bot).enqueue("after-lock", "announcement", texts("h", audience))
            )
            await asyncio.sleep(0.5)
        released_at = time.monotonic()
        healthy = await until_status(port, 200)
        recovered = time.monotonic() - released_at
        await queuing
        progress = await until_done(delivery_of(bot), "after-lock")
    print(f"\n/healthz: 503 {turned:.2f} s after the lock, 200 {recovered:.2f} s after its end")
    assert unhealthy["status"] == "unhealthy"
    assert any(line.startswith("sender") for line in unhealthy["failing"])
    assert "database is locked" in " ".join(unhealthy["failing"])
    assert unhealthy["checks"]["sender"]["ok"] is False
    assert unhealthy["checks"]["database"]["ok"] is True  # reads go on under the lock
    assert healthy["status"] == "ok"
    assert progress.sent == len(audience)


async def test_metrics_in_prometheus_text_format(
    start_with_health: Callable[..., Any], standin: StandIn, port: int
) -> None:
    user = standin.user(4500, language_code="en")
    async with start_with_health() as bot:
        for text in ("/start", "/help", "/now"):
            await user.ask(text)
        audience = await recipients(bot, standin, 4510, 4)
        standin.block(audience[0])
        await delivery_of(bot).enqueue("metered", "announcement", texts("m", audience))
        await until_done(delivery_of(bot), "metered")
        status, text = await get(port, "/metrics")
    assert status == 200
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }
    assert samples["vidw_update_seconds_count", (("channel", "telegram"),)] >= 3
    assert ("vidw_update_seconds_bucket", (("channel", "telegram"), ("le", "0.5"))) in samples
    assert samples["vidw_outbox_items", (("kind", "announcement"), ("status", "sent"))] == 3
    assert samples["vidw_outbox_items", (("kind", "announcement"), ("status", "blocked"))] == 1
    messages = {"channel": "telegram", "outcome": "sent"}
    assert samples["vidw_messages_total", tuple(sorted(messages.items()))] == 3
    blocked = {"channel": "telegram", "outcome": "blocked"}
    assert samples["vidw_messages_total", tuple(sorted(blocked.items()))] == 1
    assert samples["vidw_task_restarts_total", (("task", "sender"),)] == 0
    assert samples["vidw_healthy", ()] == 1
    assert samples["vidw_check_up", (("check", "database"),)] == 1
    ran = samples["vidw_planner_last_success_timestamp_seconds", (("planner", "reminders"),)]
    assert ran > 0


async def test_the_offline_demo_serves_healthz_too(
    settings: Settings, port: int, compiled_locales: object
) -> None:
    env = {"VIDW_HEALTH_LISTEN": f"127.0.0.1:{port}", "VIDW_LOCALES": str(compiled_locales)}
    demo = Settings.from_env(env, dotenv=None)
    async with offline_bot(demo) as standin:
        await standin.until_polling()
        status, body = await healthz(port)
    assert status == 200 and body["status"] == "ok"


async def test_a_taken_port_is_logged_and_the_bot_serves_all_the_same(
    start_with_health: Callable[..., Any],
    standin: StandIn,
    port: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        async with start_with_health():
            welcome = await standin.user(4600, language_code="en").ask("/start")
    assert "Welcome" in (welcome.text or "")
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any("/healthz and /metrics are not served" in m for m in errors)


ORGANIZER = 4700


async def test_organizers_read_the_same_facts_in_the_chat_in_their_language(
    settings: Settings, standin: StandIn, clock: Clock
) -> None:
    organizer = standin.user(ORGANIZER, language_code="fr")
    attendee = standin.user(4701, language_code="vi")
    # A task that failed stays failing here until the end of the test.
    supervisor = Supervisor(QUICK, now=clock.now)
    chosen = replace(settings, organizers=frozenset({ORGANIZER}))
    app = telegram_application(chosen, clock=clock, supervisor=supervisor)
    async with running(app, poll_timeout=1):
        await app.bot_data.deps.storage.db.one("PRAGMA busy_timeout = 100")
        await standin.until_polling()
        well = await organizer.ask("/health")
        async with database_locked(settings.db_path), asyncio.timeout(TIMEOUT):
            # (The organizer's taps would wait for the lock, as everyone's do.)
            while not any(t.name == "sender" and t.failing for t in supervisor.health()):
                await asyncio.sleep(0.05)
        unwell = await organizer.press(well, "🔄 Actualiser", timeout=TIMEOUT)
        refused = await attendee.ask("/health")
        menu = standin.commands(scope={"type": "chat", "chat_id": ORGANIZER})
    assert "État du bot" in (well.text or "")
    assert "✅ Fonctionnement normal" in (well.text or "")
    assert "Dernière planification" in (well.text or "")
    text = unwell.text or ""
    assert "🚨 Fonctionnement anormal" in text
    assert "🚨 Envoi (depuis 10:0" in text  # the sender, by the bot's clock
    assert "database is locked" in text
    assert "État du bot" not in (refused.text or "")  # organizers only
    assert "health" in [c["command"] for c in menu]  # in the organizer's own menu
