"""The organizers' announcements: /broadcast and every button of its flow, /broadcasts, and the
texts and photos an organizer sends while writing one. Each is for organizers only: the
navigator checks the role of every command and button, and the flow checks it again for what
is typed."""

from __future__ import annotations

from bot.features.broadcast.actions import (
    BroadcastTap,
    Cancel,
    ChooseAudience,
    ChooseSession,
    ChooseTheme,
    Confirm,
    DefaultLanguage,
    LanguageVersion,
    Preview,
    SessionDay,
    Versions,
)
from bot.features.broadcast.service import Broadcasting, Step
from bot.i18n import N_
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.routes import (
    TELEGRAM_ONLY,
    Command,
    FeatureRoutes,
    Request,
    SentPhoto,
    TypedText,
    Who,
    on,
)

ORGANIZERS = Who.ORGANIZERS


def routes(flow: Broadcasting) -> FeatureRoutes:
    async def start(request: Request) -> Screen:
        return await flow.start(request.view)

    async def history(request: Request) -> Screen:
        return await flow.history(request.view)

    async def audience(request: Request, action: ChooseAudience) -> Screen:
        return await flow.audience(request.view, request.user_id, action.kind)

    async def session_day(request: Request, action: SessionDay) -> Screen | None:
        return flow.session_page(request.view, action.day, action.page)

    async def session(request: Request, action: ChooseSession) -> Screen | None:
        return await flow.session(request.view, request.user_id, action.key)

    async def theme(request: Request, action: ChooseTheme) -> Screen | None:
        return await flow.theme(request.view, request.user_id, action.track)

    async def versions(request: Request, action: Versions) -> Screen | None:
        return await flow.versions(request.view, action.broadcast)

    async def write(request: Request, action: LanguageVersion) -> Screen | None:
        return await flow.write(request.view, request.user_id, action.broadcast, action.code)

    async def default(request: Request, action: DefaultLanguage) -> Screen | None:
        return await flow.set_default(request.view, action.broadcast, action.code)

    async def preview(request: Request, action: Preview) -> Answer | None:
        return _shown(await flow.preview(request.view, action.broadcast))

    async def confirm(request: Request, action: Confirm) -> Answer | None:
        return _shown(await flow.confirm(request.view, action.broadcast))

    async def cancel(request: Request, action: Cancel) -> Screen | None:
        return await flow.cancel(request.view, action.broadcast)

    async def text(request: Request, typed: TypedText) -> Answer | None:
        step = await flow.receive(request.view, request.user_id, typed.html, len(typed.text))
        return _shown(step)

    async def photo(request: Request, photo: SentPhoto) -> Answer | None:
        step = await flow.receive_photo(
            request.view,
            request.user_id,
            photo.file_id,
            photo.caption_html,
            photo.caption_length,
        )
        return _shown(step)

    return FeatureRoutes(
        commands=(
            Command(
                "broadcast",
                N_("Send an announcement"),
                start,
                who=ORGANIZERS,
                channels=TELEGRAM_ONLY,
            ),
            Command(
                "broadcasts",
                N_("Past announcements"),
                history,
                who=ORGANIZERS,
                channels=TELEGRAM_ONLY,
            ),
        ),
        buttons=(
            on(BroadcastTap.START, start, ORGANIZERS),
            on(ChooseAudience, audience, ORGANIZERS),
            on(SessionDay, session_day, ORGANIZERS),
            on(ChooseSession, session, ORGANIZERS),
            on(ChooseTheme, theme, ORGANIZERS),
            on(Versions, versions, ORGANIZERS),
            on(LanguageVersion, write, ORGANIZERS),
            on(DefaultLanguage, default, ORGANIZERS),
            on(Preview, preview, ORGANIZERS),
            on(Confirm, confirm, ORGANIZERS),
            on(Cancel, cancel, ORGANIZERS),
        ),
        reads_text=text,
        reads_photo=photo,
    )


def _shown(step: Step | None) -> Answer | None:
    if step is None:
        return None
    return Answer(step.screen, previews=step.previews, tracks=step.tracks)
