"""Fixtures: a started stand-in, a plain PTB Bot on it, and a polling PTB Application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    PollAnswerHandler,
)

from standin.telegram import Limits, StandIn


@pytest.fixture(autouse=True)
def _timedelta_periods(monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB 22.8 warns when RetryAfter.retry_after is read as an int; opt in to timedelta."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    # Limits off: functional tests must not depend on how fast the machine is.
    async with StandIn(limits=Limits(enforce=False)) as stand_in:
        yield stand_in


@pytest.fixture
async def bot(standin: StandIn) -> AsyncIterator[Bot]:
    async with Bot(
        standin.token, base_url=standin.base_url, base_file_url=standin.base_file_url
    ) as plain_bot:
        yield plain_bot


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo the /start arguments, with a button to tap."""
    assert update.effective_message is not None
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    await update.effective_message.reply_text(f"start {context.args}", reply_markup=keyboard)


async def _tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(f"got {query.data}")
    await query.edit_message_text(f"tapped {query.data}")


async def _voted(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell the voter what PTB parsed, so the test reads it from the chat."""
    answer = update.poll_answer
    assert answer is not None and answer.user is not None
    await context.bot.send_message(
        answer.user.id, f"vote {list(answer.option_ids)} {list(answer.option_persistent_ids)}"
    )


@pytest.fixture
async def app(standin: StandIn) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    application = (
        ApplicationBuilder()
        .token(standin.token)
        .base_url(standin.base_url)
        .base_file_url(standin.base_file_url)
        .build()
    )
    application.add_handlers(
        [CommandHandler("start", _start), CallbackQueryHandler(_tapped), PollAnswerHandler(_voted)]
    )
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    yield application
    await application.updater.stop()
    await application.stop()
    await application.shutdown()
