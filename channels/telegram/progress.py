"""Broadcast progress: each running broadcast's progress message is edited every few
seconds (and shows the final report once). Organizers follow broadcasts on Telegram only."""

from __future__ import annotations

import contextlib
from typing import Any

from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.deps import Deps
from channels.telegram.render import keyboard

PROGRESS_SECONDS = 3.0


async def refresh_progress(bot: ExtBot[Any], deps: Deps) -> None:
    for broadcast in await deps.broadcasting.running():
        if broadcast.progress_chat is None or broadcast.progress_message is None:
            continue
        profile = await deps.storage.users.get(broadcast.organizer_id)
        if profile is None:
            continue
        screen = await deps.broadcasting.progress_screen(deps.navigator.view(profile), broadcast.id)
        with contextlib.suppress(BadRequest):  # "not modified" between two refreshes
            await bot.edit_message_text(
                screen.text,
                chat_id=broadcast.progress_chat,
                message_id=broadcast.progress_message,
                reply_markup=keyboard(screen),
            )
