"""What the console's application holds (typed aiohttp AppKeys)."""

from __future__ import annotations

from aiohttp import web

from bot.clock import Clock
from bot.deps import Deps
from bot.features.console.access import ConsoleAccess
from bot.features.exhibition.loader import ExhibitorsFile
from bot.i18n import Catalogs
from bot.storage import Storage
from web.console.ratelimit import Attempts
from web.console.visitor import Need

DEPS = web.AppKey("deps", Deps)
ACCESS = web.AppKey("access", ConsoleAccess)
STORAGE = web.AppKey("storage", Storage)
CATALOGS = web.AppKey("catalogs", Catalogs)
CLOCK = web.AppKey("clock", Clock)
NEEDS = web.AppKey("needs", dict[str, Need])  # route name → who may open it
ATTEMPTS = web.AppKey("attempts", Attempts)  # login attempts by address
# The exhibitors file the bot reads (reloaded when it changes, keeping the last good list).
EXHIBITS = web.AppKey("exhibits", ExhibitorsFile)
