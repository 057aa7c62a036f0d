"""Sharing's one route: a short code typed as a message ("S-AIGR") opens that session's card.
Inline mode is no route (it posts into other chats): channels ask offers.py directly."""

from __future__ import annotations

from bot.features.sharing.screens import unknown_code
from bot.programme.codes import codes_of, typed_code
from bot.ui.actions import Go
from bot.ui.routes import FeatureRoutes, Redirect, Request, TypedText
from bot.ui.sessions import OpenSession


def routes() -> FeatureRoutes:
    async def code(request: Request, typed: TypedText) -> Redirect | None:
        """The card, with the main menu behind its Back button; a code of nothing: the menu."""
        written = typed_code(typed.text)
        if written is None:
            return None  # not a code: a plain word or a search
        session = codes_of(request.view.schedule).session(written)
        if session is None:
            return Redirect(Go.HOME, unknown_code(request.view, written))
        return Redirect(OpenSession(session.key, Go.HOME))

    return FeatureRoutes(reads_text=code)
