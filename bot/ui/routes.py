"""The route table: every command, plain word and button of the bot, declared by the features.

Each feature declares its routes in bot/features/<feature>/routes.py as a `FeatureRoutes`:
commands (name, menu description, who may use it, on which channels, the plain words in
vi/en/fr that stand for it), button actions with the handler of each, and the readers that get
typed text or photos first (an organizer writing an announcement, a comment just offered).
bot/core.py composes the table from them; the navigator (bot/navigation/navigator.py) looks
things up here and dispatches, checking the role of every privileged command and button.

Menus list commands in the order of the features in the table, each feature's in the order it
declares them. Typed text goes to the readers in that same order.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar, overload

from bot.channels import TELEGRAM, ZALO
from bot.ui.actions import Action, ActionType, ActionTypes, AnyAction, Plain, verb_of
from bot.ui.answer import Answer
from bot.ui.keywords import MAX_KEYWORD_CHARS, folded
from bot.ui.model import Screen
from bot.ui.view import View

A = TypeVar("A", bound=Action)
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")  # what Telegram allows in its menu
START_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what a t.me/<bot>?start= link carries

EVERY_CHANNEL = frozenset({TELEGRAM, ZALO})
TELEGRAM_ONLY = frozenset({TELEGRAM})  # needs buttons, previews or files


class Who(Enum):
    """Who may use a command or a button; checked on the server for each one."""

    EVERYONE = "everyone"
    STAFF = "staff"  # staff and organizers
    ORGANIZERS = "organizers"


@dataclass(frozen=True)
class Request:
    """One person asking: who, the view they see, and what followed a command."""

    user_id: int
    view: View
    first_name: str = ""
    args: tuple[str, ...] = ()  # "/staff add 42" → ("add", "42")


@dataclass(frozen=True)
class Redirect:
    """Answer with what another action (often another feature's) shows, and a notice: after
    a change of language, the main menu in the new one."""

    action: AnyAction
    notice: str | None = None


Reply = Answer | Screen | Redirect | None  # None: the data points at nothing (any more)
CommandHandler = Callable[[Request], Awaitable[Answer | Screen]]


@dataclass(frozen=True)
class Command:
    name: str
    description: str | None  # N_(): in the command menu and /help; None: in neither
    run: CommandHandler
    who: Who = Who.EVERYONE
    channels: frozenset[str] = EVERY_CHANNEL
    words: tuple[str, ...] = ()  # plain words for it, written as they are folded ("lich")


@dataclass(frozen=True)
class ButtonRoute:
    """What a tap on an action of one type does."""

    kind: type[Action] | Plain
    run: Callable[[Request, Any], Awaitable[Reply]]
    who: Who = Who.EVERYONE

    @property
    def verb(self) -> str:
        return self.kind.value if isinstance(self.kind, Plain) else self.kind.verb


@overload
def on(
    kind: type[A], run: Callable[[Request, A], Awaitable[Reply]], who: Who = Who.EVERYONE
) -> ButtonRoute: ...


@overload
def on(
    kind: Plain, run: Callable[[Request], Awaitable[Reply]], who: Who = Who.EVERYONE
) -> ButtonRoute: ...


def on(kind: Any, run: Any, who: Who = Who.EVERYONE) -> ButtonRoute:
    """The route of one action type (a typed action's handler gets the action too)."""
    if isinstance(kind, Plain):
        plain_run: Callable[[Request], Awaitable[Reply]] = run

        async def without_action(request: Request, _action: Any) -> Reply:
            return await plain_run(request)

        return ButtonRoute(kind, without_action, who)
    return ButtonRoute(kind, run, who)


@dataclass(frozen=True)
class TypedText:
    """A text message: as typed, and as HTML with the sender's formatting (bold, links…)."""

    text: str
    html: str


@dataclass(frozen=True)
class SentPhoto:
    file_id: str  # a photo the channel already knows
    caption_html: str
    caption_length: int  # characters of the caption once its formatting is parsed


@dataclass(frozen=True)
class DeepLink:
    """`/<command> <prefix><rest>`, as Telegram's t.me links start the bot: `open` answers,
    or None when `rest` names nothing (then the command's own answer, under `missing`)."""

    command: str
    prefix: str
    open: Callable[[Request, str], Awaitable[Answer | Screen | None]]
    missing: Callable[[View, str], str]


@dataclass(frozen=True)
class FeatureRoutes:
    commands: tuple[Command, ...] = ()
    buttons: tuple[ButtonRoute, ...] = ()
    # Offered every typed text (or photo) first; None: not for this feature, read on.
    reads_text: Callable[[Request, TypedText], Awaitable[Reply]] | None = None
    reads_photo: Callable[[Request, SentPhoto], Awaitable[Answer | Screen | None]] | None = None
    deep_links: tuple[DeepLink, ...] = ()
    # Any other text: the one feature that searches with it.
    search: Callable[[Request, str], Awaitable[Answer | Screen]] | None = None


class RouteTable:
    """The features' routes together, checked once: no name, word or verb twice."""

    def __init__(self, features: Sequence[FeatureRoutes]) -> None:
        self.commands = tuple(c for f in features for c in f.commands)
        for command in self.commands:
            if not _COMMAND_NAME.fullmatch(command.name):
                raise ValueError(f"command {command.name!r}: 1-32 of a-z, 0-9 and _")
        self._commands = _unique({c.name: c for c in self.commands}, self.commands, "command")
        words = [(word, c) for c in self.commands for word in c.words]
        self._words = _unique(dict(words), words, "plain word")
        for word, _command in words:
            if word != folded(word) or len(word) > MAX_KEYWORD_CHARS:
                raise ValueError(f"plain word {word!r}: write it folded, at most 24 characters")
        self.buttons = tuple(b for f in features for b in f.buttons)
        self._buttons = _unique({b.verb: b for b in self.buttons}, self.buttons, "button verb")
        kinds: list[ActionType] = []
        for button in self.buttons:
            kind = type(button.kind) if isinstance(button.kind, Plain) else button.kind
            if kind not in kinds:
                kinds.append(kind)
        self.actions = ActionTypes(kinds)
        unrouted = self.actions.verbs - set(self._buttons)
        if unrouted:
            raise ValueError(f"actions without a route: {sorted(unrouted)}")
        searches = [f.search for f in features if f.search is not None]
        if len(searches) != 1:
            raise ValueError("exactly one feature searches with typed text")
        self.search = searches[0]
        self.text_readers = tuple(f.reads_text for f in features if f.reads_text is not None)
        self.photo_readers = tuple(f.reads_photo for f in features if f.reads_photo is not None)
        self.deep_links = tuple(link for f in features for link in f.deep_links)

    def command(self, name: str) -> Command | None:
        return self._commands.get(name)

    def command_for(self, text: str) -> Command | None:
        """The command a plain message stands for ('Lịch' → /schedule), or None. A message is
        a plain word only if it is nothing else: one word or a short fixed phrase, accents
        and case ignored; anything longer is a search."""
        text = text.strip().removeprefix("/")
        if not text or len(text) > MAX_KEYWORD_CHARS:
            return None
        return self._words.get(folded(text))

    def menu(self, who: Who) -> tuple[Command, ...]:
        """The commands listed for `who` in addition to those of less privileged people."""
        return tuple(c for c in self.commands if c.who is who and c.description is not None)

    def button(self, data: str | None) -> ButtonRoute | None:
        """The route of the verb `data` starts with; its fields are read by `parse`, after
        the role is checked: a forged privileged tap is refused, whatever it carries."""
        verb = self.actions.known_verb(data)
        return None if verb is None else self._buttons[verb]

    def route_of(self, action: AnyAction) -> ButtonRoute:
        return self._buttons[verb_of(action)]

    def parse(self, data: str | None) -> AnyAction | None:
        return self.actions.parse(data)

    def links_to(self, command: str) -> bool:
        """Whether deep links start `command` (then any other argument is a link of nothing)."""
        return any(link.command == command for link in self.deep_links)

    def deep_link(self, command: str, payload: str) -> tuple[DeepLink, str] | None:
        for link in self.deep_links:
            if link.command == command and payload.startswith(link.prefix):
                return link, payload.removeprefix(link.prefix)
        return None


T = TypeVar("T")


def _unique(by_key: dict[str, T], items: Sequence[object], what: str) -> dict[str, T]:
    if len(by_key) != len(items):
        raise ValueError(f"a {what} is declared twice (the {what}s: {sorted(by_key)})")
    return by_key
