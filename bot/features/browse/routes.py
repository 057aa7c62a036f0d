"""Browsing's commands, plain words and buttons: the main menu, the programme, days, now/next,
search."""

from __future__ import annotations

from bot.features.browse import screens, search_screens
from bot.features.browse.actions import (
    BrowseTap,
    DayPage,
    FollowTheme,
    InterpretedPage,
    LanguagePage,
    ResultsPage,
    RoomPage,
    SpeakerPage,
    ThemePage,
)
from bot.features.browse.service import Browse
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, on


def routes(browse: Browse) -> FeatureRoutes:
    async def home(request: Request) -> Screen:
        """/start, the main menu (a deep link /start s_<code> is the agenda's)."""
        return screens.home(request.view, request.first_name)

    async def programme(request: Request) -> Screen:
        return screens.programme(request.view)

    async def days(request: Request) -> Screen:
        return screens.days(request.view)

    async def now(request: Request) -> Screen:
        return screens.now_and_next(request.view)

    async def search_prompt(request: Request) -> Screen:
        return screens.search_prompt(request.view)

    async def search_command(request: Request) -> Screen:
        """/search <words>; without words, the prompt."""
        return await search(request, " ".join(request.args))

    async def search(request: Request, text: str) -> Screen:
        return await browse.search(request.view, request.user_id, text)

    async def theme(request: Request, action: ThemePage) -> Screen | None:
        return await browse.theme(request.view, request.user_id, action.track, action.page)

    async def follow_theme(request: Request, action: FollowTheme) -> Screen | None:
        return await browse.toggle_theme(request.view, request.user_id, action.track, action.page)

    async def day(request: Request, action: DayPage) -> Screen | None:
        return screens.day(request.view, action.day, action.page)

    async def results(request: Request, action: ResultsPage) -> Screen:
        return await browse.results(request.view, request.user_id, action.page)

    async def languages(request: Request) -> Screen:
        return screens.languages(request.view)

    async def language(request: Request, action: LanguagePage) -> Screen | None:
        return screens.language(request.view, action.language, action.page)

    async def interpreted(request: Request, action: InterpretedPage) -> Screen | None:
        return screens.interpreted(request.view, action.language, action.page)

    async def speaker(request: Request, action: SpeakerPage) -> Screen | None:
        return search_screens.speaker(request.view, action.speaker, action.page)

    async def room(request: Request, action: RoomPage) -> Screen | None:
        return search_screens.room(request.view, action.room, action.page)

    async def nothing(request: Request) -> Answer:
        return Answer(None)  # the page counter of a list: the message stays as it is

    start_words = ("start", "menu", "bat dau", "trang chu", "accueil", "debut", "home")
    return FeatureRoutes(
        commands=(
            Command("start", N_("Welcome and main menu"), home, words=start_words),
            Command(
                "schedule",
                N_("The programme by theme"),
                programme,
                words=("schedule", "programme", "program", "lich", "lich trinh", "chuong trinh"),
            ),
            Command(
                "now",
                N_("What is on now and next"),
                now,
                words=(
                    "now",
                    "now and next",
                    "bay gio",
                    "dang dien ra",
                    "maintenant",
                    "en ce moment",
                ),
            ),
            Command(
                "days",
                N_("The programme day by day"),
                days,
                words=("days", "by day", "theo ngay", "jours", "par jour"),
            ),
            Command("search", N_("Search sessions, speakers and rooms"), search_command),
        ),
        buttons=(
            on(Go.HOME, home),
            on(Go.SCHEDULE, programme),
            on(Go.DAYS, days),
            on(Go.NOW, now),
            on(Go.SEARCH, search_prompt),
            on(Go.NOOP, nothing),
            on(ThemePage, theme),
            on(FollowTheme, follow_theme),
            on(DayPage, day),
            on(ResultsPage, results),
            on(SpeakerPage, speaker),
            on(BrowseTap.LANGUAGES, languages),
            on(LanguagePage, language),
            on(InterpretedPage, interpreted),
            on(RoomPage, room),
        ),
        search=search,
    )
