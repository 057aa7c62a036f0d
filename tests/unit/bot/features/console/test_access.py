"""Login links: signed, single use, ten minutes; sessions: twelve hours, revocable; roles live."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.config import Settings
from bot.features.console.access import ConsoleAccess, Login, Refused, Role
from bot.roles import Roles
from bot.storage import Storage

ORGANIZER, STAFF, ATTENDEE = 1, 2, 3


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[Storage]:
    storage = await Storage.open(tmp_path / "vidw.db")
    yield storage
    await storage.close()


async def access_for(storage: Storage, clock: Clock, secret: str | None = None) -> ConsoleAccess:
    roles = Roles(Settings(organizers=frozenset({ORGANIZER}), staff=frozenset({STAFF})))
    return await ConsoleAccess.create(
        storage.console, storage.state, roles, clock, secret=secret, base_url="https://c.example/"
    )


async def test_only_staff_and_organizers_get_a_link(storage: Storage, clock: Clock) -> None:
    access = await access_for(storage, clock)
    assert access.role(ORGANIZER) is Role.ORGANIZER and access.role(STAFF) is Role.STAFF
    assert await access.link(ATTENDEE) is None
    link = await access.link(STAFF)
    assert link is not None and link.startswith("https://c.example/login?t=")


async def test_a_link_opens_one_session_even_when_two_browsers_race(
    storage: Storage, clock: Clock
) -> None:
    access = await access_for(storage, clock)
    token = (await access.link(STAFF) or "").split("t=", 1)[1]
    outcomes = await asyncio.gather(*(access.redeem(token, "browser") for _ in range(5)))
    logins = [o for o in outcomes if isinstance(o, Login)]
    assert len(logins) == 1 and outcomes.count(Refused.USED) == 4
    assert await access.session(logins[0].cookie) is not None


async def test_forged_expired_and_former_staff_links_are_refused(
    storage: Storage, clock: Clock
) -> None:
    access = await access_for(storage, clock)
    token = (await access.link(STAFF) or "").split("t=", 1)[1]
    nonce, _, signature = token.partition(".")
    assert await access.redeem(f"{nonce}.{signature[::-1]}", "") is Refused.FORGED
    assert await access.redeem("", "") is Refused.FORGED
    other = await access_for(storage, clock, secret="x" * 40)  # another installation's secret
    assert await other.redeem(token, "") is Refused.FORGED
    clock.set(clock.now() + timedelta(minutes=10, seconds=1))
    assert await access.redeem(token, "") is Refused.EXPIRED


async def test_the_secret_is_kept_so_links_survive_a_restart(
    storage: Storage, clock: Clock
) -> None:
    token = (await (await access_for(storage, clock)).link(STAFF) or "").split("t=", 1)[1]
    restarted = await access_for(storage, clock)
    assert isinstance(await restarted.redeem(token, ""), Login)
    assert "secret" not in repr(restarted) and "c.example" in repr(restarted)


async def test_sessions_end_after_twelve_hours_on_logout_and_when_revoked(
    storage: Storage, clock: Clock
) -> None:
    access = await access_for(storage, clock)

    async def login() -> Login:
        token = (await access.link(STAFF) or "").split("t=", 1)[1]
        outcome = await access.redeem(token, "")
        assert isinstance(outcome, Login)
        return outcome

    first, second = await login(), await login()
    await access.logout(first.session)
    assert await access.session(first.cookie) is None
    assert await access.session(second.cookie) is not None
    clock.set(clock.now() + timedelta(hours=12, seconds=1))
    assert await access.session(second.cookie) is None
    actions = [e.action for e in await storage.console.audit()]
    assert actions == ["logout", "login", "login"]  # newest first


async def test_csrf_tokens_belong_to_their_session(storage: Storage, clock: Clock) -> None:
    access = await access_for(storage, clock)
    logins = []
    for _ in range(2):
        token = (await access.link(STAFF) or "").split("t=", 1)[1]
        outcome = await access.redeem(token, "")
        assert isinstance(outcome, Login)
        logins.append(outcome.session)
    mine, theirs = logins
    assert access.csrf_ok(mine, access.csrf_token(mine))
    assert not access.csrf_ok(mine, access.csrf_token(theirs))
    assert not access.csrf_ok(mine, "")


async def test_forget_removes_links_and_sessions_and_unnames_the_audit(
    storage: Storage, clock: Clock
) -> None:
    access = await access_for(storage, clock)
    token = (await access.link(STAFF) or "").split("t=", 1)[1]
    login = await access.redeem(token, "")
    assert isinstance(login, Login)
    await storage.privacy.forget(STAFF)
    assert await access.session(login.cookie) is None
    assert [e.user_id for e in await storage.console.audit()] == [0]
