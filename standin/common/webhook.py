"""The webhook the bot set and the one task that posts updates to it, one at a time.

Both stand-ins post each update as JSON with the secret in a header and count it delivered
on a 2xx answer. What differs lives in each one's pusher: where the next update comes from,
the body, and what a failure leads to (Telegram retries for ever, Zalo a few times, then
drops the update).
"""

from __future__ import annotations

import asyncio
import contextlib
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import NamedTuple

import aiohttp


class FailureWording(NamedTuple):
    """What a failed post reports: a non-2xx answer ({status}, {reason}) or no answer at all
    ({error}, the exception's type)."""

    wrong_answer: str
    connection_failed: str


class WebhookPoster(ABC):
    """The webhook's URL, the push task and its HTTP session; subclasses write `_push`."""

    def __init__(self, task_name: str, *, post_timeout: float, wording: FailureWording) -> None:
        """`post_timeout`: seconds for one post, the answer included."""
        self.url = ""
        self.delivered = 0  # updates the bot accepted (2xx)
        self._task_name = task_name
        self._post_timeout = post_timeout
        self._wording = wording
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    @abstractmethod
    async def _push(self) -> None:
        """Post the queued updates for as long as the webhook is set."""

    def _start(self) -> None:
        """Start the push task unless it runs already (a new URL serves the next post)."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._push(), name=self._task_name)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def close(self) -> None:
        """Stop the push task and close the session (the stand-in is stopping)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _post(self, body: object, headers: Mapping[str, str]) -> str | None:
        """None when the bot accepted the post; otherwise what went wrong."""
        if self._session is None:
            timeout = aiohttp.ClientTimeout(total=self._post_timeout)
            self._session = aiohttp.ClientSession(timeout=timeout)
        try:
            async with self._session.post(self.url, json=body, headers=headers) as response:
                if 200 <= response.status < 300:
                    return None
                wording = self._wording.wrong_answer
                return wording.format(status=response.status, reason=response.reason)
        except (aiohttp.ClientError, TimeoutError) as error:
            return self._wording.connection_failed.format(error=type(error).__name__)
