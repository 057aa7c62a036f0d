"""Telegram's command menu: one per language for everyone, and for each organizer and staff
member a menu of their own chat that adds their commands (the role is still checked on every
command; the menu only spares them typing)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.channels import TELEGRAM, channel_of
from bot.deps import Deps
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, Catalogs, Translator
from bot.ui.routes import Command, RouteTable, Who

log = logging.getLogger(__name__)


def _menu(t: Translator, commands: Sequence[Command]) -> list[BotCommand]:
    return [BotCommand(c.name, t.gettext(c.description)) for c in commands if c.description]


async def publish_public(bot: ExtBot[Any], deps: Deps, catalogs: Catalogs) -> None:
    """The menu in each language; users of other languages get English."""
    everyone = deps.navigator.routes.menu(Who.EVERYONE)
    for lang in (*LANGUAGES, None):
        await bot.set_my_commands(
            _menu(catalogs[lang or DEFAULT_LANGUAGE], everyone), language_code=lang
        )


def _menu_of(routes: RouteTable, *, organizer: bool) -> tuple[Command, ...]:
    """What staff see, and organizers too (the role is still checked on every command)."""
    staff = routes.menu(Who.EVERYONE) + routes.menu(Who.STAFF)
    return staff + routes.menu(Who.ORGANIZERS) if organizer else staff


async def publish_for(bot: ExtBot[Any], deps: Deps, catalogs: Catalogs, user_id: int) -> None:
    """This user's own menu: with their commands if staff or organizer, else the public one."""
    if channel_of(user_id) != TELEGRAM:
        return
    roles = deps.navigator.roles
    scope = BotCommandScopeChat(user_id)
    try:
        if not roles.is_staff(user_id):
            await bot.delete_my_commands(scope=scope)
            return
        profile = await deps.storage.users.get(user_id)
        t = catalogs[profile.language if profile else DEFAULT_LANGUAGE]
        entries = _menu_of(deps.navigator.routes, organizer=roles.is_organizer(user_id))
        await bot.set_my_commands(_menu(t, entries), scope=scope)
    except BadRequest as exc:  # a chat that never started the bot: nothing to show it in
        log.info("no command menu for user %s: %s", user_id, exc.message)


async def publish_roles(bot: ExtBot[Any], deps: Deps, catalogs: Catalogs) -> None:
    roles = deps.navigator.roles
    for user_id in sorted(roles.organizers | roles.configured_staff | roles.granted_staff):
        await publish_for(bot, deps, catalogs, user_id)
