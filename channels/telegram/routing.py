"""The one routing table. Order matters within a group: the first matching handler wins."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.ui.navigator import COMMAND_SCREENS, PRIVILEGED_COMMANDS
from channels.telegram import attendee, feedback

# New messages from a person in a private chat only: not groups the bot was added to, not
# edits of old messages (re-answering an edited search would surprise more than help), not a
# message without a sender (nobody to answer in their language).
PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.USER


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return [
        # /start, including deep links "/start s_<session code>".
        CommandHandler("start", attendee.start, filters=PRIVATE),
        CommandHandler("search", attendee.search_command, filters=PRIVATE),
        CommandHandler("export", attendee.export_command, filters=PRIVATE),
        CommandHandler("staff", attendee.staff_command, filters=PRIVATE),
        # Organizer commands; bot/ checks the role (for the command and each of its buttons).
        CommandHandler(
            [*COMMAND_SCREENS, *PRIVILEGED_COMMANDS], attendee.open_command, filters=PRIVATE
        ),
        # Every other command: a friendly "I don't know that one" with the list.
        MessageHandler(PRIVATE & filters.COMMAND, attendee.open_command),
        # Plain text searches the programme; must come after the command handlers.
        MessageHandler(PRIVATE & filters.TEXT, attendee.typed_text),
        MessageHandler(PRIVATE & filters.PHOTO, attendee.photo),
        MessageHandler(PRIVATE & ~filters.StatusUpdate.ALL, attendee.other_message),
        # Any button: the action string is parsed and checked in bot/, never trusted here.
        CallbackQueryHandler(attendee.button),
        # Votes in the bot's (non-anonymous) polls.
        PollAnswerHandler(feedback.poll_answer),
    ]
