"""The composition root: one function builds the whole bot from a frozen Settings."""

from __future__ import annotations

from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults, ExtBot
from telegram.request import HTTPXRequest

from bot.admission import Admission
from bot.channels import TELEGRAM, ZALO
from bot.clock import Clock
from bot.config import Settings
from bot.core import assemble, load_startup_files
from bot.delivery.pacer import Pacer
from bot.delivery.router import ChannelRouter
from bot.delivery.sender import Transport
from bot.deps import BotData
from bot.storage import Storage
from channels.telegram.admission import FairUpdateProcessor, refuse
from channels.telegram.aiohttp_request import AiohttpRequest
from channels.telegram.command_menus import publish_for, publish_public, publish_roles
from channels.telegram.context import CONTEXT_TYPES
from channels.telegram.errors import on_error
from channels.telegram.flood_control import FloodControl
from channels.telegram.jobs import start_jobs
from channels.telegram.routing import handlers
from channels.telegram.scrubbed_request import ScrubbedUpdatesRequest
from channels.telegram.transport import TelegramTransport
from channels.zalo.channel import ZaloChannel

BotApplication = Application[Any, Any, Any, Any, BotData, Any]
BULK_CONNECTIONS = 4
CONCURRENT_UPDATES = 64


def build_application(settings: Settings, *, clock: Clock | None = None) -> BotApplication:
    """Load what can fail before any network call (catalogs, schedule), then wire the bot.

    Storage opens in post_init (it is async) and closes in post_shutdown.
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

    zalo: ZaloChannel | None = None  # on when ZALO_BOT_TOKEN is set

    async def post_init(app: BotApplication) -> None:
        storage = await Storage.open(settings.db_path)
        await bulk_bot.initialize()
        transports: dict[str, Transport] = {
            TELEGRAM: TelegramTransport(bulk_bot, paid_broadcast=settings.paid_broadcast)
        }
        nonlocal zalo
        if settings.zalo is not None:
            zalo = ZaloChannel(settings.zalo, storage, static.catalogs)
            await zalo.open()
            transports[ZALO] = zalo.transport
        deps = await assemble(
            settings,
            static,
            storage,
            clock,
            ChannelRouter(transports),
            pacer,
            rate=settings.send_rate,
            window=BULK_CONNECTIONS,
        )
        app.bot_data.attach(deps)
        catalogs = static.catalogs
        await publish_public(app.bot, catalogs)
        await publish_roles(app.bot, deps, catalogs)
        deps.staff.on_change = lambda user_id: publish_for(app.bot, deps, catalogs, user_id)
        await deps.delivery.sender.start()
        await deps.programme_reload.start()  # a file replaced while the bot was down
        assert app.job_queue is not None  # the job-queue extra is a pinned dependency
        await start_jobs(app.job_queue)
        if zalo is not None:
            await zalo.start(deps)

    async def post_stop(app: BotApplication) -> None:
        """The sender stops while the bot can still call Telegram: in-flight sends finish."""
        if zalo is not None:
            await zalo.stop_updates()
        await app.bot_data.deps.delivery.sender.stop()
        await bulk_bot.shutdown()
        if zalo is not None:
            await zalo.close()

    async def post_shutdown(app: BotApplication) -> None:
        deps = app.bot_data.detach()
        if deps is not None:
            await deps.storage.close()

    async def refuse_update(update: Update, notify: bool) -> None:
        await refuse(update, app.bot_data.deps, notify)

    # Each user gets a small share of the places, so one flooding user cannot take them all.
    processor = FairUpdateProcessor(CONCURRENT_UPDATES, Admission(), refuse_update)

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
        .build()
    )
    app.add_handlers(handlers())
    app.add_error_handler(on_error)
    return app
