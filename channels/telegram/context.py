"""Typed callback context: `context.deps` instead of casts on dict lookups."""

from __future__ import annotations

from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.deps import BotData, Deps


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    @property
    def deps(self) -> Deps:
        return self.bot_data.deps


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)
