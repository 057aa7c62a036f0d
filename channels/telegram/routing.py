"""The one routing table. Order matters within a group: the first matching handler wins."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    InlineQueryHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from channels.telegram import attendee, feedback, inline

# New messages from a person in a private chat only: not groups the bot was added to, not
# edits of old messages (re-answering an edited search would surprise more than help), not a
# message without a sender (nobody to answer in their language).
PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.USER


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return [
        # Every command: /start (and deep links "/start s_<session code>"), /schedule,
        # /staff add 42… The route table in bot/ knows them and checks the role of each
        # privileged one; any other gets a friendly "I don't know that one" with the list.
        MessageHandler(PRIVATE & filters.COMMAND, attendee.open_command),
        # Plain text searches the programme; must come after the command handlers.
        MessageHandler(PRIVATE & filters.TEXT, attendee.typed_text),
        MessageHandler(PRIVATE & filters.PHOTO, attendee.photo),
        MessageHandler(PRIVATE & ~filters.StatusUpdate.ALL, attendee.other_message),
        # Any button: the action string is parsed and checked in bot/, never trusted here.
        CallbackQueryHandler(attendee.button),
        # Votes in the bot's (non-anonymous) polls.
        PollAnswerHandler(feedback.poll_answer),
        # `@bot roundtable` in any chat: session cards to post there.
        InlineQueryHandler(inline.inline_query),
    ]
