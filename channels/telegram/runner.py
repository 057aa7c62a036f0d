"""Run an Application inside an existing event loop (demo, tests, benchmarks).

`run_polling` and `run_webhook` own the loop and call post_init themselves; here we do those
steps by hand, with the updater fetching updates by long polling or serving a webhook.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application, Updater

from bot.config import WebhookSettings

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


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
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    try:
        assert app.updater is not None
        await start_updater(app.updater)
        await app.start()
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
