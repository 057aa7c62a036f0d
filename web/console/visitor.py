"""Who is asking: read once per request by the guard, handed to every page."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from aiohttp import web

from bot.features.console.access import Role
from bot.storage.console import ConsoleSession


class Need(Enum):
    """Who may open a page; declared with each route, checked by the guard on every request."""

    ANYONE = "anyone"  # the login pages, the static files, presenter screens (their link)
    MODERATORS = "moderators"  # moderators (of their sessions: the page checks), staff, organizers
    STAFF = "staff"  # staff and organizers
    ORGANIZERS = "organizers"

    def allows(self, role: Role | None) -> bool:
        if self is Need.ANYONE:
            return True
        if role is None:
            return False
        if self is Need.MODERATORS:
            return True
        if self is Need.STAFF:
            return role in (Role.STAFF, Role.ORGANIZER)
        return role is Role.ORGANIZER


@dataclass(frozen=True)
class Visitor:
    language: str
    session: ConsoleSession | None = None
    role: Role | None = None
    csrf: str = ""

    @property
    def user_id(self) -> int:
        return self.session.user_id if self.session else 0

    @property
    def is_organizer(self) -> bool:
        return self.role is Role.ORGANIZER


VISITOR = web.RequestKey("visitor", Visitor)  # set by the guard on every request


def visitor(request: web.Request) -> Visitor:
    if VISITOR not in request:
        raise RuntimeError("the guard middleware did not run")
    return request[VISITOR]
