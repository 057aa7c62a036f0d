"""Browsing, where it reads or writes a person's state: a theme page shows whether they follow
the theme, and a search is remembered for its next pages."""

from __future__ import annotations

from collections.abc import Sequence

from bot.clock import Clock
from bot.features.browse import screens, search_screens
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.ui.finds import Finder, Found
from bot.ui.model import Screen
from bot.ui.view import View


class Browse:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        clock: Clock,
        finders: Sequence[Finder] = (),
    ) -> None:
        self._programme = programme
        self._finders = tuple(finders)  # other features' results (exhibitors)
        self._storage = storage
        self._clock = clock

    async def theme(self, view: View, user_id: int, index: int, page: int) -> Screen | None:
        track = self._programme.schedule.track(index)
        if track is None:
            return None
        following = track.slug in await self._storage.follows.themes(user_id)
        return screens.theme(view, index, page, following=following)

    async def toggle_theme(self, view: View, user_id: int, index: int, page: int) -> Screen | None:
        """Following a whole theme: its sessions (also those added later) are in the agenda."""
        track = self._programme.schedule.track(index)
        if track is None:
            return None
        follows = self._storage.follows
        if track.slug in await follows.themes(user_id):
            await follows.unfollow_theme(user_id, track.slug)
        else:
            await follows.follow_theme(user_id, track.slug, self._clock.now())
        return await self.theme(view, user_id, index, page)

    async def search(self, view: View, user_id: int, query: str) -> Screen:
        query = " ".join(query.split())
        if not query:
            return screens.search_prompt(view)
        if len(query) > screens.MAX_QUERY_CHARS:
            return Screen(screens.query_too_long(view), screens.search_prompt(view).rows)
        await self._storage.users.set_last_query(user_id, query)
        return search_screens.search_results(view, query, 0, self._also(view, query))

    async def results(self, view: View, user_id: int, page: int) -> Screen:
        """Another page of the person's last search."""
        query = await self._storage.users.last_query(user_id)
        if query is None:
            return screens.search_prompt(view)
        return search_screens.search_results(view, query, page, self._also(view, query))

    def _also(self, view: View, query: str) -> list[Found]:
        return [found for finder in self._finders for found in finder(view, query)]
