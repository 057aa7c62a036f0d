"""The route table: composed from the features' routes, checked once, one registry for the
menus, /help, plain words and buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from bot.deps import Deps
from bot.i18n import Catalogs
from bot.programme.loader import load_schedule
from bot.ui.actions import Action, Plain
from bot.ui.answer import Answer, File, Notice, Poll, Preview, Shown
from bot.ui.model import Attachment, PollRequest, Screen
from bot.ui.routes import (
    Command,
    FeatureRoutes,
    Reply,
    Request,
    RouteTable,
    Who,
    on,
)
from bot.ui.view import CHANNELS, View
from tests.conftest import SCHEDULE


class Taps(Plain):
    HOME = "home"
    OTHER = "other"


@dataclass(frozen=True)
class Page(Action, verb="pg"):
    page: int


async def _screen(request: Request) -> Screen:
    return Screen("a screen")


async def _page(request: Request, action: Page) -> Reply:
    return Screen(f"page {action.page}")


async def _search(request: Request, text: str) -> Screen:
    return Screen(f"found {text}")


def _command(name: str, *words: str, description: str | None = "Does it") -> Command:
    return Command(name, description, _screen, words=words)


def _feature(**routes: object) -> FeatureRoutes:
    defaults: dict[str, object] = {
        "buttons": (on(Taps.HOME, _screen), on(Taps.OTHER, _screen)),
        "search": _search,
    }
    return FeatureRoutes(**{**defaults, **routes})


def test_a_table_finds_commands_words_and_buttons() -> None:
    table = RouteTable(
        [
            _feature(
                commands=(
                    _command("start", "menu", "trang chu"),
                    _command("hidden", description=None),
                ),
                buttons=(on(Taps.HOME, _screen), on(Taps.OTHER, _screen), on(Page, _page)),
            ),
        ]
    )
    assert table.command("start") is table.command_for("  Trang Chủ ")
    assert table.command_for("/menu") is table.command("start")
    assert table.command_for("trang chủ của tôi hôm nay là gì") is None  # a search
    assert [c.name for c in table.menu(Who.EVERYONE)] == ["start"]  # hidden: no description
    assert table.parse("pg:3") == Page(3)
    assert table.parse("other") is Taps.OTHER
    route = table.button("pg:~")  # the route by its verb, before the data is read
    assert route is not None and route.verb == "pg"
    assert table.button("nope") is None


@pytest.mark.parametrize(
    ("features", "error"),
    [
        (
            [_feature(commands=(_command("a"),)), FeatureRoutes(commands=(_command("a"),))],
            "command",
        ),
        ([_feature(commands=(_command("a", "x"), _command("b", "x")))], "plain word"),
        ([_feature(commands=(_command("a", "Lịch"),))], "folded"),
        ([_feature(commands=(_command("Start"),))], "a-z"),
        ([_feature(buttons=(on(Taps.HOME, _screen),))], "without a route"),
        ([_feature(), FeatureRoutes(buttons=(on(Taps.HOME, _screen),))], "button verb"),
        ([_feature(), FeatureRoutes(search=_search)], "searches"),
        ([FeatureRoutes(buttons=(on(Taps.HOME, _screen), on(Taps.OTHER, _screen)))], "searches"),
    ],
)
def test_a_table_refuses_what_would_be_ambiguous(features: list[FeatureRoutes], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        RouteTable(features)


async def test_the_bots_menus_are_in_their_order(core: Deps) -> None:
    routes = core.navigator.routes
    assert [c.name for c in routes.menu(Who.EVERYONE)] == [
        *("start", "schedule", "now", "days", "search", "agenda", "venue", "transport"),
        "speakers",
        *("reminders", "matching", "feedback", "exhibition", "language", "privacy", "help"),
    ]
    assert [c.name for c in routes.menu(Who.STAFF)] == ["stats", "export"]
    assert [c.name for c in routes.menu(Who.ORGANIZERS)] == [
        *("broadcast", "broadcasts", "exhibitor_staff", "survey", "reload", "staff", "health"),
    ]
    assert routes.command("forget") is not None and routes.command_for("oublier") is not None


def test_an_answer_shows_its_parts_in_one_order(catalogs: Catalogs) -> None:
    schedule = load_schedule(SCHEDULE)
    now = datetime.fromisoformat("2025-10-27T10:00:00+07:00")
    telegram = View(catalogs["en"], schedule, now)
    zalo = View(catalogs["en"], schedule, now, CHANNELS["zalo"])
    file = Attachment("agenda.ics", b"BEGIN:VCALENDAR", "Your agenda")
    poll = PollRequest("s", "q", "en", "How was it?", ("a", "b"), ("1", "2"))
    answer = Answer(
        Screen("the screen"),
        "a notice",
        attachments=(file,),
        poll=poll,
        previews=(Screen("as recipients see it"),),
        tracks=7,
    )
    assert answer.parts(telegram) == (
        Notice("a notice"),
        Preview(Screen("as recipients see it")),
        Shown(Screen("the screen"), 7, after_previews=True),
        File(file),
        Poll(poll),
    )
    on_zalo = answer.parts(zalo)
    assert on_zalo[3] == Notice(
        "Your agenda — this messenger cannot receive files; the Telegram bot can."
    )
    assert Answer(None).parts(telegram) == ()
