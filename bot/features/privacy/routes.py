"""/privacy and /forget: what the bot keeps, and deleting it (after a confirmation)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from bot.features.privacy import screens
from bot.features.privacy.actions import PrivacyTap
from bot.i18n import N_
from bot.roles import Roles
from bot.storage import Storage
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, on


def routes(
    storage: Storage,
    roles: Roles,
    *,
    exports_show_ids: bool,
    forget: Sequence[Callable[[int], Awaitable[None]]] = (),
) -> FeatureRoutes:
    """`exports_show_ids`: VIDW_EXPORT_USER_IDS, real ids in exports instead of pseudonyms;
    `forget`: what other features do first (business matching tells the other sides)."""

    async def show(request: Request) -> Screen:
        return screens.privacy(request.view, request.user_id, exports_show_ids=exports_show_ids)

    async def confirm(request: Request) -> Screen:
        return screens.confirm_forget(request.view)

    async def forget_all(request: Request) -> Screen:
        for before in forget:
            await before(request.user_id)
        await storage.privacy.forget(request.user_id)
        roles.forget(request.user_id)
        return screens.forgotten(request.view)

    return FeatureRoutes(
        commands=(
            Command(
                "privacy",
                N_("Your data: what I keep, and how to delete it"),
                show,
                words=("privacy", "quyen rieng tu", "confidentialite", "vie privee"),
            ),
            Command(
                "forget",
                None,  # in the privacy screen, not in the menu
                confirm,
                words=("forget", "forget me", "xoa du lieu", "oublier", "effacer mes donnees"),
            ),
        ),
        buttons=(
            on(PrivacyTap.SHOW, show),
            on(PrivacyTap.FORGET, confirm),
            on(PrivacyTap.FORGET_CONFIRM, forget_all),
        ),
    )
