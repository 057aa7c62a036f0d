"""The attendee's commands, typed words and button taps."""

from __future__ import annotations

from html import escape

from telegram import Message, Update

from bot.storage import UserProfile
from bot.ui import menus
from bot.ui.navigator import Answer
from channels.telegram.context import BotContext
from channels.telegram.feedback import send_poll
from channels.telegram.render import answer_query, replace, reply, send_file


async def _profile(update: Update, context: BotContext) -> UserProfile:
    user = update.effective_user
    assert user is not None  # the routing table only sends updates from users here
    return await context.deps.navigator.meet(user.id, user.language_code)


def _first_name(update: Update) -> str:
    user = update.effective_user
    return user.first_name if user else ""


def _command_name(update: Update, context: BotContext) -> str:
    """'/Schedule@vidw_bot args' → 'schedule'; a command addressed to another bot keeps its
    '@other_bot', so the answer does not pretend to not know our own /start."""
    text = update.effective_message.text if update.effective_message else None
    name, _, addressee = (text or "/").split()[0][1:].partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return f"{name}@{addressee}".lower()
    return name.lower()


async def start(update: Update, context: BotContext) -> None:
    profile = await _profile(update, context)
    payload = context.args[0] if context.args else None
    await reply(update, await context.deps.navigator.start(profile, _first_name(update), payload))


async def open_command(update: Update, context: BotContext) -> None:
    """/schedule, /agenda, /help… — and any command the bot does not know."""
    profile = await _profile(update, context)
    navigator = context.deps.navigator
    await reply(
        update,
        await navigator.command(profile, _first_name(update), _command_name(update, context)),
    )


async def staff_command(update: Update, context: BotContext) -> None:
    """/staff [add|remove <user id>]: organizers only (checked in bot/features/staff/service.py)."""
    profile = await _profile(update, context)
    await reply(update, await context.deps.staff.command(profile, context.args or []))


async def export_command(update: Update, context: BotContext) -> None:
    """/export: files for staff; anyone else gets a refusal and no file."""
    profile = await _profile(update, context)
    answer = await context.deps.navigator.export(profile)
    if answer.screen is not None:
        await reply(update, answer.screen)
    for attachment in answer.attachments:
        await send_file(update, attachment)


async def search_command(update: Update, context: BotContext) -> None:
    profile = await _profile(update, context)
    await reply(update, await context.deps.navigator.search(profile, " ".join(context.args or [])))


def _formatted(message: Message, caption: bool = False) -> str | None:
    """The text or caption as HTML with the sender's formatting; None when its entities do
    not fit it (Telegram's never do that, a forged update can: one that splits an emoji)."""
    try:
        return message.caption_html if caption else message.text_html
    except ValueError:  # UnicodeDecodeError: PTB decodes the entities' UTF-16 slices
        return None


async def typed_text(update: Update, context: BotContext) -> None:
    """Plain words are a search (the fastest way to a session), or a comment just offered."""
    profile = await _profile(update, context)
    message = update.effective_message
    text = message.text if message and message.text else ""
    html = _formatted(message) if message and message.text else None
    answer = await context.deps.navigator.text(profile, text, html, _first_name(update))
    await _show(update, answer)


async def photo(update: Update, context: BotContext) -> None:
    """A photo: part of an organizer's announcement, otherwise not something the bot reads."""
    profile = await _profile(update, context)
    message = update.effective_message
    assert message is not None and message.photo
    caption = _formatted(message, caption=True) or escape(message.caption or "")
    largest = message.photo[-1].file_id
    answer = await context.deps.navigator.photo(
        profile, largest, caption, len(message.caption or "")
    )
    await _show(update, answer)


async def _show(update: Update, answer: Answer) -> None:
    """New messages: the previews first (as recipients will see them), then the screen."""
    for preview in answer.previews:
        await reply(update, preview)
    if answer.screen is not None:
        await reply(update, answer.screen)


async def other_message(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice: say what the bot understands."""
    profile = await _profile(update, context)
    view = context.deps.navigator.view(profile)
    await reply(update, menus.text_only(view))


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    if update.effective_chat is None:
        # A button on a message sent in inline mode (which this bot does not use): there is
        # no chat to show a screen in. Stop the spinner, change nothing.
        await answer_query(query, None)
        return
    profile = await _profile(update, context)
    answer = await context.deps.navigator.tap(profile, _first_name(update), query.data)
    # Answer first: the client stops its spinner even if the edit below is slow.
    await answer_query(query, answer.notice)
    shown = None
    for preview in answer.previews:  # shown as recipients will see them, then the decision
        await reply(update, preview)
    if answer.screen is not None and answer.previews:
        shown = await reply(update, answer.screen)
    elif answer.screen is not None:
        shown = await replace(update, answer.screen)
    if answer.tracks is not None and shown is not None:
        await context.deps.broadcasting.tracking(answer.tracks, shown.chat_id, shown.message_id)
    for attachment in answer.attachments:
        await send_file(update, attachment)
    if answer.poll is not None:
        await send_poll(update, context, answer.poll)
