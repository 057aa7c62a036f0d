"""Screens to Telegram: inline keyboards, new messages, and edits in place."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, RetryAfter

from bot.screens.model import Screen

log = logging.getLogger(__name__)
T = TypeVar("T")

# An interactive reply waits out one flood-control answer; longer waits are bulk traffic's job.
MAX_INTERACTIVE_WAIT = 5.0


def keyboard(screen: Screen) -> InlineKeyboardMarkup | None:
    if not screen.rows:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.action) for b in row]
            for row in screen.rows
        ]
    )


async def _patiently(call: Callable[[], Awaitable[T]]) -> T:
    """Retry once after a 429 if Telegram asks for a short pause."""
    try:
        return await call()
    except RetryAfter as exc:
        wait = (
            exc.retry_after
            if isinstance(exc.retry_after, float | int)
            else exc.retry_after.total_seconds()
        )
        if wait > MAX_INTERACTIVE_WAIT:
            raise
        await asyncio.sleep(wait)
        return await call()


async def reply(update: Update, screen: Screen) -> Message:
    """Answer with a new message in the chat the update came from."""
    chat = update.effective_chat
    assert chat is not None  # handlers are registered for chat updates only
    return await _patiently(lambda: chat.send_message(screen.text, reply_markup=keyboard(screen)))


async def replace(update: Update, screen: Screen) -> None:
    """Navigation edits the tapped message in place instead of flooding the chat."""
    query = update.callback_query
    assert query is not None
    message = query.message
    if message is None or not isinstance(message, Message):
        await reply(update, screen)  # the message is too old to be edited
        return
    try:
        await _patiently(lambda: message.edit_text(screen.text, reply_markup=keyboard(screen)))
    except BadRequest as exc:
        text = exc.message.lower()
        if "not modified" in text:
            return  # the same screen again (e.g. Refresh within the same minute)
        if "not found" in text or "can't be edited" in text:
            await reply(update, screen)
            return
        raise
