"""Run an Application inside an event loop: `vidw-bot run` (until SIGINT or SIGTERM), the
demo, tests, benchmarks.

PTB's `run_polling` and `run_webhook` own the loop and stop the start when any Bot API call in
it fails; here the steps are done by hand: getMe (a refused token stops the start), post_init
(the bot), then the updater fetching updates by long polling or serving a webhook, whose
first call is retried in the background if Telegram fails it.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from functools import partial
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application, Updater

from bot.config import WebhookSettings
from bot.errors import StartupError
from channels.telegram.background_calls import BackgroundCalls

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
GET_ME_RETRIES = (1.0, 2.0, 4.0)  # seconds between the tries of getMe at start

log = logging.getLogger(__name__)


@asynccontextmanager
async def running(app: AnyApplication, poll_timeout: int = 10) -> AsyncIterator[None]:
    """The bot long-polls getUpdates (which deletes any webhook first)."""

    def start(updater: Updater) -> Awaitable[Any]:
        return updater.start_polling(
            poll_interval=0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )

    async with _lifecycle(app, start):
        yield


@asynccontextmanager
async def running_webhook(app: AnyApplication, webhook: WebhookSettings) -> AsyncIterator[None]:
    """The bot serves `webhook` and calls setWebhook with its URL and secret.

    The webhook stays set when the bot stops: Telegram keeps the updates that arrive meanwhile
    and delivers them once the bot is back. Deleting it on the way out would also switch off
    the webhook of a new instance that started before this one finished stopping.
    """

    def start(updater: Updater) -> Awaitable[Any]:
        return updater.start_webhook(**webhook_arguments(webhook))

    async with _lifecycle(app, start):
        yield


def webhook_arguments(webhook: WebhookSettings) -> dict[str, Any]:
    """Updater.start_webhook's and Application.run_webhook's arguments for `webhook`."""
    return {
        "listen": webhook.host,
        "port": webhook.port,
        "url_path": webhook.path,
        "webhook_url": webhook.url,
        "secret_token": webhook.secret,
        "allowed_updates": Update.ALL_TYPES,
    }


@asynccontextmanager
async def _lifecycle(
    app: AnyApplication, start_updater: Callable[[Updater], Awaitable[Any]]
) -> AsyncIterator[None]:
    await initialize(app)
    try:
        if app.post_init:
            await app.post_init(app)
        assert app.updater is not None
        updater = app.updater
        await app.start()
        # deleteWebhook (polling) or setWebhook: if Telegram fails it now, the bot serves all
        # the same (the outbox, the planners, the other channels) and retries it.
        intake = BackgroundCalls(app.bot_data.deps.supervisor, "telegram-intake")
        await intake.call("starting to take Telegram updates", partial(start_updater, updater))
        try:
            yield
        finally:
            await intake.close()
            if updater.running:
                await updater.stop()
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


async def initialize(app: AnyApplication) -> None:
    """getMe: a refused token stops the start with a clear message; a Bot API that does not
    answer is asked a few more times first."""
    delays = iter(GET_ME_RETRIES)
    while True:
        try:
            await app.initialize()
            return
        except InvalidToken:  # PTB's message shows the token: never repeat it
            await app.bot.shutdown()
            raise StartupError(
                "Telegram refused TELEGRAM_BOT_TOKEN (getMe: Unauthorized): copy the token "
                "again from @BotFather"
            ) from None
        except NetworkError as exc:
            delay = next(delays, None)
            if delay is None:
                await app.bot.shutdown()
                raise StartupError(
                    f"Telegram did not answer getMe ({exc.message}) after "
                    f"{len(GET_ME_RETRIES) + 1} tries: is {app.bot.base_url.rsplit('/', 1)[0]} "
                    "reachable from here (TELEGRAM_BASE_URL)?"
                ) from None
            log.warning("getMe failed (%s); trying again in %g s", exc.message, delay)
            await asyncio.sleep(delay)


async def serve(app: AnyApplication, webhook: WebhookSettings | None) -> None:
    """`vidw-bot run`: serve until SIGINT or SIGTERM, then stop gracefully (in-flight sends
    finish, the rest is released for the next start)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    serving = running(app) if webhook is None else running_webhook(app, webhook)
    async with serving:
        await stop.wait()
        log.info("stopping: finishing what is in flight")
