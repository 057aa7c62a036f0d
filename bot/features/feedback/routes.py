"""Feedback's command, plain words and buttons: /feedback and its picker, a rating poll asked
for, and the comment offered after a rating (typed text, or Skip)."""

from __future__ import annotations

from bot.features.feedback import screens
from bot.features.feedback.actions import FeedbackTap, Rate, RateDay, RateTheme
from bot.features.feedback.service import Feedback
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, TypedText, on


def routes(feedback: Feedback) -> FeatureRoutes:
    async def picker(request: Request) -> Screen:
        return screens.picker(request.view)

    async def day(request: Request, action: RateDay) -> Screen | None:
        return screens.day_page(request.view, action.day, action.page)

    async def theme(request: Request, action: RateTheme) -> Screen | None:
        return screens.theme_page(request.view, action.track, action.page)

    async def rate(request: Request, action: Rate) -> Answer | None:
        """The poll of a session that has started (None: it has not, or is gone)."""
        view = request.view
        session = view.schedule.session(action.key)
        if session is None or session.start > view.now:
            return None
        return Answer(None, poll=feedback.rating_request(view, session))

    async def skip_comment(request: Request) -> Screen:
        return await feedback.skip_comment(request.view, request.user_id)

    async def comment(request: Request, typed: TypedText) -> Screen | None:
        return await feedback.comment(request.view, request.user_id, typed.text)

    return FeatureRoutes(
        commands=(
            Command(
                "feedback",
                N_("Rate a session"),
                picker,
                words=("feedback", "rate", "danh gia", "gop y", "avis", "noter"),
            ),
        ),
        buttons=(
            on(FeedbackTap.PICKER, picker),
            on(RateDay, day),
            on(RateTheme, theme),
            on(Rate, rate),
            on(Go.SKIP_COMMENT, skip_comment),
        ),
        reads_text=comment,
    )
