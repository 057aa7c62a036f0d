"""/stats, for staff and organizers: the live figures (its Refresh button is theirs too)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC

from bot.features.stats import screens
from bot.features.stats.actions import StatsTap
from bot.i18n import N_
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.supervise import TaskHealth
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, Who, on


def routes(
    programme: CurrentProgramme,
    storage: Storage,
    failing_tasks: Callable[[], Sequence[TaskHealth]],
    *,
    survey_kind: str,
) -> FeatureRoutes:
    """`failing_tasks`: background tasks that keep failing (bot/supervise.py); `survey_kind`:
    the outbox kind of the survey's first questions (one per attendee asked)."""

    async def show(request: Request) -> Screen:
        view = request.view
        schedule = programme.schedule
        figures = storage.stats
        local = view.now.astimezone(schedule.zone)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        by_guid = {s.guid: s for s in schedule.sessions}
        top = [(by_guid[g], n) for g, n in await figures.top_followed() if g in by_guid]
        return screens.stats(
            view,
            await figures.users_by_language(),
            await figures.active_since(midnight.astimezone(UTC).isoformat()),
            top,
            await figures.sent_by_kind(),
            await figures.poll_response(),
            await figures.broadcasts(),
            await figures.polls_sent(survey_kind),
            failing_tasks(),
        )

    return FeatureRoutes(
        commands=(Command("stats", N_("Live figures"), show, who=Who.STAFF),),
        buttons=(on(StatsTap.SHOW, show, Who.STAFF),),
    )
