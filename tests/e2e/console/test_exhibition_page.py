"""The exhibition's page: visits (one per attendee however often they open a card), contacts
shared and exhibitor staff per booth; organizers download one booth's leads (the /leads CSV,
with its BOM) or all of them, audited; staff see the counts and cannot download; a form
without its CSRF token or with an unknown booth changes and gives nothing."""

from __future__ import annotations

import csv
import io
import re

import aiohttp
from playwright.async_api import Browser, expect

from bot.storage.leads import Lead
from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, STAFF, Console, csrf_of
from tests.e2e.console.test_results_and_staff_in_the_browser import signed_in

__all__ = ["browser"]  # the fixture

VISITORS = (7901, 7902)


async def exhibition(console: Console) -> None:
    """7901 opens B12 twice (a link, then the typed code) and A1; 7902 opens B12 and shares a
    contact with it and with A1; one staff member at B12."""
    first = console.standin.user(VISITORS[0], first_name="A", language_code="en")
    second = console.standin.user(VISITORS[1], first_name="B", language_code="en")
    await first.ask("/start x_B12")
    await first.ask("/start x_B12")
    await first.ask("/start x_A1")
    await second.ask("/start x_B12")
    store, now = console.deps.storage.leads, console.deps.navigator.clock.now()
    for booth in ("B12", "A1"):
        await store.share(Lead(VISITORS[1], booth, "Trần Văn Nam", "Bộ TT&TT", "CEO", "=1+1", now))
    await store.grant(7903, "B12", ORGANIZER, now)


async def exhibition_page(console: Console, client: aiohttp.ClientSession) -> str:
    """The page as `client` sees it, B12's figures checked: 2 visitors (3 openings), 1 lead,
    1 staff member."""
    async with client.get(f"{console.base}/exhibition") as response:
        assert response.status == 200
        page = await response.text()
    assert row_of(page, "B12") == ["2", "3", "1", "1"]
    return page


def row_of(page: str, booth: str) -> list[str]:
    found = re.search(rf'<tr data-booth="{booth}">(.*?)</tr>', page, re.S)
    assert found, booth
    return re.findall(r'<td class="num">(\d+)</td>', found.group(1))


async def test_the_page_counts_visits_once_per_attendee_and_downloads_leads(
    console: Console,
) -> None:
    await exhibition(console)
    visits = console.deps.storage.leads
    assert (await visits.visits())["B12"] == (2, 3)  # two attendees, three openings
    organizer = await console.session(ORGANIZER)
    async with organizer:
        page = await exhibition_page(console, organizer)
        assert row_of(page, "A1") == ["1", "1", "1", "0"]
        assert row_of(page, "C2") == ["0", "0", "0", "0"]
        assert "Visits: 3" in page and "Contacts shared: 2" in page
        assert "Exhibitor K — Cybersecurity operations centre" in page
        csrf = csrf_of(page)
        form = {"csrf": csrf, "booth": "B12"}
        async with organizer.post(f"{console.base}/exhibition/leads", data=form) as response:
            assert response.status == 200
            assert 'filename="leads-B12.csv"' in response.headers["Content-Disposition"]
            body = await response.read()
        assert body.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert rows[0][:3] == ["Booth", "Exhibitor", "Shared at"]
        assert [r[0] for r in rows[1:]] == ["B12"]  # only that exhibitor's
        assert rows[1][3] == "Trần Văn Nam" and rows[1][-1] == "'=1+1"  # not a formula
        form = {"csrf": csrf, "booth": "all"}
        async with organizer.post(f"{console.base}/exhibition/leads", data=form) as response:
            every = list(csv.reader(io.StringIO((await response.read()).decode("utf-8-sig"))))
        assert sorted(r[0] for r in every[1:]) == ["A1", "B12"]
        form = {"csrf": csrf, "booth": "Z99"}
        async with organizer.post(f"{console.base}/exhibition/leads", data=form) as response:
            assert response.status == 400
            assert "No exhibitor has the booth Z99" in await response.text()
        async with organizer.post(
            f"{console.base}/exhibition/leads", data={"booth": "B12"}
        ) as response:
            assert response.status == 403  # no CSRF token
            assert "Trần" not in await response.text()
        async with organizer.get(f"{console.base}/audit") as response:
            audit = await response.text()
        assert "Downloaded the contacts shared with exhibitors" in audit
        assert "B12: 1" in audit and "all: 2" in audit


async def test_staff_see_the_counts_but_cannot_download_leads(console: Console) -> None:
    await exhibition(console)
    staff = await console.session(STAFF)
    async with staff:
        page = await exhibition_page(console, staff)
        assert "/exhibition/leads" not in page  # no download offered
        form = {"csrf": csrf_of(page), "booth": "B12"}
        async with staff.post(f"{console.base}/exhibition/leads", data=form) as response:
            assert response.status == 403
            assert "Trần" not in await response.text()


async def test_forget_removes_the_visits(console: Console) -> None:
    attendee = console.standin.user(VISITORS[0], first_name="A", language_code="en")
    await attendee.ask("/start x_B12")
    store = console.deps.storage.leads
    assert (await store.visits())["B12"] == (1, 1)
    confirm = await attendee.ask("/forget")
    await attendee.press(confirm, "🗑 Yes, delete my data")
    assert "B12" not in await store.visits()


async def test_an_organizer_downloads_a_booths_leads_on_a_phone(
    console: Console, browser: Browser
) -> None:
    await exhibition(console)
    page = await signed_in(console, browser, ORGANIZER, phone=True)
    await page.goto(console.base + "/")
    await page.get_by_role("link", name="Exhibition").click()
    await expect(page.get_by_role("heading", name="Exhibition")).to_be_visible()
    await expect(page.get_by_text("Visits: 3")).to_be_visible()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone"
    await screenshot(page, "exhibition-phone")
    async with page.expect_download() as download:
        await page.get_by_role("button", name="Download the contacts of booth B12 (CSV)").click()
    assert (await download.value).suggested_filename == "leads-B12.csv"
