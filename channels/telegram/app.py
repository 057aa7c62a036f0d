"""The Telegram process: the PTB Application around bot/lifecycle.py's one start/stop
sequence, with the Telegram channel and any other channels it is given (cli/compose.py adds
Zalo beside it; the channels never import each other)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults, ExtBot
from telegram.request import HTTPXRequest

from bot.admission import Admission
from bot.channels import TELEGRAM
from bot.clock import Clock
from bot.config import Settings
from bot.core import load_startup_files
from bot.delivery.pacer import Pacer
from bot.deps import BotData
from bot.lifecycle import Channel, Lifecycle, Service
from bot.planning import TICK_SECONDS
from bot.supervise import Supervisor
from channels.telegram.admission import FairUpdateProcessor, Refuse, refuse
from channels.telegram.aiohttp_request import AiohttpRequest
from channels.telegram.channel import TelegramChannel
from channels.telegram.context import CONTEXT_TYPES
from channels.telegram.errors import on_error
from channels.telegram.flood_control import FloodControl
from channels.telegram.routing import handlers
from channels.telegram.scrubbed_request import ScrubbedUpdatesRequest

BotApplication = Application[Any, Any, Any, Any, BotData, Any]
BULK_CONNECTIONS = 4
CONCURRENT_UPDATES = 64


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    channels: Sequence[Channel] = (),
    supervisor: Supervisor | None = None,
    tick: float = TICK_SECONDS,
    services: Sequence[Service] = (),
) -> BotApplication:
    """Load what can fail before any network call (catalogs, schedule), then wire the bot.

    The bot starts in post_init (storage and the channels open there: it is async) and stops
    in post_stop, while the bot can still call Telegram: in-flight sends finish. post_shutdown
    stops what a failed start or an early exit left (nothing, when post_stop ran).
    """
    if not settings.token:
        raise ValueError("build_application needs a bot token")
    static = load_startup_files(settings)
    clock = clock or Clock(settings.rehearsal_start)
    pacer = Pacer(settings.send_rate)
    flood_control = FloodControl(pacer)
    defaults = Defaults(
        parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
    # Bulk traffic has its own few connections, so replies never queue behind a broadcast, on
    # aiohttp's client, which costs far less CPU per request than httpx at 1,000 sends/s.
    bulk_bot = ExtBot(
        settings.token,
        base_url=settings.base_url,
        base_file_url=settings.base_file_url,
        request=AiohttpRequest(BULK_CONNECTIONS),
        defaults=defaults,
        rate_limiter=flood_control,
    )

    async def post_init(app: BotApplication) -> None:
        await lifecycle.start()

    async def post_stop(app: BotApplication) -> None:
        await lifecycle.stop()

    async def post_shutdown(app: BotApplication) -> None:
        await lifecycle.stop()
        app.bot_data.detach()

    async def refuse_update(update: Update, notify: bool) -> None:
        await refuse(update, app.bot_data.deps, notify)

    def handled(seconds: float) -> None:
        deps = app.bot_data.deps
        deps.health.metrics.observe_update(TELEGRAM, seconds)

    # Each user gets a small share of the places, so one flooding user cannot take them all.
    processor = TimedUpdateProcessor(
        CONCURRENT_UPDATES, Admission(), refuse_update, on_handled=handled
    )

    app: BotApplication = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .context_types(CONTEXT_TYPES)
        .defaults(defaults)
        .rate_limiter(flood_control)
        .get_updates_request(ScrubbedUpdatesRequest())
        .concurrent_updates(processor)
        # Replies on aiohttp too: under a crowd, httpx's per-request CPU was the bot's
        # ceiling (bench load: 174 updates/s, most of the bot's CPU inside httpx).
        .request(AiohttpRequest(CONCURRENT_UPDATES, uploads=HTTPXRequest(CONCURRENT_UPDATES)))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .job_queue(None)  # timed work runs on bot/planning.py's supervised loops (no APScheduler)
        .build()
    )
    telegram = TelegramChannel(app, bulk_bot, paid_broadcast=settings.paid_broadcast)
    lifecycle = Lifecycle(
        settings,
        static,
        clock,
        pacer,
        [telegram, *channels],
        rate=settings.send_rate,
        window=BULK_CONNECTIONS,
        supervisor=supervisor,
        tick=tick,
        services=services,
    )
    app.add_handlers(handlers())
    app.add_error_handler(on_error)
    return app


class TimedUpdateProcessor(FairUpdateProcessor):
    """Each update's handling time goes to /metrics (updates handled, latency histogram)."""

    def __init__(
        self,
        max_concurrent_updates: int,
        admission: Admission,
        refuse: Refuse,
        *,
        on_handled: Callable[[float], None],
    ) -> None:
        super().__init__(max_concurrent_updates, admission, refuse)
        self._on_handled = on_handled

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        started = time.monotonic()
        try:
            await super().do_process_update(update, coroutine)
        finally:
            # RuntimeError: not started yet, or stopped: nothing to count into.
            with contextlib.suppress(RuntimeError):
                self._on_handled(time.monotonic() - started)
