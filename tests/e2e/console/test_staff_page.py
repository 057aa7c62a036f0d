"""The staff page over HTTP: organizers grant and revoke staff (the person is told in the
chat, a revocation ends their console sessions), bad input and forged forms change nothing,
staff members are refused."""

from __future__ import annotations

import re

from tests.e2e.console.conftest import ORGANIZER, STAFF, Console, csrf_of

NEWCOMER = 7010


async def test_grant_then_revoke_ends_the_console_session(console: Console) -> None:
    newcomer = console.standin.user(NEWCOMER, first_name="N", language_code="en")
    await newcomer.ask("/start")
    organizer = await console.session(ORGANIZER)
    async with organizer:
        async with organizer.get(f"{console.base}/staff") as response:
            assert response.status == 200
            page = await response.text()
        assert "•••7002" in page and ">7002<" not in page  # masked ids only
        mark = newcomer.seq
        async with organizer.post(
            f"{console.base}/staff/grant", data={"csrf": csrf_of(page), "user": str(NEWCOMER)}
        ) as response:
            assert response.status == 200
            page = await response.text()
        assert "•••7010 is now staff" in page
        welcome = await newcomer.wait_for(since=mark)
        assert "staff access" in (welcome.text or "")
        assert console.deps.navigator.roles.is_staff(NEWCOMER)
        # The new staff member logs in; revoking ends that session at once.
        theirs = await console.session(NEWCOMER)
        async with theirs:
            ref = re.search(r'name="ref" value="([^"]+)"', page)
            assert ref is not None
            async with organizer.post(
                f"{console.base}/staff/revoke", data={"csrf": csrf_of(page), "ref": ref.group(1)}
            ) as response:
                assert response.status == 200
                assert "•••7010 is no longer staff" in await response.text()
            assert not console.deps.navigator.roles.is_staff(NEWCOMER)
            async with theirs.get(f"{console.base}/results", allow_redirects=False) as response:
                assert response.status in (303, 401)
        async with organizer.get(f"{console.base}/audit") as response:
            audit = await response.text()
        assert "Granted staff access" in audit and "Revoked staff access" in audit


async def test_bad_input_and_forged_forms_change_nothing(console: Console) -> None:
    organizer = await console.session(ORGANIZER)
    async with organizer:
        async with organizer.get(f"{console.base}/staff") as response:
            csrf = csrf_of(await response.text())
        async with organizer.post(
            f"{console.base}/staff/grant", data={"csrf": csrf, "user": "bob"}
        ) as response:
            assert response.status == 400
            assert "numeric user id" in await response.text()
        async with organizer.post(
            f"{console.base}/staff/grant", data={"user": str(NEWCOMER)}
        ) as response:
            assert response.status == 403  # no CSRF token
        async with organizer.post(
            f"{console.base}/staff/revoke", data={"csrf": csrf, "ref": "0" * 20}
        ) as response:
            assert response.status == 400
            assert "nothing was changed" in await response.text()
    assert not console.deps.navigator.roles.is_staff(NEWCOMER)


async def test_a_staff_member_is_refused_the_page_and_its_forms(console: Console) -> None:
    staff = await console.session(STAFF)
    async with staff:
        async with staff.get(f"{console.base}/") as response:
            csrf = csrf_of(await response.text())
        async with staff.get(f"{console.base}/staff") as response:
            assert response.status == 403
        async with staff.post(
            f"{console.base}/staff/grant", data={"csrf": csrf, "user": str(NEWCOMER)}
        ) as response:
            assert response.status == 403
        async with staff.post(
            f"{console.base}/staff/revoke", data={"csrf": csrf, "ref": "x"}
        ) as response:
            assert response.status == 403
    assert not console.deps.navigator.roles.is_staff(NEWCOMER)
