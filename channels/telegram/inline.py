"""Inline mode: `@bot roundtable` typed in any chat offers session cards to post there, each
with an "Open in the bot" link to the card. What to offer is bot/'s (features/sharing); this
renders it as Telegram articles. Enabled with @BotFather's /setinline (README)."""

from __future__ import annotations

import logging

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.features.sharing.offers import Offer, offers
from channels.telegram.context import BotContext

log = logging.getLogger(__name__)
# Seconds Telegram may keep an answer for the same query: short, since "now and next" moves.
CACHE_SECONDS = 10


async def inline_query(update: Update, context: BotContext) -> None:
    """Answer in the user's language: the one stored, else the hint of their app."""
    query = update.inline_query
    assert query is not None
    user = query.from_user
    view = await context.deps.navigator.view_of(user.id, user.language_code)
    found = offers(view, query.query, query.offset)
    link = f"https://t.me/{context.bot.username}?start="
    try:
        await query.answer(
            [article(offer, link) for offer in found.offers],
            cache_time=CACHE_SECONDS,
            is_personal=True,  # in the user's language, from their place in the programme
            next_offset=found.next_offset or None,  # none: the last page
        )
    except BadRequest as exc:  # too old (a slow answer, a restart): the user typed on
        log.info("could not answer inline query %s: %s", query.id, exc.message)


def article(offer: Offer, link: str) -> InlineQueryResultArticle:
    button = InlineKeyboardButton(offer.open_label, url=link + offer.start)
    return InlineQueryResultArticle(
        id=offer.id,
        title=offer.title,
        description=offer.description,
        input_message_content=InputTextMessageContent(offer.text, parse_mode=ParseMode.HTML),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )
