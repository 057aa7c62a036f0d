"""`vidw-bot console-link USER_ID`: a login link made on the server, for setups where staff
cannot ask the bot for one (Zalo only) or for the first organizer of a new installation.

The link points at VIDW_CONSOLE_URL (or the listening address); the running bot redeems it, as
both share the database and the console secret.
"""

from __future__ import annotations

import asyncio
import sys

from bot.clock import Clock
from bot.config import Settings
from bot.features.console.access import LINK_LIFETIME, ConsoleAccess
from bot.roles import Roles
from bot.storage import Storage


async def _link(settings: Settings, user_id: int) -> str | None:
    storage = await Storage.open(settings.db_path)
    try:
        roles = Roles(settings, storage.staff, storage.questions)
        await roles.load()
        access = await ConsoleAccess.create(
            storage.console,
            storage.state,
            roles,
            Clock(settings.rehearsal_start),
            secret=settings.console_secret,
            base_url=settings.console_base_url,
        )
        return await access.link(user_id)
    finally:
        await storage.close()


def run_console_link(settings: Settings, user_id: int) -> int:
    if settings.console_listen is None:
        print("vidw-bot: the console is off (VIDW_CONSOLE_LISTEN=off)", file=sys.stderr)
        return 2
    link = asyncio.run(_link(settings, user_id))
    if link is None:
        print(
            f"vidw-bot: user {user_id} is neither staff nor an organizer (VIDW_STAFF, "
            "VIDW_ORGANIZERS, or staff granted in the chat)",
            file=sys.stderr,
        )
        return 2
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    print(f"One-time link for the staff console (valid {minutes} minutes):\n{link}")
    return 0
