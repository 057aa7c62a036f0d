"""The attendee's side of the bot, channel-neutral: a person (profile) asks, a Screen answers.

Channels (Telegram now, Zalo later) parse their updates, call these methods and render the
screen; language, search memory and the clock are handled here, once for all channels.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC
from html import escape

from bot.channels import ZALO, channel_of
from bot.clock import Clock
from bot.features.agenda import screens as agenda_screens
from bot.features.agenda.service import AgendaService, Attachment
from bot.features.broadcast.service import Broadcasting
from bot.features.browse import screens as programme
from bot.features.changes import screens as change_screens
from bot.features.changes.service import ReloadResult
from bot.features.exports.chart import ratings_png
from bot.features.exports.results import collect, csv_bytes, xlsx_bytes
from bot.features.feedback import screens as feedback_screens
from bot.features.feedback.service import Feedback
from bot.features.privacy import screens as privacy_screens
from bot.features.stats import screens as stats_screens
from bot.features.survey.service import SURVEY_KIND, Surveys
from bot.i18n import Catalogs, negotiate
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule
from bot.roles import Roles
from bot.storage import Storage, UserProfile
from bot.supervise import TaskHealth
from bot.ui import actions, menus, organizer
from bot.ui.actions import Action
from bot.ui.keywords import command_for
from bot.ui.model import PollRequest, Screen
from bot.ui.view import View, Views

DEEP_LINK_SESSION = "s_"

# Screens that need nothing but the view, by the action that opens them.
_SIMPLE_SCREENS: dict[str, Callable[[View], Screen]] = {
    actions.SCHEDULE: programme.programme,
    actions.NOW: programme.now_and_next,
    actions.DAYS: programme.days,
    actions.SEARCH: programme.search_prompt,
    actions.HELP: menus.help_screen,
    actions.LANGUAGE: menus.language_picker,
}
# Commands that open a screen directly, by the action that opens the same screen.
COMMAND_SCREENS = {
    "schedule": actions.SCHEDULE,
    "now": actions.NOW,
    "days": actions.DAYS,
    "help": actions.HELP,
    "language": actions.LANGUAGE,
    "agenda": actions.AGENDA,
    "reminders": actions.REMINDERS,
    "feedback": actions.FEEDBACK,
    "privacy": actions.PRIVACY,
    "forget": actions.FORGET,
}

# Commands for organizers (and /stats for staff too); the role is checked in each.
PRIVILEGED_COMMANDS = ("survey", "broadcast", "broadcasts", "stats", "reload")


@dataclass(frozen=True)
class Answer:
    """A screen, plus a short notice for channels that can flash one (Telegram's toast), and
    a file when one was asked for."""

    screen: Screen | None  # None: leave the message as it is
    notice: str | None = None
    attachments: tuple[Attachment, ...] = ()
    poll: PollRequest | None = None  # a native poll to send (the channel records its id)
    previews: tuple[Screen, ...] = ()  # messages to show before the screen (new messages)
    tracks: int | None = None  # the broadcast whose progress the screen shows


class Navigator:
    def __init__(
        self,
        programme: CurrentProgramme,
        views: Views,
        catalogs: Catalogs,
        clock: Clock,
        storage: Storage,
        roles: Roles,
        *,
        feedback: Feedback,
        surveys: Surveys,
        broadcasting: Broadcasting,
        reload: Callable[[int], Awaitable[ReloadResult]],
        export_user_ids: bool,
        failing_tasks: Callable[[], Sequence[TaskHealth]],
    ) -> None:
        self.programme = programme
        self.views = views
        self.catalogs = catalogs
        self.clock = clock
        self.storage = storage
        self.roles = roles
        self.personal = AgendaService(programme, storage, clock)
        self.feedback = feedback
        self.surveys = surveys
        self.broadcasting = broadcasting
        self.export_user_ids = export_user_ids  # VIDW_EXPORT_USER_IDS: real ids, no pseudonyms
        # Reads the schedule file again and applies it (bot/features/changes/service.py).
        self.reload = reload
        # Background tasks that keep failing (bot/supervise.py): /stats shows them to staff.
        self.failing_tasks = failing_tasks

    @property
    def schedule(self) -> Schedule:
        """The programme in use now (a reload may replace it between two calls)."""
        return self.programme.schedule

    async def meet(self, user_id: int, language_hint: str | None) -> UserProfile:
        """Every update starts here: first contact picks the language from the hint."""
        return await self.storage.users.touch(user_id, negotiate(language_hint), self.clock.now())

    def view(self, profile: UserProfile) -> View:
        return self.views.of(profile)

    async def view_of(self, user_id: int, language_hint: str | None) -> View:
        """A user's view without recording a visit (for answers to refused updates)."""
        return self.views.for_hint(await self.storage.users.get(user_id), language_hint)

    async def start(self, profile: UserProfile, first_name: str, payload: str | None) -> Screen:
        """/start, or /start s_<code> from a deep link to one session."""
        view = self.view(profile)
        if payload and payload.startswith(DEEP_LINK_SESSION):
            key = payload.removeprefix(DEEP_LINK_SESSION)
            session = self.schedule.session(key)
            if session is not None:
                return await self.personal.card(view, profile, session, actions.plain(actions.HOME))
            home = programme.home(view, first_name)
            return Screen(f"{menus.session_not_found(view, key)}\n\n{home.text}", home.rows)
        return programme.home(view, first_name)

    async def text(
        self, profile: UserProfile, text: str, html: str | None = None, first_name: str = ""
    ) -> Answer:
        """Plain text: an organizer's announcement being written, a comment just offered, a
        plain-word command ("lịch", "programme", "aide"), otherwise a search. `html` keeps the
        sender's formatting (bold, links…)."""
        view = self.view(profile)
        step = await self.broadcasting.receive(view, profile, html or escape(text), len(text))
        if step is not None:
            return Answer(step.screen, previews=step.previews)
        comment = await self.feedback.comment(profile, view, text)
        if comment is not None:
            return Answer(comment)
        command = command_for(text)
        if command == "start":
            return Answer(programme.home(view, first_name))
        if command is not None:
            return Answer(await self.command(profile, first_name, command))
        return Answer(await self.search(profile, text))

    async def photo(
        self, profile: UserProfile, file_id: str, caption_html: str, length: int
    ) -> Answer:
        """A photo is only meaningful in an organizer's announcement."""
        view = self.view(profile)
        step = await self.broadcasting.receive_photo(view, profile, file_id, caption_html, length)
        if step is not None:
            return Answer(step.screen, previews=step.previews)
        return Answer(menus.text_only(view))

    async def export(self, profile: UserProfile) -> Answer:
        """/export, for staff and organizers: the workbook and the CSV of raw answers."""
        view = self.view(profile)
        if not self.roles.is_staff(profile.id):
            return Answer(organizer.not_allowed_staff(view))
        survey = self.surveys.definition
        data = await collect(self.storage, self.schedule, survey, user_ids=self.export_user_ids)
        caption = organizer.export_caption(view, len(data.raw), len(data.comments))
        titles = {s.key: s.title_in(view.t.lang) for s in self.schedule.sessions}
        chart = ratings_png(data, self.schedule.title_in(view.t.lang), titles)
        files = (
            Attachment("vidw2025-results.xlsx", xlsx_bytes(data, survey), caption),
            Attachment("vidw2025-answers.csv", csv_bytes(data), caption),
            Attachment("vidw2025-ratings.png", chart, caption),
        )
        return Answer(None, attachments=files)

    async def search(self, profile: UserProfile, query: str) -> Screen:
        view = self.view(profile)
        query = " ".join(query.split())
        if not query:
            return programme.search_prompt(view)
        if len(query) > menus.MAX_QUERY_CHARS:
            return Screen(menus.query_too_long(view), programme.search_prompt(view).rows)
        await self.storage.users.set_last_query(profile.id, query)
        return programme.search_results(view, query, 0)

    async def command(self, profile: UserProfile, first_name: str, name: str) -> Screen:
        """The screens that commands open directly (/schedule, /agenda, /help, ...)."""
        if name == "survey":
            return await self._survey_preview(profile)
        if name == "stats":
            return await self._stats(profile)
        if name == "reload":
            return await self._reload(profile)
        if name in ("broadcast", "broadcasts"):
            view = self.view(profile)
            if not self.broadcasting.allowed(profile):
                return organizer.not_allowed(view)
            if name == "broadcast":
                return await self.broadcasting.start(view)
            return await self.broadcasting.history(view)
        verb = COMMAND_SCREENS.get(name)
        screen = await self._open(profile, first_name, actions.plain(verb)) if verb else None
        return screen or menus.unknown_command(self.view(profile), "/" + name)

    async def _reload(self, profile: UserProfile) -> Screen:
        """/reload, for organizers: apply the schedule file now and say what changed."""
        if not self.roles.is_organizer(profile.id):
            return organizer.not_allowed(self.view(profile))
        outcome = await self.reload(profile.id)
        view = self.view(profile)  # the new programme, if one was applied
        if outcome.error is not None:
            return change_screens.refused(view, outcome.error)
        if outcome.changes is None or outcome.changes.empty:
            return change_screens.unchanged(view)
        return change_screens.summary(view, outcome.changes, outcome.notices)

    async def tap(self, profile: UserProfile, first_name: str, data: str | None) -> Answer:
        """A button tap. Unknown, stale or forged data gets the main menu and a notice."""
        action = actions.parse(data)
        if action is not None and action.verb == actions.NOOP:
            return Answer(None)
        if action is not None and action.verb == "L":
            await self.storage.users.set_language(profile.id, action.text)
            view = self.view(await self.storage.users.get(profile.id) or profile)
            return Answer(programme.home(view, first_name), menus.language_changed(view))
        if action is not None and action.verb == actions.CALENDAR:
            view = self.view(profile)
            return Answer(None, attachments=(await self.personal.calendar(view, profile),))
        if action is not None and action.verb == "fs":
            session = self.schedule.session(action.text)
            view = self.view(profile)
            if session is not None and session.start <= view.now:
                return Answer(None, poll=self.feedback.rating_request(view, session))
        if action is not None and action.verb.startswith("bc"):
            return await self._broadcast_step(profile, action)
        screen = None if action is None else await self._open(profile, first_name, action)
        if screen is None:
            view = self.view(profile)
            return Answer(programme.home(view, first_name), menus.expired_button(view))
        return Answer(screen)

    async def _open(self, profile: UserProfile, first_name: str, action: Action) -> Screen | None:
        view = self.view(profile)
        personal = self.personal
        match action.verb:
            case actions.HOME:
                return programme.home(view, first_name)
            case actions.AGENDA | "A":
                return await personal.agenda(view, profile, action.page)
            case actions.REMINDERS:
                return agenda_screens.reminder_settings(view, profile)
            case actions.FEEDBACK:
                return feedback_screens.picker(view)
            case "fbd" | "fbt":
                return self._feedback_page(view, action)
            case actions.SKIP_COMMENT:
                return await self.feedback.skip_comment(profile, view)
            case "svy":
                return await self._send_survey(profile, action.number)
            case actions.STATS:
                return await self._stats(profile)
            case actions.PRIVACY:
                return privacy_screens.privacy(
                    view,
                    profile.id,
                    exports_show_ids=self.export_user_ids,
                    on_zalo=channel_of(profile.id) == ZALO,
                )
            case actions.FORGET:
                return privacy_screens.confirm_forget(view)
            case actions.FORGET_CONFIRM:
                await self.storage.privacy.forget(profile.id)
                self.roles.forget(profile.id)
                return privacy_screens.forgotten(view)
            case "Rl" | "Re" | "Rf":
                return await personal.change_setting(view, profile, action.verb, action.number)
            case "t":
                return await personal.theme(view, profile, action.number, action.page)
            case "T":
                return await personal.toggle_theme(view, profile, action.number, action.page)
            case "d":
                return programme.day(view, action.number, action.page)
            case "q":
                query = await self.storage.users.last_query(profile.id)
                if query is None:
                    return programme.search_prompt(view)
                return programme.search_results(view, query, action.page)
            case "s" | "F":
                session = self.schedule.session(action.text)
                if session is None:
                    return None
                if action.verb == "F":
                    return await personal.toggle_follow(view, profile, session, action.back)
                return await personal.card(view, profile, session, action.back)
            case verb if verb in _SIMPLE_SCREENS:
                return _SIMPLE_SCREENS[verb](view)
        return None

    def _feedback_page(self, view: View, action: Action) -> Screen | None:
        started = [s for s in self.schedule.sessions if s.start <= view.now]
        if action.verb == "fbd":
            day = self.schedule.day(action.number)
            if day is None:
                return None
            heading = view.t.date(day.date)
            sessions = [s for s in started if s.day_index == day.index]
        else:
            track = self.schedule.track(action.number)
            if track is None:
                return None
            heading = track.name_in(view.t.lang)
            sessions = [s for s in started if s.track == track]
        return feedback_screens.picker_page(
            view, heading, sessions, action.verb, action.number, action.page
        )

    async def _survey_preview(self, profile: UserProfile) -> Screen:
        view = self.view(profile)
        if not self.roles.is_organizer(profile.id):
            return organizer.not_allowed(view)
        reachable = await self.storage.users.reachable_by_language()
        title = self.surveys.definition.titles[view.t.lang]
        return organizer.survey_preview(view, title, reachable)

    async def _send_survey(self, profile: UserProfile, audience: int) -> Screen:
        """The role is checked again here: a forged button must not send anything."""
        view = self.view(profile)
        if not self.roles.is_organizer(profile.id):
            return organizer.not_allowed(view)
        language = organizer.AUDIENCES[audience]
        recipients = await self.storage.users.reachable(language)
        return organizer.survey_queued(view, await self.surveys.send(recipients))

    async def _broadcast_step(self, profile: UserProfile, action: Action) -> Answer:
        """Every step of the organizers' flow: the role is checked here, each time."""
        view = self.view(profile)
        flow = self.broadcasting
        if not flow.allowed(profile):
            return Answer(organizer.not_allowed(view))
        match action.verb:
            case actions.BROADCAST:
                screen: Screen | None = await flow.start(view)
            case "bca":
                screen = await flow.audience(view, profile, action.page)
            case "bcd":
                screen = flow.session_page(view, action.number, action.page)
            case "bcs":
                screen = await flow.session(view, profile, action.text)
            case "bct":
                screen = await flow.theme(view, profile, action.page)
            case "bcv":
                screen = await flow.versions(view, action.page)
            case "bcw":
                screen = await flow.write(view, profile, action.number, action.page)
            case "bcf":
                screen = await flow.set_default(view, action.number, action.page)
            case "bcn":
                screen = await flow.cancel(view, action.page)
            case "bcp" | "bcy":
                build = flow.preview if action.verb == "bcp" else flow.confirm
                step = await build(view, action.page)
                if step is not None:
                    return Answer(step.screen, previews=step.previews, tracks=step.tracks)
                screen = None
            case _:
                screen = None
        if screen is None:
            return Answer(programme.home(view, ""), menus.expired_button(view))
        return Answer(screen)

    async def _stats(self, profile: UserProfile) -> Screen:
        view = self.view(profile)
        if not self.roles.is_staff(profile.id):
            return organizer.not_allowed_staff(view)
        figures = self.storage.stats
        local = view.now.astimezone(self.schedule.zone)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        by_guid = {s.guid: s for s in self.schedule.sessions}
        top = [(by_guid[g], n) for g, n in await figures.top_followed() if g in by_guid]
        return stats_screens.stats(
            view,
            await figures.users_by_language(),
            await figures.active_since(midnight.astimezone(UTC).isoformat()),
            top,
            await figures.sent_by_kind(),
            await figures.poll_response(),
            await figures.broadcasts(),
            await figures.polls_sent(SURVEY_KIND),  # first questions: one per attendee
            self.failing_tasks(),
        )
