"""The bot without its channels: programme, storage, delivery engine, planners and roles —
what every channel serves from. bot/lifecycle.py starts it with its channels around it, for
every process kind: cli/compose.py (Telegram, and Zalo beside it), channels/zalo/app.py (Zalo
on its own)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock
from bot.config import Settings
from bot.delivery.pacer import Pacer
from bot.delivery.sender import Sender, Transport
from bot.delivery.service import Delivery
from bot.deps import Deps
from bot.features.broadcast.service import Broadcasting
from bot.features.changes.service import ProgrammeReload
from bot.features.feedback.service import CLOSE_KIND, FEEDBACK_KIND, Feedback
from bot.features.reminders.planner import Reminders
from bot.features.staff.service import StaffAdmin
from bot.features.survey.service import SURVEY_KIND, SurveyDefinition, Surveys, load_survey
from bot.i18n import Catalogs
from bot.programme.applied import programme_at_start
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule
from bot.roles import Roles
from bot.storage import Storage
from bot.supervise import Supervisor
from bot.ui.navigator import Navigator
from bot.ui.view import Views


@dataclass(frozen=True)
class StartupFiles:
    """What is read from files before any network call; any of it can stop the start."""

    catalogs: Catalogs
    schedule: Schedule
    survey: SurveyDefinition


def load_startup_files(settings: Settings) -> StartupFiles:
    return StartupFiles(
        Catalogs.load(settings.locales_dir),
        programme_at_start(settings.schedule_path, settings.db_path),
        load_survey(),
    )


async def assemble(
    settings: Settings,
    static: StartupFiles,
    storage: Storage,
    clock: Clock,
    transport: Transport,
    pacer: Pacer,
    supervisor: Supervisor,
    *,
    rate: float,
    window: int,
) -> Deps:
    """Everything wired, nothing started: the caller starts the sender and the planners."""
    catalogs = static.catalogs
    roles = Roles(settings, storage.staff)
    await roles.load()
    programme = CurrentProgramme(static.schedule)
    views = Views(catalogs, programme, clock)
    sender = Sender(
        storage.outbox,
        storage.users,
        transport,
        pacer,
        clock,
        supervisor=supervisor,
        window=window,
        # About half a second of sending per claim: small crash window, few DB round trips.
        claim_size=max(8, min(64, int(rate) // 2)),
        max_attempts=settings.send_attempts,
        backoff=settings.retry_backoff,
    )
    delivery = Delivery(storage.outbox, sender, clock, rate)
    reminders = Reminders(programme, storage, delivery, catalogs, clock)
    feedback = Feedback(
        programme,
        storage,
        delivery,
        catalogs,
        clock,
        delay=settings.feedback_delay,
        close_after=timedelta(days=settings.poll_close_days),
    )
    surveys = Surveys(static.survey, programme, storage, delivery, clock)
    broadcasting = Broadcasting(programme, storage, delivery, clock, roles)
    programme_reload = ProgrammeReload(
        settings.schedule_path,
        programme,
        views,
        storage,
        delivery,
        catalogs,
        clock,
        roles,
        reminders,
    )
    navigator = Navigator(
        programme,
        views,
        catalogs,
        clock,
        storage,
        roles,
        feedback=feedback,
        surveys=surveys,
        broadcasting=broadcasting,
        reload=programme_reload.check,
        export_user_ids=settings.export_user_ids,
        failing_tasks=supervisor.failing,
    )
    staff = StaffAdmin(roles, storage, delivery, clock, views.of)
    # Polls are recorded once the channel names them, whichever feature asked.
    for kind in (FEEDBACK_KIND, SURVEY_KIND, CLOSE_KIND):
        sender.hooks[kind] = feedback.on_sent
    return Deps(
        settings,
        programme,
        navigator,
        storage,
        delivery,
        reminders,
        feedback,
        surveys,
        broadcasting,
        programme_reload,
        staff,
        supervisor,
    )
