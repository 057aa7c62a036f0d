"""The buttons of /privacy and /forget."""

from __future__ import annotations

from bot.ui.actions import Plain


class PrivacyTap(Plain):
    SHOW = "priv"  # what the bot keeps
    FORGET = "forget"  # deleting it: are you sure?
    FORGET_CONFIRM = "forgety"  # yes: delete it now


ACTIONS = (PrivacyTap,)
