"""What is personal to an attendee: followed sessions and themes, the agenda, reminder settings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.features.agenda import screens as agenda_screens
from bot.features.agenda.calendar import agenda_calendar
from bot.features.agenda.followed import followed_sessions
from bot.features.browse import screens as programme
from bot.programme.current import CurrentProgramme
from bot.programme.model import Session
from bot.storage import Storage, UserProfile
from bot.ui.actions import Action
from bot.ui.model import Screen
from bot.ui.view import View


@dataclass(frozen=True)
class Attachment:
    """A file to send with (or instead of) a screen; channels without files show the caption."""

    filename: str
    content: bytes
    caption: str


class AgendaService:
    def __init__(self, programme: CurrentProgramme, storage: Storage, clock: Clock) -> None:
        self._programme = programme
        self._storage = storage
        self._clock = clock

    async def agenda_sessions(self, profile: UserProfile) -> list[Session]:
        guids = await self._storage.follows.sessions(profile.id)
        themes = await self._storage.follows.themes(profile.id)
        return followed_sessions(self._programme.schedule, guids, themes)

    async def agenda(self, view: View, profile: UserProfile, page: int = 0) -> Screen:
        return agenda_screens.agenda(view, await self.agenda_sessions(profile), page)

    async def calendar(self, view: View, profile: UserProfile) -> Attachment:
        sessions = await self.agenda_sessions(profile)
        content = agenda_calendar(
            sessions, self._programme.schedule, view.t.lang, now=self._clock.now()
        )
        caption = agenda_screens.calendar_caption(view, len(sessions))
        return Attachment(agenda_screens.CALENDAR_FILE, content, caption)

    async def follows(self, profile: UserProfile, session: Session) -> bool:
        return session.guid in await self._storage.follows.sessions(profile.id)

    async def card(
        self, view: View, profile: UserProfile, session: Session, back: Action | None
    ) -> Screen:
        following = await self.follows(profile, session)
        return programme.session_card(view, session, back, following=following)

    async def toggle_follow(
        self, view: View, profile: UserProfile, session: Session, back: Action | None
    ) -> Screen:
        if await self.follows(profile, session):
            await self._storage.follows.unfollow(profile.id, session.guid)
        else:
            await self._storage.follows.follow(profile.id, session.guid, self._clock.now())
        return await self.card(view, profile, session, back)

    async def theme(self, view: View, profile: UserProfile, index: int, page: int) -> Screen | None:
        track = self._programme.schedule.track(index)
        if track is None:
            return None
        following = track.slug in await self._storage.follows.themes(profile.id)
        return programme.theme(view, index, page, following=following)

    async def toggle_theme(
        self, view: View, profile: UserProfile, index: int, page: int
    ) -> Screen | None:
        track = self._programme.schedule.track(index)
        if track is None:
            return None
        if track.slug in await self._storage.follows.themes(profile.id):
            await self._storage.follows.unfollow_theme(profile.id, track.slug)
        else:
            await self._storage.follows.follow_theme(profile.id, track.slug, self._clock.now())
        return await self.theme(view, profile, index, page)

    async def change_setting(
        self, view: View, profile: UserProfile, verb: str, value: int
    ) -> Screen:
        users = self._storage.users
        if verb == "Rl":
            await users.set_lead_minutes(profile.id, value)
        elif verb == "Re":
            await users.set_reminders(profile.id, on=bool(value))
        else:
            await users.set_featured_reminders(profile.id, on=bool(value))
        return agenda_screens.reminder_settings(view, await users.get(profile.id) or profile)
