"""setWebhook's settings, and the task that posts each update to the webhook as Zalo does.

Zalo posts the update as JSON with the secret in X-Bot-Api-Secret-Token; production has
been seen sending the update itself and {"ok": true, "result": update}, so the body shape
is a switch (`wrap`). A post counts as delivered on a 2xx answer. A failed post is retried
a few times within a second, then the update is dropped (Zalo keeps no backlog for a
webhook that is down); `dropped` counts those.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import aiohttp

from standin.zalo.payloads import now_ms
from standin.zalo.updates import UpdateQueue

JSONDict = dict[str, Any]
SECRET_HEADER = "X-Bot-Api-Secret-Token"
RETRY_DELAYS = (0.1, 0.2, 0.4)  # seconds before each retry: four tries within ~0.7 s
POST_TIMEOUT = 5.0


class ZaloWebhookPusher:
    """The webhook the bot set, if any, and the pusher that serves it."""

    def __init__(self, updates: UpdateQueue) -> None:
        self.url = ""
        self.secret_token = ""
        self.updated_at = now_ms()
        self.wrap = False  # post {"ok": true, "result": update} instead of the bare update
        self.delivered = 0  # updates the bot accepted (2xx)
        self.dropped = 0  # updates given up after the retries
        self.in_flight = 0  # taken from the queue, not yet accepted or dropped
        self.last_error: str | None = None
        self._updates = updates
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def set(self, url: str, secret_token: str) -> None:
        """Post to `url` from now on (a new URL takes effect with the next post)."""
        self.url, self.secret_token, self.updated_at = url, secret_token, now_ms()
        self._updates.set_webhook_active(True)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._push(), name="zalo-standin-webhook")

    def delete(self) -> None:
        """Updates wait for getUpdates again; an update being posted goes back to the queue."""
        self.url, self.secret_token, self.updated_at = "", "", now_ms()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._updates.set_webhook_active(False)

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _push(self) -> None:
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
        for delay in (0.0, *RETRY_DELAYS):
            await asyncio.sleep(delay)
            error = await self._post(update)
            if error is None:
                return True
            self.last_error = error
        return False

    async def _post(self, update: JSONDict) -> str | None:
        """None when the bot accepted the update; otherwise what went wrong."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=POST_TIMEOUT))
        body = {"ok": True, "result": update} if self.wrap else update
        headers = {SECRET_HEADER: self.secret_token}
        try:
            async with self._session.post(self.url, json=body, headers=headers) as response:
                if 200 <= response.status < 300:
                    return None
                return f"the webhook answered {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as error:
            return f"connection failed: {type(error).__name__}"
