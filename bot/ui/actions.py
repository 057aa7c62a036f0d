"""Button actions: short strings (≤ 64 bytes) that say what a tap does.

Grammar (numbers are decimal, `back` is itself a list action):
    home | sched | days | now | help | lang | search | agenda | ics | rem | fb | skipc | noop
    priv | forget | forgety (privacy, /forget and its confirmation)
    t:<track>:<page>    d:<day>:<page>    q:<page>    A:<page>      list pages
    fbd:<day>:<page>    fbt:<track>:<page>                         feedback picker pages
    T:<track>:<page>    toggle following a theme (shown on that theme's page)
    s:<key>[:<back>]    session card       F:<key>[:<back>]   toggle following that session
    fs:<key>            send me the feedback poll of that session
    L:<language>        Rl:<minutes>       Re:<0|1>           Rf:<0|1>    settings
    svy:<audience>      organizers: send the event survey (0 everyone, 1 vi, 2 en, 3 fr)
    bc | bca:<kind> | bcd:<day>:<page> | bcs:<key> | bct:<track> | bcv:<id> | bcw:<id>:<lang>
    | bcf:<id>:<lang> | bcp:<id> | bcy:<id> | bcn:<id>       organizers: the broadcast flow
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
AGENDA = "agenda"
CALENDAR = "ics"
REMINDERS = "rem"
FEEDBACK = "fb"
SKIP_COMMENT = "skipc"
BROADCAST = "bc"
STATS = "stats"
PRIVACY = "priv"
FORGET = "forget"
FORGET_CONFIRM = "forgety"
NOOP = "noop"
_PLAIN = {
    HOME,
    SCHEDULE,
    DAYS,
    NOW,
    HELP,
    LANGUAGE,
    SEARCH,
    AGENDA,
    CALENDAR,
    REMINDERS,
    FEEDBACK,
    SKIP_COMMENT,
    BROADCAST,
    STATS,
    PRIVACY,
    FORGET,
    FORGET_CONFIRM,
    NOOP,
}
# verb → how many numbers follow; with one, it is kept in `page`
_PAGED = {
    **{"t": 2, "d": 2, "T": 2, "q": 1, "A": 1, "fbd": 2, "fbt": 2},
    **{"bca": 1, "bcd": 2, "bct": 1, "bcv": 1, "bcw": 2, "bcf": 2, "bcp": 1, "bcy": 1, "bcn": 1},
}
_WITH_SESSION = {"s", "F", "fs", "bcs"}
_SETTINGS = {"Rl": {10, 15, 30, 60}, "Re": {0, 1}, "Rf": {0, 1}, "svy": {0, 1, 2, 3}}
_MAX_NUMBER = 10_000


@dataclass(frozen=True)
class Action:
    verb: str
    number: int = 0  # track or day index, or a setting's value
    page: int = 0
    text: str = ""  # session key or language code
    back: Action | None = None

    def encode(self) -> str:
        if self.verb in _PLAIN:
            return self.verb
        if self.verb in _PAGED:
            numbers = (self.number, self.page) if _PAGED[self.verb] == 2 else (self.page,)
            return ":".join([self.verb, *map(str, numbers)])
        if self.verb in _SETTINGS:
            return f"{self.verb}:{self.number}"
        if self.verb == "L":
            return f"L:{self.text}"
        tail = f":{self.back.encode()}" if self.back else ""
        return f"{self.verb}:{self.text}{tail}"


def plain(verb: str) -> Action:
    return Action(verb)


def theme(index: int, page: int = 0) -> Action:
    return Action("t", number=index, page=page)


def follow_theme(index: int, page: int = 0) -> Action:
    return Action("T", number=index, page=page)


def day(index: int, page: int = 0) -> Action:
    return Action("d", number=index, page=page)


def results(page: int = 0) -> Action:
    return Action("q", page=page)


def agenda(page: int = 0) -> Action:
    return Action("A", page=page)


def language(code: str) -> Action:
    return Action("L", text=code)


def session(key: str, back: Action | None = None) -> Action:
    return Action("s", text=key, back=back)


def follow(key: str, back: Action | None = None) -> Action:
    return Action("F", text=key, back=back)


def rate(key: str) -> Action:
    return Action("fs", text=key)


def paged(verb: str, number: int, page: int = 0) -> Action:
    return Action(verb, number=number, page=page)


def setting(verb: str, value: int) -> Action:
    return Action(verb, number=value)


def parse(data: str | None) -> Action | None:
    # surrogatepass: a forged lone surrogate is just too long or no verb, not a crash
    if not data or len(data.encode("utf-8", "surrogatepass")) > 64:
        return None
    if data in _PLAIN:
        return Action(data)
    verb, _, rest = data.partition(":")
    if verb in _WITH_SESSION:
        return _session_action(verb, rest)
    if verb == "L":
        return language(rest) if rest in LANGUAGES else None
    numbers = _numbers(rest)
    if numbers is None:
        return None
    if verb in _PAGED and len(numbers) == _PAGED[verb]:
        number, page = (numbers[0], numbers[1]) if len(numbers) == 2 else (0, numbers[0])
        return Action(verb, number=number, page=page)
    if verb in _SETTINGS and len(numbers) == 1 and numbers[0] in _SETTINGS[verb]:
        return setting(verb, numbers[0])
    return None


def _session_action(verb: str, rest: str) -> Action | None:
    key, _, back_data = rest.partition(":")
    back = parse(back_data) if back_data else None
    if not key.isalnum() or not key.isascii():
        return None
    if back_data and (back is None or back.verb in _WITH_SESSION):
        return None
    return Action(verb, text=key, back=back)


def _numbers(text: str) -> list[int] | None:
    parts = text.split(":")
    if not all(p.isdigit() and p.isascii() and len(p) <= 5 for p in parts):
        return None
    values = [int(p) for p in parts]
    return values if all(v < _MAX_NUMBER for v in values) else None
