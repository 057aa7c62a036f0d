"""A page in the visitor's language: Jinja2 templates with the bot's own gettext catalogs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from bot.i18n import LANGUAGES
from bot.ui.menus import LANGUAGE_NAMES
from web.console.keys import CATALOGS, DEPS
from web.console.nav import MENU
from web.console.visitor import visitor


def render(
    request: web.Request, template: str, context: Mapping[str, Any] | None = None, status: int = 200
) -> web.Response:
    who = visitor(request)
    translator = request.app[CATALOGS][who.language]
    env = aiohttp_jinja2.get_env(request.app)
    # Rendering is synchronous: no other request renders between this line and the next.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translator.gettext, translator.ngettext, newstyle=True
    )
    page = {
        "who": who,
        "lang": who.language,
        "languages": [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        "t": translator,
        "zone": request.app[DEPS].programme.schedule.zone,
        "path": request.path,
        "token": "",
        "menu": [e for e in MENU if who.session is not None and e.need.allows(who.role)],
        **(context or {}),
    }
    return aiohttp_jinja2.render_template(template, request, page, status=status)
