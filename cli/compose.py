"""The Telegram process, composed: the PTB application with the Zalo channel beside it when
ZALO_BOT_TOKEN is set. The channels never import each other; they meet here, at the root."""

from __future__ import annotations

from bot.clock import Clock
from bot.config import Settings
from bot.lifecycle import Channel
from bot.planning import TICK_SECONDS
from bot.supervise import Supervisor
from channels.telegram.app import BotApplication, build_application
from channels.zalo.channel import ZaloChannel


def telegram_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    supervisor: Supervisor | None = None,
    tick: float = TICK_SECONDS,
) -> BotApplication:
    beside: list[Channel] = []
    if settings.zalo is not None:
        beside.append(ZaloChannel(settings.zalo))
    return build_application(
        settings, clock=clock, channels=beside, supervisor=supervisor, tick=tick
    )
