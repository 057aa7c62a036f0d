"""The bot without its channels: programme, storage, delivery engine, planners and roles —
what every channel serves from. bot/lifecycle.py starts it with its channels around it, for
every process kind: cli/compose.py (Telegram, and Zalo beside it), channels/zalo/app.py (Zalo
on its own)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock
from bot.config import Settings
from bot.delivery.pacer import Pacer
from bot.delivery.sender import Sender, Transport
from bot.delivery.service import Delivery
from bot.deps import Deps
from bot.features.agenda import routes as agenda
from bot.features.agenda.service import AgendaService
from bot.features.broadcast import routes as broadcast
from bot.features.broadcast.service import Broadcasting
from bot.features.browse import routes as browse
from bot.features.browse.service import Browse
from bot.features.changes import routes as changes
from bot.features.changes.service import ProgrammeReload
from bot.features.changes.source import programme_to_start_with, source_for
from bot.features.console import routes as console_routes
from bot.features.console.access import ConsoleAccess
from bot.features.exhibition import routes as exhibition
from bot.features.exhibition.leads import Leads
from bot.features.exhibition.loader import ExhibitorsError, ExhibitorsFile
from bot.features.exports import routes as exports
from bot.features.feedback import routes as feedback_routes
from bot.features.feedback.service import CLOSE_KIND, FEEDBACK_KIND, Feedback
from bot.features.health import routes as health_routes
from bot.features.health.service import Health
from bot.features.help import routes as help_routes
from bot.features.language import routes as language
from bot.features.live_polls.service import LIVE_KIND, STOP_KIND, LivePolls
from bot.features.matching import routes as matching_routes
from bot.features.matching.planner import MatchingPlanner
from bot.features.matching.service import Matching
from bot.features.matching.tables import load_tables
from bot.features.privacy import routes as privacy
from bot.features.questions import routes as question_routes
from bot.features.questions.service import Questions
from bot.features.reminders import routes as reminder_routes
from bot.features.reminders.planner import Reminders
from bot.features.reminders.settings import ReminderSettings
from bot.features.sharing import routes as sharing
from bot.features.speakers import routes as speakers
from bot.features.staff import routes as staff_routes
from bot.features.staff.service import StaffAdmin
from bot.features.stats import routes as stats
from bot.features.survey import routes as survey
from bot.features.survey.service import SURVEY_KIND, SurveyDefinition, Surveys, survey_of_event
from bot.features.venues import routes as venues
from bot.features.venues.guide import Guide
from bot.features.venues.loader import load_guide
from bot.features.venues.plans import public_plan_url
from bot.features.venues.travel import coach_note
from bot.i18n import Catalogs
from bot.navigation.navigator import Navigator
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule
from bot.roles import Roles
from bot.storage import Storage
from bot.supervise import Supervisor
from bot.ui.routes import RouteTable, Who
from bot.ui.view import Views

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupFiles:
    """What is read from files before any network call; any of it can stop the start."""

    catalogs: Catalogs
    schedule: Schedule
    survey: SurveyDefinition
    guide: Guide
    exhibits: ExhibitorsFile


def load_startup_files(settings: Settings) -> StartupFiles:
    catalogs = Catalogs.load(settings.locales_dir)
    schedule = programme_to_start_with(settings)
    guide = load_guide(settings.venues_path, schedule.zone)
    unmatched = guide.unmatched_rooms({s.room for s in schedule.sessions})
    if unmatched:  # their cards' 📍 opens the list of venues
        log.warning("%s: no venue lists the rooms %s", settings.venues_path, unmatched)
    exhibits = ExhibitorsFile(settings.exhibitors_path)
    if guide.index_of(exhibits.catalogue.venue) is None:  # its 📍 would open nothing
        raise ExhibitorsError(
            f"{settings.exhibitors_path}: field 'venue': no venue of "
            f"{settings.venues_path} has the id {exhibits.catalogue.venue!r}"
        )
    return StartupFiles(catalogs, schedule, survey_of_event(schedule.acronym), guide, exhibits)


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
    roles = Roles(settings, storage.staff, storage.questions)
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
    reminders = Reminders(
        programme, storage, delivery, catalogs, clock, travel=coach_note(static.guide)
    )
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
        source_for(settings),
        programme,
        views,
        storage,
        delivery,
        catalogs,
        clock,
        roles,
        reminders,
    )
    staff = StaffAdmin(roles, storage, delivery, clock, views.of)
    questions = Questions(programme, storage, delivery, clock, roles, views.of)
    live_polls = LivePolls(programme, storage, delivery, clock, roles, record_sent=feedback.on_sent)
    agenda_service = AgendaService(programme, storage, clock)
    agenda_service.opened.append(live_polls.card_opened)  # an open poll to who opens its card
    matching = Matching(
        programme, storage, delivery, clock, views.of, load_tables(), _named(static.exhibits)
    )
    health = Health(supervisor, storage, clock)
    health.reachable = lambda: {name: not b.down for name, b in sender.breakers.items()}
    health.metrics.sender_stats = sender.stats
    console = await ConsoleAccess.create(
        storage.console,
        storage.state,
        roles,
        clock,
        secret=settings.console_secret,
        base_url=settings.console_base_url,
    )
    # Every command, plain word and button, by feature. The order is the menus' order (and
    # typed text reaches an announcement being written before an offered comment).
    routes = RouteTable(
        [
            browse.routes(Browse(programme, storage, clock, [exhibition.finder(static.exhibits)])),
            agenda.routes(agenda_service),
            venues.routes(static.guide, public_plan_url(settings)),
            speakers.routes(),
            reminder_routes.routes(ReminderSettings(storage)),
            broadcast.routes(broadcasting),
            question_routes.routes(questions, clock),
            matching_routes.routes(matching),
            feedback_routes.routes(feedback),
            sharing.routes(),  # a typed short code, after an announcement or comment being written
            exhibition.routes(  # a contact being typed, a typed booth code
                static.exhibits,
                static.guide.index_of,
                Leads(storage, delivery, clock, roles, views.of),
            ),
            language.routes(storage, catalogs),
            privacy.routes(
                storage, roles, exports_show_ids=settings.export_user_ids, forget=[matching.forget]
            ),
            help_routes.routes(lambda: routes.menu(Who.EVERYONE)),
            stats.routes(programme, storage, supervisor.failing, survey_kind=SURVEY_KIND),
            exports.routes(
                programme,
                storage,
                surveys,
                user_ids=settings.export_user_ids,
                exhibits=static.exhibits,
            ),
            survey.routes(surveys, storage),
            changes.routes(programme_reload.check, programme),
            staff_routes.routes(staff),
            health_routes.routes(health),
            console_routes.routes(console if settings.console_listen else None),
        ]
    )
    navigator = Navigator(routes, programme, views, catalogs, clock, storage, roles)

    # Polls are recorded once the channel names them, whichever feature asked.
    for kind in (FEEDBACK_KIND, SURVEY_KIND, CLOSE_KIND, STOP_KIND):
        sender.hooks[kind] = feedback.on_sent
    sender.hooks[LIVE_KIND] = live_polls.on_sent  # records, then stops one sent too late
    feedback.answered.append(live_polls.on_answer)
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
        health,
        console,
        questions,
        live_polls,
        matching,
        MatchingPlanner(matching),
    )


def _named(exhibits: ExhibitorsFile) -> Callable[[str, str], str | None]:
    """(booth, language) → the exhibitor's name: matching reads it without the exhibition."""

    def name(booth: str, lang: str) -> str | None:
        catalogue = exhibits.catalogue
        index = catalogue.index_of_booth(booth)
        found = None if index is None else catalogue.exhibitor(index)
        return None if found is None else found.names.get(lang, found.names["en"])

    return name
