"""Bot API calls that must happen but must hold nothing up: the command menus, the start of the
update intake (deleteWebhook or setWebhook).

Each is tried at once. When Telegram fails it (a 5xx, a timeout, an emulator without the
method), the bot goes on and the call is tried again in a supervised loop, after 1, 2, 4 … at
most 30 s, until it goes through: logged once when it failed, and once when it went through.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram.error import InvalidToken, TelegramError

from bot.supervise import Supervised, Supervisor

log = logging.getLogger(__name__)

Call = Callable[[], Awaitable[object]]
FIRST_DELAY, MAX_DELAY = 1.0, 30.0


class BackgroundCalls:
    def __init__(self, supervisor: Supervisor, name: str) -> None:
        self._supervisor = supervisor
        self._name = name
        self._pending: dict[str, Call] = {}  # a newer call of the same name replaces an older
        self._wake = asyncio.Event()
        self._loop: Supervised | None = None

    @property
    def pending(self) -> list[str]:
        """What is still to go through."""
        return list(self._pending)

    async def call(self, what: str, call: Call) -> bool:
        """Try `call` now; if Telegram fails it, retry it in the background. True if it went
        through now. A refused token is no passing trouble: it is raised."""
        try:
            await call()
        except InvalidToken:
            raise
        except TelegramError as exc:
            log.warning("%s failed (%s); retrying in the background", what, exc)
            self._later(what, call)
            return False
        self._pending.pop(what, None)  # done now: an older retry of it is no longer needed
        return True

    async def close(self) -> None:
        """Nothing more is tried."""
        self._pending.clear()
        if self._loop is not None:
            await self._loop.cancel()
            self._loop = None

    def _later(self, what: str, call: Call) -> None:
        self._pending[what] = call
        if self._loop is None:
            self._loop = self._supervisor.start(self._name, self._retry)
        self._wake.set()

    async def _retry(self) -> None:
        while True:
            await self._wake.wait()
            delay = FIRST_DELAY
            while self._pending:
                await asyncio.sleep(delay)
                for what, call in list(self._pending.items()):
                    try:
                        await call()
                    except TelegramError as exc:
                        log.debug("%s failed again (%s)", what, exc)
                        continue
                    if self._pending.get(what) is call:
                        del self._pending[what]
                    log.info("%s went through after retrying", what)
                delay = min(delay * 2, MAX_DELAY)
            self._wake.clear()
