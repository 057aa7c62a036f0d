"""The business-matching desk: confirmed meetings by slot and table, requests waiting, a
no-show marked (audited), the CSV; staff refused; a forged form changes nothing; in the
browser at a phone's width."""

from __future__ import annotations

import re

from playwright.async_api import Browser, expect

from bot.features.matching.rules import Details
from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, STAFF, Console, csrf_of
from tests.e2e.console.test_results_and_staff_in_the_browser import signed_in
from tests.e2e.matching.test_matching import FIRST, SECOND

__all__ = ["browser"]  # the fixture


async def meetings(console: Console) -> int:
    """Two companies meet at FIRST (table 1); a third request waits. The meeting's id."""
    matching = console.deps.matching
    ids = {}
    for user, org in ((7801, "Acme Robotics"), (7802, "Viettel"), (7803, "Sony")):
        console.standin.user(user, first_name="X", language_code="en")
        await console.deps.storage.users.touch(user, "en", console.deps.navigator.clock.now())
        await matching.set_details(user, Details(org, "CEO", "Japan"))
        assert await matching.opt_in(user)
        ids[user] = (await console.deps.storage.matching.profile(user)).id  # type: ignore[union-attr]
    sent = await matching.send(7801, ids[7802], FIRST, "")
    confirmed = await matching.accept(7802, sent.id)  # type: ignore[union-attr]
    assert getattr(confirmed, "table_no", None) == 1
    assert not isinstance(await matching.send(7803, ids[7801], SECOND, ""), str)
    return sent.id  # type: ignore[union-attr]


async def test_the_desk_marks_a_no_show_and_exports_csv(console: Console) -> None:
    meeting = await meetings(console)
    organizer = await console.session(ORGANIZER)
    async with organizer:
        async with organizer.get(f"{console.base}/matching") as response:
            assert response.status == 200
            page = await response.text()
        assert "Acme Robotics, Japan" in page and "Viettel, Japan" in page
        assert "Sony, Japan" in page  # waiting for an answer
        assert "Confirmed: 1" in page and "Waiting for an answer: 1" in page
        csrf = csrf_of(page)
        data = {"csrf": csrf, "request": str(meeting), "no_show": "1"}
        async with organizer.post(f"{console.base}/matching/no-show", data=data) as response:
            assert response.status == 200  # after the redirect
            assert "<strong>No-show</strong>" in await response.text()
        forged = {"csrf": csrf, "request": "999999", "no_show": "1"}
        async with organizer.post(f"{console.base}/matching/no-show", data=forged) as response:
            assert response.status == 400
            assert "nothing was changed" in await response.text()
        async with organizer.post(
            f"{console.base}/matching/no-show", data={"request": str(meeting), "no_show": "0"}
        ) as response:
            assert response.status == 403  # no CSRF token
        async with organizer.get(f"{console.base}/matching/export.csv") as response:
            assert response.status == 200
            body = (await response.read()).decode("utf-8")
        assert body.startswith("\ufeffSlot,Table,Status")
        assert re.search(r"08:30,1,accepted,\"Acme Robotics, Japan\",\"Viettel, Japan\",1", body)
        async with organizer.get(f"{console.base}/audit") as response:
            assert "Marked a business-matching no-show" in await response.text()
    again = await console.deps.storage.matching.request(meeting)
    assert again is not None and again.no_show


async def test_staff_are_refused_the_desk(console: Console) -> None:
    staff = await console.session(STAFF)
    async with staff:
        async with staff.get(f"{console.base}/matching") as response:
            assert response.status == 403
        async with staff.get(f"{console.base}/matching/export.csv") as response:
            assert response.status == 403


async def test_the_desk_in_the_browser_on_a_phone(console: Console, browser: Browser) -> None:
    await meetings(console)
    page = await signed_in(console, browser, ORGANIZER, phone=True)
    await page.goto(console.base + "/matching")
    await expect(page.get_by_role("heading", name="Business matching")).to_be_visible()
    await expect(page.get_by_text("Acme Robotics, Japan").first).to_be_visible()
    await page.get_by_role("button", name="Mark a no-show at table 1").click()
    await expect(page.get_by_role("button", name="Unmark the no-show at table 1")).to_be_visible()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone"
    await screenshot(page, "matching-desk-phone")
