"""The per-user gate in front of the routing table (the policy is bot/admission.py).

PTB hands each update to an update processor, which runs up to 64 at once. This one asks the
Admission first: an admitted update runs as usual; a refused one never reaches the handlers and
frees its place at once. Its user is told to slow down: a refused tap always (as the tap's
pop-up notice, which also stops the client's spinner), a refused message only when a notice
is due. Only messages and taps pass the gate: a vote (poll_answer) refused would be lost.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

from bot.admission import Admission
from bot.deps import Deps
from bot.ui import menus
from channels.telegram.render import answer_query

log = logging.getLogger(__name__)

Refuse = Callable[[Update, bool], Awaitable[None]]


def gated_user(update: object) -> int | None:
    """The user whose share a message or tap counts against; None for other updates."""
    if not isinstance(update, Update) or not (update.message or update.callback_query):
        return None
    user = update.effective_user
    return user.id if user is not None else None


class FairUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int, admission: Admission, refuse: Refuse) -> None:
        super().__init__(max_concurrent_updates)
        self.admission = admission
        self._refuse = refuse

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        user_id = gated_user(update)
        if user_id is None:
            await coroutine
            return
        verdict = self.admission.enter(user_id)
        if not verdict.admitted:
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # never started: the handlers do not see this update
            assert isinstance(update, Update)  # gated_user returns ids for Updates only
            await self._refuse(update, verdict.notify)
            return
        try:
            await coroutine
        finally:
            self.admission.leave(user_id)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


async def refuse(update: Update, deps: Deps, notify: bool) -> None:
    """Tell a refused user to slow down, in their language."""
    user = update.effective_user
    query = update.callback_query
    if user is None or (query is None and not notify):
        return
    text = menus.slow_down(await deps.navigator.view_of(user.id, user.language_code))
    if query is not None:
        await answer_query(query, text)
        return
    if update.effective_chat is None:
        return
    try:
        await update.effective_chat.send_message(text)
    except TelegramError as exc:  # blocked, or the chat is held: the notice is a courtesy
        log.info("could not tell user %s to slow down: %s", user.id, exc.message)
