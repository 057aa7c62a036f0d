"""What is personal to an attendee: the sessions they follow, their agenda and its calendar."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.clock import Clock
from bot.features.agenda import screens as agenda_screens
from bot.features.agenda.calendar import agenda_calendar
from bot.features.agenda.followed import followed_sessions
from bot.programme.current import CurrentProgramme
from bot.programme.model import Session
from bot.storage import Storage
from bot.ui.actions import Back
from bot.ui.meetings import meeting_line, meetings_of, table_name
from bot.ui.model import Attachment, Screen
from bot.ui.view import View


class AgendaService:
    def __init__(self, programme: CurrentProgramme, storage: Storage, clock: Clock) -> None:
        self._programme = programme
        self._storage = storage
        self._clock = clock
        # Told each card opened (live polls send a session's open poll to who opens it).
        self.opened: list[Callable[[int, Session], Awaitable[None]]] = []

    async def agenda_sessions(self, user_id: int) -> list[Session]:
        guids = await self._storage.follows.sessions(user_id)
        themes = await self._storage.follows.themes(user_id)
        return followed_sessions(self._programme.schedule, guids, themes)

    async def agenda(self, view: View, user_id: int, page: int = 0) -> Screen:
        screen = agenda_screens.agenda(view, await self.agenda_sessions(user_id), page)
        meetings = meetings_of(await self._storage.matching.confirmed(user_id))
        if not meetings:
            return screen
        # Business-matching meetings (bot/ui/meetings.py), below the sessions.
        lines = [view._("Business-matching meetings:"), *(meeting_line(view, m) for m in meetings)]
        return replace(screen, text="\n".join([screen.text, "", *lines]))

    async def calendar(self, view: View, user_id: int) -> Attachment:
        sessions = await self.agenda_sessions(user_id)
        meetings = [
            (
                m,
                view._("Business-matching meeting: %(who)s") % {"who": m.with_whom},
                table_name(view, m),
            )
            for m in meetings_of(await self._storage.matching.confirmed(user_id))
        ]
        content = agenda_calendar(
            sessions,
            self._programme.schedule,
            view.t.lang,
            now=self._clock.now(),
            meetings=meetings,
        )
        caption = agenda_screens.calendar_caption(view, len(sessions))
        return Attachment(agenda_screens.CALENDAR_FILE, content, caption)

    async def follows(self, user_id: int, session: Session) -> bool:
        return session.guid in await self._storage.follows.sessions(user_id)

    async def card(self, view: View, user_id: int, key: str, back: Back) -> Screen | None:
        """A session's card; None if the programme has no session with that code (any more)."""
        session = self._programme.schedule.session(key)
        if session is None:
            return None
        following = await self.follows(user_id, session)
        # Who opened a card today gets the session's live polls (bot/features/live_polls).
        await self._storage.live_polls.card_opened(user_id, session.guid, self._clock.now())
        for listener in self.opened:
            await listener(user_id, session)
        return agenda_screens.session_card(view, session, back, following=following)

    async def toggle_follow(self, view: View, user_id: int, key: str, back: Back) -> Screen | None:
        session = self._programme.schedule.session(key)
        if session is None:
            return None
        if await self.follows(user_id, session):
            await self._storage.follows.unfollow(user_id, session.guid)
        else:
            await self._storage.follows.follow(user_id, session.guid, self._clock.now())
        return await self.card(view, user_id, key, back)
