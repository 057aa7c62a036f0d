"""The attendee's side of the bot, for every channel: a person sends a command, words or a
photo, or taps a button; the navigator finds the route in the table the features declared
(bot/ui/routes.py, composed in bot/core.py) and answers with what its handler returns.

It holds no feature's logic. It meets the person (the first contact picks the language),
checks the channel and the role of every privileged command and of every one of its buttons
(before the button's data is even read), and answers what no route takes: an unknown
command with the list of commands, stale or forged data with the main menu and a notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from html import escape

from bot.clock import Clock
from bot.i18n import Catalogs, negotiate
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule
from bot.roles import Roles
from bot.storage import Storage, UserProfile
from bot.ui import menus
from bot.ui.actions import AnyAction, Go
from bot.ui.answer import Answer, answer
from bot.ui.model import Screen
from bot.ui.refusals import refusal
from bot.ui.routes import (
    START_PAYLOAD,
    ButtonRoute,
    Command,
    DeepLink,
    Redirect,
    Reply,
    Request,
    RouteTable,
    SentPhoto,
    TypedText,
    Who,
)
from bot.ui.view import View, Views


class Navigator:
    def __init__(
        self,
        routes: RouteTable,
        programme: CurrentProgramme,
        views: Views,
        catalogs: Catalogs,
        clock: Clock,
        storage: Storage,
        roles: Roles,
    ) -> None:
        self.routes = routes
        self.programme = programme
        self.views = views
        self.catalogs = catalogs
        self.clock = clock
        self.storage = storage
        self.roles = roles

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

    # -- what people send ---------------------------------------------------------------------

    async def command(
        self, profile: UserProfile, first_name: str, name: str, args: Sequence[str] = ()
    ) -> Answer:
        """/schedule, /staff add 42, /start s_AIGOV… — and any command the bot does not know."""
        request = self._request(profile, first_name, args)
        command = self.routes.command(name)
        if command is None:
            everyone = self.routes.menu(Who.EVERYONE)
            return Answer(menus.unknown_command(request.view, "/" + name, everyone))
        return await self._run(request, command)

    async def text(
        self, profile: UserProfile, text: str, html: str | None = None, first_name: str = ""
    ) -> Answer:
        """Plain text: first for a feature waiting for it (an announcement being written, a
        comment just offered), then a plain word that stands for a command ("lịch",
        "programme", "aide"), otherwise a search. `html` keeps the sender's formatting."""
        request = self._request(profile, first_name)
        typed = TypedText(text, html or escape(text))
        for read in self.routes.text_readers:
            reply = await read(request, typed)
            if reply is not None:
                return await self._answer(request, reply)
        command = self.routes.command_for(text)
        if command is not None:
            return await self._run(request, command)
        return answer(await self.routes.search(request, text))

    async def photo(
        self, profile: UserProfile, file_id: str, caption_html: str, length: int
    ) -> Answer:
        """A photo is only meaningful to a feature waiting for one (an announcement's)."""
        request = self._request(profile, "")
        photo = SentPhoto(file_id, caption_html, length)
        for read in self.routes.photo_readers:
            reply = await read(request, photo)
            if reply is not None:
                return answer(reply)
        return Answer(menus.text_only(request.view))

    async def tap(self, profile: UserProfile, first_name: str, data: str | None) -> Answer:
        """A button tap. Unknown, stale or forged data gets the main menu and a notice; a
        privileged verb from someone without the role gets the refusal, whatever follows it."""
        request = self._request(profile, first_name)
        route = self.routes.button(data)
        if route is None:
            return await self._expired(request)
        if not self._may(route.who, request.user_id):
            return Answer(refusal(request.view, route.who))
        action = self.routes.parse(data)
        if action is None:
            return await self._expired(request)
        return await self._dispatch(request, route, action)

    # -- dispatching ------------------------------------------------------------------------------

    async def _run(self, request: Request, command: Command) -> Answer:
        view = request.view
        if view.channel.name not in command.channels:
            return Answer(menus.not_on_this_channel(view))
        if not self._may(command.who, request.user_id):
            return Answer(refusal(view, command.who))
        if request.args and self.routes.links_to(command.name):
            linked = self.routes.deep_link(command.name, request.args[0])
            if linked is not None:
                return await self._follow(request, command, *linked)
            # A start code of a poster or a campaign gets the welcome; one that no t.me link
            # can carry was forged or cut: say so.
            if not START_PAYLOAD.fullmatch(request.args[0]):
                return await self._noted(request, command, menus.unknown_link(request.view))
        return answer(await command.run(request))

    async def _follow(
        self, request: Request, command: Command, link: DeepLink, rest: str
    ) -> Answer:
        """A deep link: what it opens, or the command's own answer under a note that it
        opens nothing (any more)."""
        reply = await link.open(request, rest)
        if reply is not None:
            return answer(reply)
        return await self._noted(request, command, link.missing(request.view, rest))

    async def _noted(self, request: Request, command: Command, note: str) -> Answer:
        """The command's own answer (without its arguments), under `note`."""
        shown = answer(await command.run(replace(request, args=())))
        if shown.screen is None:
            return shown
        return replace(shown, screen=replace(shown.screen, text=f"{note}\n\n{shown.screen.text}"))

    async def _open(self, request: Request, action: AnyAction) -> Answer:
        """What `action` shows `request`'s person, as if they had tapped it."""
        route = self.routes.route_of(action)
        if not self._may(route.who, request.user_id):
            return Answer(refusal(request.view, route.who))
        return await self._dispatch(request, route, action)

    async def _dispatch(self, request: Request, route: ButtonRoute, action: AnyAction) -> Answer:
        reply: Reply = await route.run(request, action)
        if reply is None:
            return await self._expired(request)
        return await self._answer(request, reply)

    async def _answer(self, request: Request, reply: Answer | Screen | Redirect) -> Answer:
        if isinstance(reply, Redirect):
            # Read the person again: the handler may have changed their language.
            profile = await self.storage.users.get(request.user_id)
            again = replace(request, view=self.views.of(profile)) if profile else request
            shown = await self._open(again, reply.action)
            return replace(shown, notice=reply.notice or shown.notice)
        return answer(reply)

    async def _expired(self, request: Request) -> Answer:
        """The main menu, with a notice that the button tapped means nothing (any more)."""
        home = await self.routes.route_of(Go.HOME).run(request, Go.HOME)
        assert isinstance(home, Answer | Screen), "the main menu is always there"
        return replace(answer(home), notice=menus.expired_button(request.view))

    def _may(self, who: Who, user_id: int) -> bool:
        if who is Who.STAFF:
            return self.roles.is_staff(user_id)
        if who is Who.ORGANIZERS:
            return self.roles.is_organizer(user_id)
        return True

    def _request(self, profile: UserProfile, first_name: str, args: Sequence[str] = ()) -> Request:
        return Request(profile.id, self.views.of(profile), first_name, tuple(args))
