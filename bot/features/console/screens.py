"""What /console answers in the chat."""

from __future__ import annotations

from bot.features.console.access import LINK_LIFETIME
from bot.ui.model import Screen
from bot.ui.view import View, bold


def link(view: View, url: str) -> Screen:
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    return Screen(
        "\n\n".join(
            (
                bold(view._("Staff console")),
                view._(
                    "Please open this link in your browser within {minutes} minutes. It can be"
                    " used once and opens the console in your name; please do not forward it."
                ).format(minutes=minutes),
                url,
            )
        )
    )


def not_served(view: View) -> Screen:
    return Screen(view._("The staff console is not available on this installation."))
