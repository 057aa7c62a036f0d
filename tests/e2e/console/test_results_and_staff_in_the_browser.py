"""The results and staff pages in headless Chromium: a filter chosen in the form, a grant
then a revocation, as a person does them (with a phone's width for the results)."""

from __future__ import annotations

import re

from playwright.async_api import Browser, Page, expect

from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, STAFF, Console
from tests.e2e.console.results_play import COMMENT, answered

__all__ = ["answered", "browser"]  # the fixtures


async def signed_in(console: Console, browser: Browser, user: int, *, phone: bool = False) -> Page:
    """A page logged in by the user's link from the chat (at a phone's width if asked)."""
    size = {"viewport": {"width": 375, "height": 740}, "is_mobile": True} if phone else {}
    page = await (await browser.new_context(**size)).new_page()  # type: ignore[arg-type]
    await page.goto(await console.link_by_chat(user))
    await page.get_by_role("button", name="Sign in to the console").click()
    return page


async def test_results_with_a_day_filter(answered: Console, browser: Browser) -> None:
    page = await signed_in(answered, browser, STAFF)
    await page.get_by_role("link", name="Results").click()
    card = page.locator('[data-session="AIGOV"]')
    await expect(card.locator('[data-figure="mean"]')).to_have_text("4.67")
    await expect(card.locator('[data-figure="rate"]')).to_have_text("80%")
    await expect(card.get_by_text(COMMENT)).to_be_visible()
    chart = card.get_by_role("img", name="Answers per option for AIGOV")
    await expect(chart).to_be_visible()
    assert await chart.evaluate("img => img.naturalWidth") > 0  # drawn on the server
    await screenshot(page, "results")
    await page.get_by_label("Day").select_option(index=2)  # the second day: AIGOV is on the first
    await page.get_by_role("button", name="Show").click()
    await expect(page).to_have_url(re.compile(r"day=2025-10-"))
    await expect(page.locator('[data-session="AIGOV"]')).to_have_count(0)
    await screenshot(page, "results-other-day")
    await page.get_by_label("Day").select_option(index=1)
    await page.get_by_role("button", name="Show").click()
    await expect(page.locator('[data-session="AIGOV"]')).to_have_count(1)
    async with page.expect_download() as download:
        await page.get_by_role("link", name="vidw2025-results.xlsx").click()
    assert (await download.value).suggested_filename == "vidw2025-results.xlsx"


async def test_results_fit_a_phone(answered: Console, browser: Browser) -> None:
    page = await signed_in(answered, browser, STAFF, phone=True)
    await page.goto(answered.base + "/results")
    await expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone"
    await screenshot(page, "results-phone")


async def test_an_organizer_grants_then_revokes_staff(answered: Console, browser: Browser) -> None:
    newcomer = answered.standin.user(7020, first_name="N", language_code="en")
    await newcomer.ask("/start")
    page = await signed_in(answered, browser, ORGANIZER)
    await page.get_by_role("link", name="Staff", exact=True).click()
    await page.get_by_label("User id").fill("7020")
    await page.get_by_role("button", name="Grant", exact=True).click()
    await expect(page.get_by_role("status")).to_contain_text("•••7020 is now staff")
    await screenshot(page, "staff-granted")
    assert answered.deps.navigator.roles.is_staff(7020)
    await page.get_by_role("button", name="Revoke the staff access of •••7020").click()
    await expect(page.get_by_role("status")).to_contain_text("•••7020 is no longer staff")
    assert not answered.deps.navigator.roles.is_staff(7020)
    await page.get_by_label("User id").fill("not a number")
    await page.get_by_role("button", name="Grant", exact=True).click()
    await expect(page.get_by_role("alert")).to_contain_text("numeric user id")
    await screenshot(page, "staff-bad-input")


async def test_the_organizer_pages_fit_a_phone_in_vietnamese(
    answered: Console, browser: Browser
) -> None:
    page = await signed_in(answered, browser, ORGANIZER, phone=True)
    await page.get_by_label("Language").select_option("vi")
    await page.get_by_role("button", name="Change").click()
    for path, heading, name in (
        ("/programme", "Chương trình", "programme-phone-vi"),
        ("/staff", "Cán bộ hỗ trợ", "staff-phone-vi"),
        ("/results", "Kết quả", "results-phone-vi"),
    ):
        await page.goto(answered.base + path)
        await expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        await screenshot(page, name)
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide on a 375px phone"
