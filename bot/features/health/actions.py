"""The button of /health."""

from __future__ import annotations

from bot.ui.actions import Plain


class HealthTap(Plain):
    SHOW = "hl"  # the bot's health, again


ACTIONS = (HealthTap,)
