"""setWebhook's settings, and the task that posts pending updates to the webhook as Telegram does.

Telegram posts each update as JSON with the secret in X-Telegram-Bot-Api-Secret-Token and
counts it delivered on a 2xx answer; anything else (a refused connection, a 403) is retried
later, so updates that arrive while the bot is down wait for it. Differences, on purpose:
the stand-in posts only to loopback (fake updates never leave the machine; another host
is stored and reported as an error), accepts http:// (loopback tests need no TLS), posts
one update at a time in order (Telegram uses up to max_connections in parallel), and
retries within a second (Telegram backs off for up to minutes).
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

from standin.common.webhook import FailureWording, WebhookPoster
from standin.telegram.updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FIRST_RETRY = 0.05  # seconds; doubles after each failure up to LAST_RETRY
LAST_RETRY = 1.0
POST_TIMEOUT = 10.0
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
NOT_LOOPBACK = "the stand-in posts only to loopback webhooks"
# As getWebhookInfo's last_error_message words a failed post.
WORDING = FailureWording(
    "Wrong response from the webhook: {status} {reason}", "Connection failed: {error}"
)


class WebhookPusher(WebhookPoster):
    """The webhook the bot set, if any, and the pusher that serves it."""

    def __init__(self, updates: UpdateQueue) -> None:
        super().__init__("standin-webhook", post_timeout=POST_TIMEOUT, wording=WORDING)
        self.secret_token: str | None = None
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self._updates = updates

    def set(self, url: str, secret_token: str | None) -> None:
        """Point the pusher at `url` (a new URL takes effect with the next post)."""
        self.url, self.secret_token = url, secret_token
        self.last_error_date = self.last_error_message = None
        if urlsplit(url).hostname not in LOOPBACK:
            self._failed(NOT_LOOPBACK)
            self._cancel()
            return
        self._start()

    def delete(self) -> None:
        """Updates wait for getUpdates again; a post in flight may still land."""
        self.url, self.secret_token = "", None
        self._cancel()

    async def _push(self) -> None:
        """The first pending update until the bot accepts it, backing off after failures."""
        delay = FIRST_RETRY
        while True:
            update = await self._updates.first()
            if update is None:  # the stand-in is stopping
                return
            error = await self._post(update, self._headers())
            if error is None:
                self._updates.confirm(update["update_id"])
                self.delivered += 1
                delay = FIRST_RETRY
                continue
            self._failed(error)
            await asyncio.sleep(delay)
            delay = min(delay * 2, LAST_RETRY)

    def _headers(self) -> dict[str, str]:
        return {SECRET_HEADER: self.secret_token} if self.secret_token else {}

    def _failed(self, error: str) -> None:
        """What getWebhookInfo reports from now on."""
        self.last_error_date, self.last_error_message = int(time.time()), error
