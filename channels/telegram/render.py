"""Screens to Telegram: inline keyboards, new messages, and edits in place.

Flood control (waiting out a 429) happens below, in channels/telegram/flood_control.py, for
every call.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.error import BadRequest, TelegramError

from bot.ui.model import Attachment, Button, MapPin, Screen

log = logging.getLogger(__name__)


def inline_keyboard(
    rows: Iterable[Iterable[Button]], *, inline_mode: bool = True
) -> InlineKeyboardMarkup | None:
    """The rows of buttons; None when there are none. A ↗️ Share button starts inline mode;
    without it (not enabled with @BotFather) the button would lead nowhere: left out."""
    keyboard = [[_button(b) for b in row if inline_mode or b.switch_inline is None] for row in rows]
    keyboard = [row for row in keyboard if row]
    return InlineKeyboardMarkup(keyboard) if keyboard else None


def _button(button: Button) -> InlineKeyboardButton:
    if button.switch_inline is not None:
        return InlineKeyboardButton(button.label, switch_inline_query=button.switch_inline)
    return InlineKeyboardButton(button.label, callback_data=button.action)


def keyboard(screen: Screen, bot: Bot | None = None) -> InlineKeyboardMarkup | None:
    """`bot`: the one showing it, whose getMe says whether inline mode is on."""
    return inline_keyboard(screen.rows, inline_mode=bot is None or bot.supports_inline_queries)


async def reply(update: Update, screen: Screen) -> Message:
    """Answer with a new message in the chat the update came from."""
    chat = update.effective_chat
    assert chat is not None  # handlers are registered for chat updates only
    if screen.photo is not None:
        try:
            return await chat.send_photo(
                screen.photo,
                caption=screen.text or None,
                reply_markup=keyboard(screen, update.get_bot()),
            )
        except BadRequest as exc:
            # A photo by URL (a speaker's portrait) that Telegram could not fetch: the text.
            if not screen.photo.startswith(("https://", "http://")) or not screen.text:
                raise
            log.info("could not send the photo %s: %s", screen.photo, exc.message)
    return await chat.send_message(screen.text, reply_markup=keyboard(screen, update.get_bot()))


async def replace(update: Update, screen: Screen) -> Message:
    """Navigation edits the tapped message in place instead of flooding the chat.
    Returns the message that now shows the screen."""
    query = update.callback_query
    assert query is not None
    message = query.message
    if message is None or not isinstance(message, Message):
        return await reply(update, screen)  # the message is too old to be edited
    try:
        markup = keyboard(screen, update.get_bot())
        edited = await message.edit_text(screen.text, reply_markup=markup)
    except BadRequest as exc:
        text = exc.message.lower()
        if "not modified" in text:
            return message  # the same screen again (e.g. Refresh within the same minute)
        # Gone, too old, or a photo or file (no text to replace): show it as a new message.
        if "not found" in text or "can't be edited" in text or "no text" in text:
            return await reply(update, screen)
        raise
    return edited if isinstance(edited, Message) else message


async def answer_query(query: CallbackQuery, notice: str | None) -> None:
    """Stop the tapping client's spinner, with a short notice if there is one.

    Telegram refuses an answer once the tap is about 15 s old (after a restart, updates can
    be older than that), and the answer may fail as any call can: the screen that follows
    matters more (and the client stops its spinner by itself), so neither is a failure.
    """
    try:
        await query.answer(notice)
    except BadRequest as exc:
        log.info("could not answer callback query %s: %s", query.id, exc.message)
    except TelegramError as exc:  # already tried again: see channels/telegram/flood_control.py
        log.warning("could not answer callback query %s: %s", query.id, exc.message)


async def send_file(update: Update, attachment: Attachment) -> Message:
    chat = update.effective_chat
    assert chat is not None
    document = InputFile(attachment.content, filename=attachment.filename)
    return await chat.send_document(document, caption=attachment.caption)


async def send_pin(update: Update, pin: MapPin) -> Message:
    chat = update.effective_chat
    assert chat is not None
    return await chat.send_venue(
        latitude=pin.latitude, longitude=pin.longitude, title=pin.title, address=pin.address
    )
