"""Button actions: short strings (≤ 64 bytes) that say which screen a tap opens.

Grammar (numbers are decimal, `back` is itself a list action):
    home | sched | days | now | help | lang | search | noop
    t:<track>:<page>   d:<day>:<page>   q:<page>   L:<language>   s:<session key>[:<back>]
Anything else, from an old message or forged by a client, parses to None.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import LANGUAGES

HOME = "home"
SCHEDULE = "sched"
DAYS = "days"
NOW = "now"
HELP = "help"
LANGUAGE = "lang"
SEARCH = "search"
NOOP = "noop"
_PLAIN = {HOME, SCHEDULE, DAYS, NOW, HELP, LANGUAGE, SEARCH, NOOP}
_MAX_NUMBER = 10_000


@dataclass(frozen=True)
class Action:
    verb: str
    number: int = 0  # track or day index
    page: int = 0
    text: str = ""  # session key or language code
    back: Action | None = None

    def encode(self) -> str:
        if self.verb in _PLAIN:
            return self.verb
        if self.verb in ("t", "d"):
            return f"{self.verb}:{self.number}:{self.page}"
        if self.verb == "q":
            return f"q:{self.page}"
        if self.verb == "L":
            return f"L:{self.text}"
        tail = f":{self.back.encode()}" if self.back else ""
        return f"s:{self.text}{tail}"


def theme(index: int, page: int = 0) -> Action:
    return Action("t", number=index, page=page)


def day(index: int, page: int = 0) -> Action:
    return Action("d", number=index, page=page)


def results(page: int = 0) -> Action:
    return Action("q", page=page)


def language(code: str) -> Action:
    return Action("L", text=code)


def session(key: str, back: Action | None = None) -> Action:
    return Action("s", text=key, back=back)


def plain(verb: str) -> Action:
    return Action(verb)


def parse(data: str | None) -> Action | None:
    if not data or len(data.encode("utf-8")) > 64:
        return None
    if data in _PLAIN:
        return Action(data)
    verb, _, rest = data.partition(":")
    if verb == "s":
        key, _, back_data = rest.partition(":")
        back = parse(back_data) if back_data else None
        if (
            not key.isalnum()
            or not key.isascii()
            or (back_data and (back is None or back.verb == "s"))
        ):
            return None
        return session(key, back)
    if verb == "L":
        return language(rest) if rest in LANGUAGES else None
    numbers = _numbers(rest)
    if verb in ("t", "d") and numbers is not None and len(numbers) == 2:
        return Action(verb, number=numbers[0], page=numbers[1])
    if verb == "q" and numbers is not None and len(numbers) == 1:
        return results(numbers[0])
    return None


def _numbers(text: str) -> list[int] | None:
    parts = text.split(":")
    if not all(p.isdigit() and p.isascii() and len(p) <= 5 for p in parts):
        return None
    values = [int(p) for p in parts]
    return values if all(v < _MAX_NUMBER for v in values) else None
