"""Where the floor plans are seen from outside: Telegram fetches a photo by its URL, so a
plan is offered only when the console (which serves data/floorplans/ at /floorplans/) has a
public https address (VIDW_CONSOLE_URL)."""

from __future__ import annotations

from collections.abc import Callable

from bot.config import Settings

PLANS_PATH = "/floorplans/"


def public_plan_url(settings: Settings) -> Callable[[str], str | None]:
    base = settings.console_url
    if settings.console_listen is None or base is None or not base.startswith("https://"):
        return lambda _name: None
    root = base.rstrip("/") + PLANS_PATH
    return lambda name: root + name
