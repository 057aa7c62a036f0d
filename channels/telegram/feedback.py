"""Native polls: sending one a user asked for, and the answers Telegram reports back."""

from __future__ import annotations

from telegram import Update

from bot.navigation.voting import after_vote, has_next_step
from bot.ui.model import PollRequest
from channels.telegram.context import BotContext
from channels.telegram.render import keyboard


async def send_poll(update: Update, context: BotContext, request: PollRequest) -> None:
    """A poll asked for from /feedback: sent now, and recorded so its answers map back."""
    assert update.effective_chat is not None
    await _send_poll_to(context, update.effective_chat.id, request)


async def _send_poll_to(context: BotContext, chat_id: int, request: PollRequest) -> None:
    message = await context.bot.send_poll(
        chat_id,
        request.question,
        list(request.options),
        is_anonymous=False,
        allows_multiple_answers=request.multiple,
    )
    if message.poll is not None:
        await context.deps.feedback.register(message.poll.id, message.message_id, chat_id, request)


async def poll_answer(update: Update, context: BotContext) -> None:
    """A vote, a changed vote or a retraction. Answers to unknown polls are ignored."""
    answer = update.poll_answer
    if answer is None or answer.user is None:
        return  # a vote on behalf of a chat: not something this bot sends polls to
    deps = context.deps
    user = answer.user
    answered = await deps.feedback.on_answer(answer.poll_id, user.id, list(answer.option_ids))
    if not has_next_step(answered, deps.surveys):
        return
    view = deps.navigator.view(await deps.navigator.meet(user.id, user.language_code))
    step = await after_vote(view, user.id, answered, deps.surveys)
    if isinstance(step, PollRequest):
        await _send_poll_to(context, user.id, step)
    elif step is not None:
        await context.bot.send_message(user.id, step.text, reply_markup=keyboard(step))
