"""The error handler names what failed: an update (without its contents), or a task PTB ran
for the bot, never "update failed: None"."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from telegram.ext import ApplicationBuilder, CallbackContext

from channels.telegram.errors import on_error


async def refresh_progress_edits() -> None:
    raise RuntimeError("boom")


async def test_a_failed_background_task_is_logged_by_its_name(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app: Any = ApplicationBuilder().token("1:x").updater(None).build()
    coroutine = refresh_progress_edits()
    try:
        await coroutine
    except RuntimeError as exc:
        error = exc
    context: Any = CallbackContext.from_error(None, error, app, coroutine=coroutine)
    await on_error(None, context)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "task refresh_progress_edits failed"
    assert record.exc_info is not None and record.exc_info[1] is error
    assert "None" not in record.getMessage()
    await asyncio.sleep(0)
