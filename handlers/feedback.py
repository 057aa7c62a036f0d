"""Native polls: sending one a user asked for, and the answers Telegram reports back."""

from __future__ import annotations

from telegram import Update

from bot.feedback import Outcome
from bot.screens import feedback as screens
from bot.screens.feedback import PollRequest
from handlers.context import BotContext
from handlers.render import keyboard


async def send_poll(update: Update, context: BotContext, request: PollRequest) -> None:
    """A poll asked for from /feedback: sent now, and recorded so its answers map back."""
    chat = update.effective_chat
    feedback = context.deps.feedback
    assert chat is not None
    message = await chat.send_poll(
        request.question,
        list(request.options),
        is_anonymous=False,
        allows_multiple_answers=request.multiple,
    )
    if message.poll is not None:
        await feedback.register(message.poll.id, message.message_id, chat.id, request)


async def poll_answer(update: Update, context: BotContext) -> None:
    """A vote, a changed vote or a retraction. Answers to unknown polls are ignored."""
    answer = update.poll_answer
    if answer is None or answer.user is None:
        return  # a vote on behalf of a chat: not something this bot sends polls to
    deps = context.deps
    outcome = await deps.feedback.on_answer(answer.poll_id, answer.user.id, list(answer.option_ids))
    if outcome is Outcome.RATED:
        profile = await deps.navigator.meet(answer.user.id, answer.user.language_code)
        offer = screens.comment_offer(deps.navigator.view(profile))
        await context.bot.send_message(answer.user.id, offer.text, reply_markup=keyboard(offer))
