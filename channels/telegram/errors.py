"""One error handler: log the failure, tell the user politely, keep the bot alive."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.ui import menus
from channels.telegram.context import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    if isinstance(context.error, Forbidden) and isinstance(update, Update):
        await _blocked(update, context)
        return
    if not isinstance(update, Update):  # a task PTB ran for us, not an update: name it
        log.error("%s failed", describe_task(update, context), exc_info=context.error)
        return
    log.error("update failed: %s", describe(update), exc_info=context.error)
    if update.effective_chat is None:
        return
    user = update.effective_user
    try:
        navigator = context.deps.navigator
        profile = await navigator.meet(user.id, user.language_code) if user else None
        text = menus.something_went_wrong(navigator.view(profile)) if profile else None
    except Exception:  # the storage itself may be what failed: answer in English then
        log.exception("could not load the user's language for the error message")
        text = None
    try:
        await update.effective_chat.send_message(
            text or "Sorry, something went wrong on my side. Please try again in a moment."
        )
    except Forbidden:
        pass  # they blocked the bot; nothing to tell them
    except TelegramError:
        log.warning("could not send the error message to chat %s", update.effective_chat.id)


async def _blocked(update: Update, context: BotContext) -> None:
    """The user blocked the bot: remember it (bulk sends skip them); nothing to answer."""
    user = update.effective_user
    log.info("user %s has blocked the bot", user.id if user else "?")
    if user is not None:
        await context.deps.storage.users.mark_blocked(user.id)


def describe(update: object) -> str:
    """Which update failed, without dumping personal message contents into the log."""
    if isinstance(update, Update):
        user = update.effective_user
        kind = "callback" if update.callback_query else "message" if update.message else "other"
        return f"update {update.update_id} ({kind}) from user {user.id if user else '?'}"
    return repr(update)[:200]


def describe_task(update: object, context: BotContext) -> str:
    """Which job or background task failed: "job <name>", "task <coroutine>"."""
    if context.job is not None:
        return f"job {context.job.name}"
    coroutine = context.coroutine
    if coroutine is not None:
        name = getattr(coroutine, "__qualname__", None) or type(coroutine).__name__
        return f"task {name}"
    return f"background work ({describe(update)})" if update is not None else "background work"
