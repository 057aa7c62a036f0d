"""A new programme while the bot runs: validate it, swap it in, tell the people it concerns.

VIDW_SCHEDULE is the source: a file, or a URL downloaded into a local copy (source.py). It is
read again on /reload, by `vidw-bot import-schedule` (through the file), every
VIDW_SCHEDULE_WATCH seconds, and at start. The text last applied is kept in the database, so a
file replaced while the bot was down is compared with what attendees last saw. An invalid file
is refused and the running programme stays; so does it when the URL cannot be fetched, and the
organizers hear of that once, not at every attempt.

Notices go through the delivery engine with one dedupe key per (file version, session,
user): applying the same file twice — a crash half way, a restart — never notifies twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from bot.clock import Clock
from bot.delivery.fan_out import fan_out
from bot.delivery.service import Delivery
from bot.features.changes import screens as change_screens
from bot.features.changes.history import Applied, remember
from bot.features.changes.source import ProgrammeSource, SourceUnavailable
from bot.i18n import Catalogs
from bot.outgoing import Outgoing, Payload, screen_payload
from bot.programme.applied import APPLIED_HASH, APPLIED_TEXT, fingerprint
from bot.programme.current import CurrentProgramme
from bot.programme.diff import ScheduleDiff, SessionChange, diff
from bot.programme.loader import ScheduleError, parse_text
from bot.programme.model import Schedule
from bot.roles import Roles
from bot.storage import Storage
from bot.ui.model import Screen
from bot.ui.view import View, Views

log = logging.getLogger(__name__)

NOTICE_KIND = "schedule-change"
SUMMARY_KIND = "schedule-summary"


@dataclass(frozen=True)
class ReloadResult:
    """What a check of the file found: nothing new, a refused file, or an applied change."""

    changes: ScheduleDiff | None = None
    notices: int = 0
    error: str | None = None

    @property
    def applied(self) -> bool:
        return self.changes is not None


class ChangeNotices:
    """Who a change concerns and the message each of them gets, in their language."""

    def __init__(self, storage: Storage, catalogs: Catalogs, clock: Clock) -> None:
        self._storage = storage
        self._catalogs = catalogs
        self._clock = clock

    async def build(self, changes: ScheduleDiff, version: str) -> list[Outgoing]:
        items: list[Outgoing] = []
        for change in changes.changes:
            session = change.new or change.old
            assert session is not None
            notice = partial(self._notice, change, changes.shown_in(change))
            prefix = f"change:{version}:{change.guid}:"
            items += fan_out(await self._audience(change), notice, prefix, expires_at=session.end)
        return items

    def _notice(self, change: SessionChange, shown: Schedule, lang: str) -> Payload | None:
        """The notice in one language; None when nothing a reader of it would see changed."""
        view = View(self._catalogs[lang], shown, self._clock.now())
        screen = change_screens.notice(view, change)
        return screen_payload(screen) if screen is not None else None

    async def _audience(self, change: SessionChange) -> list[tuple[int, str]]:
        follows = self._storage.follows
        if change.old is None:
            assert change.new is not None
            slug = change.new.track_slug
            return await follows.theme_followers(slug) if slug is not None else []
        sessions = [s for s in (change.old, change.new) if s is not None]
        slugs = sorted({slug for s in sessions if (slug := s.track_slug) is not None})
        featured = any(s.featured for s in sessions)
        return await follows.concerned(change.guid, slugs, featured)


class ReminderPlanner(Protocol):
    """The reminders' planner (bot/features/reminders/planner.py), as a reload needs it."""

    async def replace_programme(self, withdrawn: Iterable[str], swap: Callable[[], None]) -> None:
        """Withdraw the reminders queued for `withdrawn` sessions, and `swap` the programme
        with no planner run in between."""


class ProgrammeReload:
    def __init__(
        self,
        source: ProgrammeSource,
        programme: CurrentProgramme,
        views: Views,
        storage: Storage,
        delivery: Delivery,
        catalogs: Catalogs,
        clock: Clock,
        roles: Roles,
        reminders: ReminderPlanner,
    ) -> None:
        self._source = source
        self._programme = programme
        self._views = views
        self._storage = storage
        self._delivery = delivery
        self._catalogs = catalogs
        self._clock = clock
        self._roles = roles
        self._reminders = reminders
        self._notices = ChangeNotices(storage, catalogs, clock)
        self._lock = asyncio.Lock()
        self._refused: str | None = None  # the hash of the last refused file: reported once
        self._outage: str | None = None  # since when the URL cannot be fetched: reported once
        # Run after a change is applied (the job planners re-plan their due instants).
        self.on_applied: list[Callable[[], Awaitable[None]]] = []

    async def start(self) -> ReloadResult:
        """At start: remember the programme, or apply what changed while the bot was down
        (the programme in use is the file's; attendees last saw the stored one)."""
        stored = await self._storage.state.get(APPLIED_TEXT)
        previous = None
        if stored is not None:
            try:
                previous = parse_text(stored, "the programme last applied")
            except ScheduleError as exc:  # written by an older version of the bot
                log.warning("cannot compare with the programme last applied: %s", exc)
        if previous is None:
            text = self._source.current()
            await self._remember(text, fingerprint(text))
            schedule = self._programme.schedule
            await self._history(schedule, fingerprint(text), 0, "", None)
            return ReloadResult()
        return await self.check(old=previous)

    async def check(
        self, requested_by: int | None = None, old: Schedule | None = None
    ) -> ReloadResult:
        """Read the file; apply it if it differs from the programme in use (or `old`)."""
        async with self._lock:
            try:
                text = await self._source.read()
            except SourceUnavailable as exc:
                return await self._unavailable(str(exc), requested_by)
            except ScheduleError as exc:
                return await self._refuse(fingerprint(str(exc)), str(exc), requested_by)
            self._outage = None
            version = fingerprint(text)
            if version == await self._storage.state.get(APPLIED_HASH):
                self._refused = None
                return ReloadResult()
            try:
                new = parse_text(text, self._source.name)
            except ScheduleError as exc:
                return await self._refuse(version, str(exc), requested_by)
            outcome = await self._apply(
                old or self._programme.schedule, new, text, version, requested_by
            )
        for callback in self.on_applied:
            try:
                await callback()
            except Exception:  # the programme is applied: say so, whatever a follower did
                log.exception("after applying the programme, %r failed", callback)
        return outcome

    async def _unavailable(self, error: str, requested_by: int | None) -> ReloadResult:
        """Keep the programme; tell the organizers when the outage starts, not at every try."""
        if self._outage is None:
            self._outage = fingerprint(f"{error} {self._clock.now().isoformat()}")
            log.error("%s — the programme stays as it was", error)
            await self._tell_organizers(
                f"unreachable:{self._outage[:16]}",
                lambda view: change_screens.unreachable(view, error),
                skip=requested_by,
            )
        return ReloadResult(error=error)

    async def _refuse(self, version: str, error: str, requested_by: int | None) -> ReloadResult:
        """Keep the programme; tell the organizers once per bad file (the watcher sees it
        every half minute until someone fixes it)."""
        if version != self._refused:
            self._refused = version
            log.error("schedule file refused, the programme stays as it was: %s", error)
            await self._tell_organizers(
                f"refused:{version[:16]}",
                lambda view: change_screens.refused(view, error),
                skip=requested_by,
            )
        return ReloadResult(error=error)

    async def _apply(
        self, old: Schedule, new: Schedule, text: str, version: str, requested_by: int | None
    ) -> ReloadResult:
        changes = diff(old, new)
        short = version[:16]
        # Reminders queued for an old time must not go out; the planner queues new ones.
        withdrawn = [c.guid for c in changes.changes if c.moved or c.removed]
        await self._reminders.replace_programme(withdrawn, lambda: self._programme.replace(new))
        items = await self._notices.build(changes, short)
        queued = await self._delivery.enqueue(f"change:{short}", NOTICE_KIND, items, urgent=True)
        await self._remember(text, version)
        await self._history(new, version, len(changes.changes), f"change:{short}", requested_by)
        self._refused = None
        log.info(
            "programme %s → %s applied: %d changes, %d notices queued",
            old.version,
            new.version,
            len(changes.changes),
            queued,
        )
        if not changes.empty:
            await self._tell_organizers(
                f"summary:{short}",
                lambda view: change_screens.summary(view, changes, len(items)),
                skip=requested_by,
            )
        return ReloadResult(changes, len(items))

    async def _remember(self, text: str, version: str) -> None:
        await self._storage.state.set_many({APPLIED_TEXT: text, APPLIED_HASH: version})

    async def _history(
        self, new: Schedule, version: str, changes: int, batch: str, by: int | None
    ) -> None:
        at = self._clock.now().isoformat()
        await remember(
            self._storage, Applied(new.version, version, at, len(new.sessions), changes, batch, by)
        )

    async def _tell_organizers(
        self, key: str, screen: Callable[[View], Screen], *, skip: int | None
    ) -> None:
        items = []
        for organizer in sorted(self._roles.organizers - {skip or 0}):
            profile = await self._storage.users.get(organizer)
            if profile is None or profile.blocked:
                continue  # never talked to the bot: Telegram would refuse the chat
            view = self._views.of(profile)
            items.append(
                Outgoing(organizer, screen_payload(screen(view)), f"schedule:{key}:{organizer}")
            )
        await self._delivery.enqueue(f"schedule:{key}", SUMMARY_KIND, items, urgent=True)


async def plan_notices(
    storage: Storage, catalogs: Catalogs, clock: Clock, old: Schedule, new: Schedule
) -> tuple[ScheduleDiff, Sequence[Outgoing]]:
    """What applying `new` over `old` would change and send (for a preview in the terminal)."""
    changes = diff(old, new)
    items = await ChangeNotices(storage, catalogs, clock).build(changes, "preview")
    return changes, items
