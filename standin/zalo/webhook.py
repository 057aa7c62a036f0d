"""setWebhook's settings, and the task that posts each update to the webhook as Zalo does.

Zalo posts the update as JSON with the secret in X-Bot-Api-Secret-Token; production has
been seen sending the update itself and {"ok": true, "result": update}, so the body shape
is a switch (`wrap`). A post counts as delivered on a 2xx answer. A failed post is retried
a few times within a second, then the update is dropped (Zalo keeps no backlog for a
webhook that is down); `dropped` counts those.
"""

from __future__ import annotations

import asyncio
from typing import Any

from standin.common.webhook import FailureWording, WebhookPoster
from standin.zalo.payloads import now_ms
from standin.zalo.updates import UpdateQueue

JSONDict = dict[str, Any]
SECRET_HEADER = "X-Bot-Api-Secret-Token"
RETRY_DELAYS = (0.1, 0.2, 0.4)  # seconds before each retry: four tries within ~0.7 s
POST_TIMEOUT = 5.0
WORDING = FailureWording("the webhook answered {status} {reason}", "connection failed: {error}")


class ZaloWebhookPusher(WebhookPoster):
    """The webhook the bot set, if any, and the pusher that serves it."""

    def __init__(self, updates: UpdateQueue) -> None:
        super().__init__("zalo-standin-webhook", post_timeout=POST_TIMEOUT, wording=WORDING)
        self.secret_token = ""
        self.updated_at = now_ms()
        self.wrap = False  # post {"ok": true, "result": update} instead of the bare update
        self.dropped = 0  # updates given up after the retries
        self.in_flight = 0  # taken from the queue, not yet accepted or dropped
        self.last_error: str | None = None
        self._updates = updates

    def set(self, url: str, secret_token: str) -> None:
        """Post to `url` from now on (a new URL takes effect with the next post)."""
        self.url, self.secret_token, self.updated_at = url, secret_token, now_ms()
        self._updates.set_webhook_active(True)
        self._start()

    def delete(self) -> None:
        """Updates wait for getUpdates again; an update being posted goes back to the queue."""
        self.url, self.secret_token, self.updated_at = "", "", now_ms()
        self._cancel()
        self._updates.set_webhook_active(False)

    async def _push(self) -> None:
        """Each update in turn: delivered after a few tries, or dropped."""
        while True:
            update = await self._updates.take()
            if update is None:  # the stand-in is stopping
                return
            self.in_flight += 1
            try:
                delivered = await self._deliver(update)
            except asyncio.CancelledError:
                # deleteWebhook or stop: the bot may or may not have seen it; keep it rather
                # than lose it (a post that did land will come again).
                self._updates.put_back(update)
                raise
            finally:
                self.in_flight -= 1
            if delivered:
                self.delivered += 1
            else:
                self.dropped += 1

    async def _deliver(self, update: JSONDict) -> bool:
        body = {"ok": True, "result": update} if self.wrap else update
        for delay in (0.0, *RETRY_DELAYS):
            await asyncio.sleep(delay)
            error = await self._post(body, {SECRET_HEADER: self.secret_token})
            if error is None:
                return True
            self.last_error = error
        return False
