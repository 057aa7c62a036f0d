"""The attendee's commands, typed words and button taps: parsed here, answered by bot/, shown
here in the order bot/ gives (Answer.parts)."""

from __future__ import annotations

from html import escape

from telegram import Message, Update

from bot.storage import UserProfile
from bot.ui import menus
from bot.ui.answer import Answer, File, Notice, Pin, Poll, Preview, Shown
from bot.ui.model import Screen
from channels.telegram.context import BotContext
from channels.telegram.feedback import send_poll
from channels.telegram.render import answer_query, replace, reply, send_file, send_pin


async def _profile(update: Update, context: BotContext) -> UserProfile:
    user = update.effective_user
    assert user is not None  # the routing table only sends updates from users here
    return await context.deps.navigator.meet(user.id, user.language_code)


def _first_name(update: Update) -> str:
    user = update.effective_user
    return user.first_name if user else ""


def _command(update: Update, context: BotContext) -> tuple[str, list[str]]:
    """'/Schedule@vidw_bot args' → ('schedule', ['args']); a command addressed to another bot
    keeps its '@other_bot', so the answer does not pretend to not know our own /start."""
    text = update.effective_message.text if update.effective_message else None
    first, *args = (text or "/").split()
    name, _, addressee = first[1:].partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return f"{name}@{addressee}".lower(), args
    return name.lower(), args


async def open_command(update: Update, context: BotContext) -> None:
    """/start, /schedule, /staff add 42… — and any command the bot does not know."""
    profile = await _profile(update, context)
    name, args = _command(update, context)
    answer = await context.deps.navigator.command(profile, _first_name(update), name, args)
    await _show(update, context, profile, answer)


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
    await _show(update, context, profile, answer)


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
    await _show(update, context, profile, answer)


async def other_message(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice: say what the bot understands."""
    profile = await _profile(update, context)
    view = context.deps.navigator.view(profile)
    await reply(update, menus.text_only(view))


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    if update.effective_chat is None:
        # A callback button on a message posted in inline mode (the bot's posted cards carry
        # a link, not a callback): there is no chat to show a screen in. Stop the spinner.
        await answer_query(query, None)
        return
    profile = await _profile(update, context)
    answer = await context.deps.navigator.tap(profile, _first_name(update), query.data)
    # Answer first: the client stops its spinner even if the edit below is slow.
    await answer_query(query, answer.notice)
    await _show(update, context, profile, answer, tapped=True)


async def _show(
    update: Update,
    context: BotContext,
    profile: UserProfile,
    answer: Answer,
    *,
    tapped: bool = False,
) -> None:
    """Each part in its turn. A tap's notice was its pop-up; its screen replaces the tapped
    message, unless previews came first (then it comes below them, as a new message)."""
    deps = context.deps
    for part in answer.parts(deps.navigator.view(profile)):
        match part:
            case Notice(text) if not tapped:  # no pop-up for a message: a message of its own
                await reply(update, Screen(text))
            case Preview(screen):
                await reply(update, screen)
            case Shown(screen, tracks, after_previews):
                if tapped and not after_previews:
                    shown = await replace(update, screen)
                else:
                    shown = await reply(update, screen)
                if tracks is not None:
                    await deps.broadcasting.tracking(tracks, shown.chat_id, shown.message_id)
            case File(attachment):
                await send_file(update, attachment)
            case Poll(request):
                await send_poll(update, context, request)
            case Pin(pin):
                await send_pin(update, pin)
