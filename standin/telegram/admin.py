"""Controls under /_standin/ for a stand-in in its own process: stats, limits, faults, blocks,
and users playing inline queries.

A benchmark runs the stand-in on the other CPU core and reaches it over HTTP instead of
through Python attributes. The paths lie outside /bot<token>/, so a bot never calls them and
they are neither recorded nor counted. Errors answer 400 with {"error": description}.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Protocol, get_type_hints

from aiohttp import web

from standin.telegram.faults import FaultKind, OutageKind
from standin.telegram.limits import Limits
from standin.telegram.recording import Stats
from standin.telegram.users import SimUser

JSONDict = dict[str, Any]
Action = Callable[[JSONDict], JSONDict]
PREFIX = "/_standin"

# What JSON may carry for each Limits field: an int is a fine rate, a bool is no number.
_LIMIT_KINDS: dict[str, tuple[type, ...]] = {
    name: (int, float) if kind is float else (kind,)
    for name, kind in get_type_hints(Limits).items()
}


class Controls(Protocol):
    """What the admin API drives: the stand-in (server.StandIn) seen through its controls.

    A protocol, so that the server may add these routes without the two importing each other.
    """

    limits: Limits  # setting it takes effect at once

    @property
    def stats(self) -> Stats: ...

    @property
    def users(self) -> Mapping[int, SimUser]: ...

    # The admin API passes every field (their defaults live in StandIn.inject).
    def inject(
        self,
        kind: FaultKind,
        *,
        method: str | None,
        chat_id: int | None,
        times: int,
        retry_after: int,
    ) -> None: ...

    def outage(
        self, kind: OutageKind, *, seconds: float | None, methods: Sequence[str] | None
    ) -> None: ...

    def end_outage(self) -> None: ...

    def block(self, user_id: int) -> None: ...

    def user(self, user_id: int, first_name: str = ..., language_code: str | None = ...) -> SimUser:
        """The user, created on first call (with their app's language)."""
        ...


def add_routes(app: web.Application, standin: Controls) -> None:
    """Serve `standin`'s controls on its own server, beside the Bot API."""

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(standin.stats.summary())

    def reset(body: JSONDict) -> JSONDict:
        standin.stats.clear()
        return {}

    def limits(body: JSONDict) -> JSONDict:
        """Change the given fields, keep the others; buckets start full."""
        unknown = body.keys() - _LIMIT_KINDS.keys()
        if unknown:
            raise ValueError(f"unknown limits {sorted(unknown)}; use {sorted(_LIMIT_KINDS)}")
        changes = {name: _typed(body, name, _LIMIT_KINDS[name]) for name in body}
        standin.limits = dataclasses.replace(standin.limits, **changes)
        return dataclasses.asdict(standin.limits)

    def inject(body: JSONDict) -> JSONDict:
        standin.inject(
            _typed(body, "kind", (str,)),
            method=_typed(body, "method", (str,), None),
            chat_id=_typed(body, "chat_id", (int,), None),
            times=_typed(body, "times", (int,), 1),
            retry_after=_typed(body, "retry_after", (int,), 1),
        )
        return {}

    def outage(body: JSONDict) -> JSONDict:
        methods = _typed(body, "methods", (list,), None)
        if methods is not None and not all(isinstance(m, str) for m in methods):
            raise ValueError("methods must be a list of method names")
        standin.outage(
            _typed(body, "kind", (str,), "unreachable"),
            seconds=_typed(body, "seconds", (int, float), None),
            methods=methods,
        )
        return {}

    def end_outage(body: JSONDict) -> JSONDict:
        standin.end_outage()
        return {}

    def block(body: JSONDict) -> JSONDict:
        standin.block(_typed(body, "user_id", (int,)))
        return {}

    async def answer_polls(request: web.Request) -> web.Response:
        """Each listed user answers the latest poll in their chat (a benchmark's crowd)."""
        try:
            body = await request.json()
            chats = body["chat_ids"]
            options = body["option_ids"]
            if not all(isinstance(c, int) for c in chats) or not all(
                isinstance(o, int) for o in options
            ):
                raise ValueError("chat_ids and option_ids must be lists of integers")
            for chat_id in chats:
                user = standin.users[chat_id]
                poll = next(m.poll for m in reversed(user.messages) if m.poll is not None)
                await user.answer_poll(poll["id"], options)
        except (ValueError, KeyError, StopIteration, TypeError) as error:
            return web.json_response({"error": f"{type(error).__name__}: {error}"}, status=400)
        return web.json_response({"answered": len(chats)})

    async def inline_query(request: web.Request) -> web.Response:
        """A user types `@bot <query>`; answers with the bot's answer once it comes."""
        try:
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            user_id = _typed(body, "user_id", (int,))
            language = _typed(body, "language_code", (str,), None)
            user = standin.users.get(user_id) or standin.user(user_id, "User", language)
            answer = await user.ask_inline(
                _typed(body, "query", (str,)),
                _typed(body, "offset", (str,), ""),
                timeout=_typed(body, "timeout", (int, float), 5.0),
            )
        except (ValueError, TimeoutError) as error:
            return web.json_response({"error": f"{type(error).__name__}: {error}"}, status=400)
        return web.json_response(dataclasses.asdict(answer))

    app.router.add_get(f"{PREFIX}/stats", stats)
    app.router.add_post(f"{PREFIX}/inline_query", inline_query)
    app.router.add_post(f"{PREFIX}/answer_polls", answer_polls)
    for name, action in (
        ("reset", reset),
        ("limits", limits),
        ("inject", inject),
        ("outage", outage),
        ("end_outage", end_outage),
        ("block", block),
    ):
        app.router.add_post(f"{PREFIX}/{name}", _posted(action))


def _posted(action: Action) -> Callable[[web.Request], Awaitable[web.Response]]:
    """A handler running `action` on the JSON object posted; its ValueErrors answer 400."""

    async def handle(request: web.Request) -> web.Response:
        try:
            body = await request.json() if request.can_read_body else {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            result = action(body)
        except ValueError as error:  # json.JSONDecodeError is one too
            return web.json_response({"error": str(error)}, status=400)
        return web.json_response(result)

    return handle


_REQUIRED = object()


def _typed(body: JSONDict, name: str, kinds: tuple[type, ...], default: Any = _REQUIRED) -> Any:
    """body[name] if it is one of `kinds` (JSON's true and false are no numbers)."""
    if name not in body:
        if default is _REQUIRED:
            raise ValueError(f"{name} is required")
        return default
    value = body[name]
    if value is None and default is None:
        return None
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise ValueError(f"{name} must be {' or '.join(kind.__name__ for kind in kinds)}")
    return float(body[name]) if float in kinds else value  # a rate sent as 2 becomes 2.0
