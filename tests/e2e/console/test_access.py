"""Login by one-time link, sessions, roles, CSRF and the security headers, over plain HTTP."""

from __future__ import annotations

import aiohttp

from tests.e2e.console.conftest import ATTENDEE, ORGANIZER, STAFF, Console, csrf_of


async def test_a_chat_link_opens_the_console_once(console: Console) -> None:
    link = await console.link_by_chat(STAFF)
    assert link.startswith(console.base + "/login?t=")
    token = link.split("t=", 1)[1]
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        async with client.get(link) as shown:  # a preview fetch spends nothing
            assert shown.status == 200
            assert 'name="t"' in await shown.text()
        async with client.post(f"{console.base}/login", data={"t": token}) as response:
            assert response.status == 200
            assert str(response.url) == console.base + "/"
            page = await response.text()
            assert "Live figures" in page
        cookie = response.history[0].cookies["vidw_console"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        assert int(cookie["max-age"]) == 12 * 3600
    async with (
        aiohttp.ClientSession() as other,
        other.post(f"{console.base}/login", data={"t": token}) as again,
    ):
        assert again.status == 403
        assert "already been used" in await again.text()


async def test_an_attendee_gets_a_polite_refusal_and_no_link(console: Console) -> None:
    user = console.standin.user(ATTENDEE, first_name="A", language_code="fr")
    reply = await user.ask("/console")
    assert "/login?t=" not in (reply.text or "")
    assert "organisat" in (reply.text or "").lower() or "personnel" in (reply.text or "").lower()


async def test_a_forged_or_expired_link_is_refused(console: Console) -> None:
    link = await console.link_by_chat(STAFF)
    token = link.split("t=", 1)[1]
    nonce, _, signature = token.partition(".")
    async with aiohttp.ClientSession() as client:
        async with client.post(f"{console.base}/login", data={"t": nonce + ".x" + signature}) as r:
            assert r.status == 403 and "not valid" in await r.text()
        console.deps.navigator.clock.set(console.deps.navigator.clock.now().replace(year=2030))
        async with client.post(f"{console.base}/login", data={"t": token}) as r:
            assert r.status == 403 and "expired" in await r.text()


async def test_pages_need_a_session_and_organizer_pages_an_organizer(console: Console) -> None:
    async with aiohttp.ClientSession() as anonymous:
        page = {"Accept": "text/html,application/xhtml+xml"}
        async with anonymous.get(f"{console.base}/", headers=page, allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/login"
        async with anonymous.get(f"{console.base}/live/stream") as r:
            assert r.status == 401
    staff = await console.session(STAFF)
    async with staff:
        async with staff.get(f"{console.base}/sessions") as r:
            assert r.status == 403 and "for organizers" in await r.text()
        async with staff.get(f"{console.base}/audit") as r:
            assert r.status == 403
    organizer = await console.session(ORGANIZER)
    async with organizer, organizer.get(f"{console.base}/sessions") as r:
        assert r.status == 200
        page = await r.text()
        assert page.count("End session") == 2  # the staff member's and the organizer's own


async def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(
    console: Console,
) -> None:
    staff = await console.session(STAFF)
    organizer = await console.session(ORGANIZER)
    async with staff, organizer:
        async with organizer.get(f"{console.base}/sessions") as r:
            page = await r.text()
        ref = other_session(page)
        for forged in ({"ref": ref}, {"ref": ref, "csrf": "forged"}):
            async with organizer.post(f"{console.base}/sessions/revoke", data=forged) as r:
                assert r.status == 403
                assert "nothing was changed" in await r.text()
        async with staff.get(f"{console.base}/", allow_redirects=False) as r:
            assert r.status == 200  # still logged in: nothing was revoked
        async with organizer.post(
            f"{console.base}/sessions/revoke", data={"ref": ref, "csrf": csrf_of(page)}
        ) as r:
            assert r.status == 200 and r.url.path == "/sessions"
        async with staff.get(f"{console.base}/", allow_redirects=False) as r:
            assert r.status == 401  # the staff member's browser is logged out
        async with organizer.get(f"{console.base}/audit") as r:
            assert "Ended a console session" in await r.text()


def other_session(page: str) -> str:
    """The reference of the first session in the list that is not the viewer's own."""
    for row in page.split("<tr>")[2:]:
        if "(you)" not in row:
            return row.split('name="ref" value="', 1)[1].split('"', 1)[0]
    raise AssertionError("no other session listed")


async def test_every_answer_carries_the_security_headers(console: Console) -> None:
    async with aiohttp.ClientSession() as client:
        for path in ("/login", "/static/console.css", "/nowhere"):
            async with client.get(console.base + path) as r:
                csp = r.headers["Content-Security-Policy"]
                assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
                assert "unsafe-inline" not in csp
                assert r.headers["Referrer-Policy"] == "no-referrer"
                assert r.headers["X-Content-Type-Options"] == "nosniff"


async def test_logins_are_rate_limited_by_address(console: Console) -> None:
    async with aiohttp.ClientSession() as client:
        statuses = []
        for _ in range(12):
            async with client.post(f"{console.base}/login", data={"t": "a.b"}) as r:
                statuses.append(r.status)
        assert statuses[:10] == [403] * 10
        assert statuses[10:] == [429, 429]
        assert int(r.headers["Retry-After"]) >= 1


async def test_a_revoked_staff_grant_closes_the_console_at_once(console: Console) -> None:
    granted = 7010
    await console.deps.navigator.roles.grant(granted, ORGANIZER, console.deps.navigator.clock.now())
    client = await console.session(granted)
    async with client:
        async with client.get(f"{console.base}/", allow_redirects=False) as r:
            assert r.status == 200
        await console.deps.navigator.roles.revoke(granted)
        async with client.get(f"{console.base}/", allow_redirects=False) as r:
            assert r.status == 401
