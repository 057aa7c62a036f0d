"""Button actions: what a tap does, as a typed value, and the short string a button carries.

Every feature declares the actions its buttons carry (bot/features/<feature>/actions.py); the
few that several features put on their buttons are declared here (`Go`) and in
bot/ui/sessions.py (`OpenSession`). There are two kinds:

- a plain verb: a member of a `Plain` StrEnum, the whole action ("home", "ics"); being a str,
  the member is itself the data of its button;
- a typed action: a frozen dataclass subclassing `Action`, with a verb and typed fields, written
  "verb:field:field" ("t:3:0", "s:AIGOV:t:3:0").

A typed action's fields are written, in the order they are declared, as:

    int          decimal, 0 to 9999
    bool         1 or 0
    an IntEnum   its number: only its members' numbers read back
    SessionKey   a session's code: ASCII letters and digits
    Language     vi, en or fr
    RecordId     a database row's id (a question's): decimal, 1 to 999999999
    Back         last, optional: the action of the screen its Back button returns to (one
                 that names no session itself)

The strings are the ones buttons have always carried: buttons already in people's chats keep
working, and Zalo maps the numbers a user answers to them. Each fits Telegram's 64 bytes.

`ActionTypes` is the one parser: built from every action type of the route table, it turns a
button's data back into its action, or None for anything no button of the bot carries (stale,
forged, cut, over 64 bytes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from enum import Enum, IntEnum, StrEnum
from typing import Annotated, Any, ClassVar, TypeAlias, get_args, get_origin, get_type_hints

from bot.i18n import LANGUAGES
from bot.ui.model import MAX_ACTION_BYTES

MAX_NUMBER = 10_000  # list indexes, pages, broadcast ids and minutes stay below this
_MAX_DIGITS = 5


class Plain(StrEnum):
    """Verbs that are whole actions: no data follows. Each feature subclasses it."""


class Action:
    """A typed action: subclass it as a frozen dataclass, `verb=` naming its verb."""

    verb: ClassVar[str]

    def __init_subclass__(cls, *, verb: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if ":" in verb or not verb:
            raise ValueError(f"{cls.__name__}: a verb is a non-empty word without ':'")
        cls.verb = str(verb)

    def valid(self) -> bool:
        """Whether the values make sense beyond their types (override to narrow them)."""
        return True

    def encode(self) -> str:
        parts = [self.verb]
        for field in _fields(type(self)):
            value = getattr(self, field.name)
            if value is not None:
                parts.append(field.write(value))
        return ":".join(parts)


# What a button carries, once read.
AnyAction: TypeAlias = Action | Plain
# The screen a Back button returns to.
Back: TypeAlias = Action | Plain | None
ActionType: TypeAlias = type[Action] | type[Plain]


class _Kind(Enum):
    SESSION_KEY = "session key"
    LANGUAGE = "language"
    RECORD_ID = "record id"


SessionKey: TypeAlias = Annotated[str, _Kind.SESSION_KEY]
Language: TypeAlias = Annotated[str, _Kind.LANGUAGE]
RecordId: TypeAlias = Annotated[int, _Kind.RECORD_ID]
_MAX_RECORD_DIGITS = 9


class Go(Plain):
    """Plain verbs that more than one feature puts on its buttons: the main screens, the
    page counter of a list (it does nothing) and skipping an offered comment."""

    HOME = "home"
    SCHEDULE = "sched"
    DAYS = "days"
    NOW = "now"
    SEARCH = "search"
    AGENDA = "agenda"
    REMINDERS = "rem"
    HELP = "help"
    LANGUAGE = "lang"
    VENUES = "ven"
    EXHIBITION = "expo"
    SKIP_COMMENT = "skipc"
    NOOP = "noop"


# -- fields -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    name: str
    hint: Any

    @property
    def is_back(self) -> bool:
        return bool(self.hint == Back)

    @property
    def names_session(self) -> bool:
        return _kind(self.hint) is _Kind.SESSION_KEY

    def write(self, value: Any) -> str:
        if self.is_back:
            return data_of(value)
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, int):
            return str(int(value))
        return str(value)

    def read(self, text: str) -> Any:
        """The value `text` stands for; None if it stands for none."""
        kind = _kind(self.hint)
        if kind is _Kind.SESSION_KEY:
            return text if text.isascii() and text.isalnum() else None
        if kind is _Kind.LANGUAGE:
            return text if text in LANGUAGES else None
        if kind is _Kind.RECORD_ID:
            ok = text.isdigit() and text.isascii() and len(text) <= _MAX_RECORD_DIGITS
            return int(text) if ok and text[0] != "0" else None
        if self.hint is bool:
            return {"0": False, "1": True}.get(text)
        number = _number(text)
        if number is None or self.hint is int:
            return number
        members: Mapping[int, IntEnum] = self.hint._value2member_map_
        return members.get(number)


def _kind(hint: Any) -> _Kind | None:
    if get_origin(hint) is Annotated:
        return next((m for m in get_args(hint)[1:] if isinstance(m, _Kind)), None)
    return None


def _number(text: str) -> int | None:
    # isdigit alone would take "１" (full width) or "٣"; isascii keeps to 0-9
    if not (text.isdigit() and text.isascii() and len(text) <= _MAX_DIGITS):
        return None
    value = int(text)
    return value if value < MAX_NUMBER else None


_FIELDS: dict[type[Action], tuple[_Field, ...]] = {}


def _fields(cls: type[Action]) -> tuple[_Field, ...]:
    """The fields of an action type, checked once: types this module can write, Back last."""
    known = _FIELDS.get(cls)
    if known is not None:
        return known
    hints = get_type_hints(cls, include_extras=True)
    found = tuple(_Field(f.name, hints[f.name]) for f in fields(cls))  # type: ignore[arg-type]
    for position, field in enumerate(found):
        hint = field.hint
        readable = (
            field.is_back
            or _kind(hint) is not None
            or hint in (int, bool)
            or (isinstance(hint, type) and issubclass(hint, IntEnum))
        )
        if not readable:
            raise TypeError(f"{cls.__name__}.{field.name}: no way to write {hint!r} in an action")
        if field.is_back and position != len(found) - 1:
            raise TypeError(f"{cls.__name__}.{field.name}: a Back field comes last")
    _FIELDS[cls] = found
    return found


# -- reading ------------------------------------------------------------------------------------


class ActionTypes:
    """Every action type the bot's buttons carry, by verb: the one place data is read."""

    def __init__(self, types: Iterable[ActionType]) -> None:
        self._by_verb: dict[str, type[Action] | Plain] = {}
        for kind in types:
            if isinstance(kind, type) and issubclass(kind, Plain):
                for member in kind:
                    self._add(member.value, member)
            else:
                _fields(kind)  # checked now rather than at the first tap
                self._add(kind.verb, kind)

    def _add(self, verb: str, kind: type[Action] | Plain) -> None:
        if verb in self._by_verb:
            raise ValueError(f"two action types use the verb {verb!r}")
        self._by_verb[verb] = kind

    @property
    def verbs(self) -> frozenset[str]:
        return frozenset(self._by_verb)

    def parse(self, data: str | None) -> AnyAction | None:
        """The action `data` was encoded from; None for anything no button carries."""
        # surrogatepass: a forged lone surrogate is just too long or no verb, not a crash
        if not data or len(data.encode("utf-8", "surrogatepass")) > MAX_ACTION_BYTES:
            return None
        verb, colon, rest = data.partition(":")
        kind = self._by_verb.get(verb)
        if isinstance(kind, Plain):
            return kind if not colon else None
        if kind is None or not colon:
            return None
        return self._typed(kind, rest)

    def _typed(self, kind: type[Action], rest: str) -> Action | None:
        declared = _fields(kind)
        with_back = bool(declared) and declared[-1].is_back
        plain_fields = declared[:-1] if with_back else declared
        parts = rest.split(":", len(plain_fields)) if with_back else rest.split(":")
        if len(parts) not in (len(plain_fields), len(plain_fields) + int(with_back)):
            return None
        values: dict[str, Any] = {}
        for field, text in zip(plain_fields, parts, strict=False):
            value = field.read(text)
            if value is None:
                return None
            values[field.name] = value
        if len(parts) > len(plain_fields):
            back = self.parse(parts[-1])
            if back is None or _names_session(back):
                return None
            values[declared[-1].name] = back
        action = kind(**values)
        return action if action.valid() else None

    def known_verb(self, data: str | None) -> str | None:
        """The verb `data` starts with, if an action type has it (the fields are not read)."""
        verb = (data or "").partition(":")[0]
        return verb if verb in self._by_verb else None


def _names_session(action: AnyAction) -> bool:
    """A Back never opens a session itself: a card's way back is a list."""
    return isinstance(action, Action) and any(f.names_session for f in _fields(type(action)))


def verb_of(action: AnyAction) -> str:
    return action.value if isinstance(action, Plain) else action.verb


def data_of(action: AnyAction) -> str:
    """What a button carries for `action` (a plain verb is its own data)."""
    return action.value if isinstance(action, Plain) else action.encode()
