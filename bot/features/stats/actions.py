"""The button of /stats."""

from __future__ import annotations

from bot.ui.actions import Plain


class StatsTap(Plain):
    SHOW = "stats"  # the live figures, again


ACTIONS = (StatsTap,)
