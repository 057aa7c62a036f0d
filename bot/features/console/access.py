"""Login without passwords: a signed, single-use link of 10 minutes becomes a session of 12 hours.

A link is `<base>/login?t=<nonce>.<signature>`: the signature (HMAC-SHA256 with the console
secret) lets a forged or mistyped link be refused without touching the database; the nonce's
hash in `console_links` makes it single use. A session is a random cookie value whose hash is
in `console_sessions`; revoking it there ends it at the next request. Roles are not kept in a
session: every request asks `Roles`, so a staff grant taken back closes the console at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from bot.clock import Clock
from bot.roles import Roles
from bot.storage.console import ConsoleSession, ConsoleStore
from bot.storage.state import StateStore

LINK_LIFETIME = timedelta(minutes=10)
SESSION_LIFETIME = timedelta(hours=12)
SECRET_KEY = "console_secret"  # in the state table, when VIDW_CONSOLE_SECRET is not set
AGENT_CHARS = 200


class Role(Enum):
    MODERATOR = "moderator"  # of some sessions' questions, granted by an organizer
    STAFF = "staff"
    ORGANIZER = "organizer"


class Refused(Enum):
    """Why a login link did not open a session (each has its own page)."""

    FORGED = "forged"  # the signature does not match: mistyped, cut, or made up
    USED = "used"
    EXPIRED = "expired"
    NOT_STAFF = "not-staff"  # the link was good, the person is not (or no longer) staff


@dataclass(frozen=True)
class Login:
    cookie: str  # the session cookie's value: given to the browser once, stored hashed
    session: ConsoleSession


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


class ConsoleAccess:
    def __init__(
        self,
        store: ConsoleStore,
        roles: Roles,
        clock: Clock,
        secret: bytes,
        base_url: str,
    ) -> None:
        self._store = store
        self._roles = roles
        self._clock = clock
        self._secret = secret
        self.base_url = base_url.rstrip("/")

    def __repr__(self) -> str:  # the secret never reaches a log
        return f"ConsoleAccess(base_url={self.base_url!r})"

    @classmethod
    async def create(
        cls,
        store: ConsoleStore,
        state: StateStore,
        roles: Roles,
        clock: Clock,
        *,
        secret: str | None,
        base_url: str,
    ) -> ConsoleAccess:
        """With VIDW_CONSOLE_SECRET, or a secret made once and kept, so links survive restarts."""
        if secret is None:
            secret = await state.get(SECRET_KEY)
            if secret is None:
                secret = secrets.token_urlsafe(32)
                await state.set(SECRET_KEY, secret)
        return cls(store, roles, clock, secret.encode(), base_url)

    def role(self, user_id: int) -> Role | None:
        if self._roles.is_organizer(user_id):
            return Role.ORGANIZER
        if self._roles.is_staff(user_id):
            return Role.STAFF
        if self._roles.moderates(user_id):
            return Role.MODERATOR
        return None

    async def link(self, user_id: int) -> str | None:
        """A new login link for staff, organizers and moderators; None for anyone else."""
        if self.role(user_id) is None:
            return None
        nonce = secrets.token_urlsafe(24)
        now = self._clock.now()
        await self._store.add_link(digest(nonce), user_id, now, now + LINK_LIFETIME)
        return f"{self.base_url}/login?t={nonce}.{self._sign(nonce)}"

    async def redeem(self, token: str, agent: str) -> Login | Refused:
        nonce, _, signature = token.strip().partition(".")
        if not nonce or not hmac.compare_digest(signature, self._sign(nonce)):
            return Refused.FORGED
        now = self._clock.now()
        user_id = await self._store.use_link(digest(nonce), now)
        if user_id is None:
            state = await self._store.link_state(digest(nonce))
            return Refused.USED if state == "used" else Refused.EXPIRED
        if self.role(user_id) is None:
            return Refused.NOT_STAFF
        cookie = secrets.token_urlsafe(32)
        expires = now + SESSION_LIFETIME
        await self._store.add_session(digest(cookie), user_id, now, expires, agent[:AGENT_CHARS])
        await self._store.record(now, user_id, "login", agent[:AGENT_CHARS])
        session = ConsoleSession(digest(cookie), user_id, now, expires, now, agent, None)
        return Login(cookie, session)

    async def session(self, cookie: str) -> ConsoleSession | None:
        """The live session of a cookie, if its user is still staff."""
        if not cookie:
            return None
        found = await self._store.session(digest(cookie), self._clock.now())
        if found is None or self.role(found.user_id) is None:
            return None
        return found

    async def touch(self, session: ConsoleSession) -> None:
        """Last seen, at most once a minute a session (the list of who is logged in)."""
        now = self._clock.now()
        if now - session.last_seen >= timedelta(minutes=1):
            await self._store.seen(session.id_hash, now)

    async def logout(self, session: ConsoleSession) -> None:
        now = self._clock.now()
        await self._store.revoke(session.id_hash, now)
        await self._store.record(now, session.user_id, "logout")

    async def set_language(self, session: ConsoleSession, language: str) -> None:
        await self._store.set_language(session.id_hash, language)

    def csrf_token(self, session: ConsoleSession) -> str:
        """Bound to the session: a form posted from another site has no way to know it."""
        mac = hmac.new(self._secret, b"csrf:" + session.id_hash.encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")

    def csrf_ok(self, session: ConsoleSession, token: str) -> bool:
        return hmac.compare_digest(token, self.csrf_token(session))

    def _sign(self, nonce: str) -> str:
        mac = hmac.new(self._secret, b"login:" + nonce.encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()[:18]).decode()
