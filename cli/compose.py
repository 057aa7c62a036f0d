"""The Telegram process, composed: the PTB application with the Zalo channel beside it when
ZALO_BOT_TOKEN is set, /healthz and /metrics (web/health.py) when VIDW_HEALTH_LISTEN gives an
address, and the staff console (web/console) when VIDW_CONSOLE_LISTEN does.
The channels never import each other; they meet here, at the root."""

from __future__ import annotations

from bot.clock import Clock
from bot.config import Settings
from bot.lifecycle import Channel, Service
from bot.planning import TICK_SECONDS
from bot.supervise import Supervisor
from channels.telegram.app import BotApplication, build_application
from channels.zalo.channel import ZaloChannel
from web.console.server import ConsoleServer
from web.health import HealthServer


def services_of(settings: Settings) -> list[Service]:
    """What is served beside the channels."""
    services: list[Service] = []
    if settings.health_listen is not None:
        services.append(HealthServer(*settings.health_listen))
    if settings.console_listen is not None:
        services.append(ConsoleServer(*settings.console_listen))
    return services


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
        settings,
        clock=clock,
        channels=beside,
        supervisor=supervisor,
        tick=tick,
        services=services_of(settings),
    )
