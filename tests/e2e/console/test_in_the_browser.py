"""The console in a real browser (headless Chromium): log in by link, live figures that move
while attendees use the bot, a staff member kept off organizer pages, a phone's width."""

from __future__ import annotations

from playwright.async_api import Browser, expect

from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, STAFF, Console

__all__ = ["browser"]  # the fixture


async def test_an_organizer_logs_in_by_link_and_sees_the_figures_move(
    console: Console, browser: Browser
) -> None:
    link = await console.link_by_chat(ORGANIZER, language="fr")
    page = await browser.new_page(locale="fr-FR")
    await page.goto(link)
    await screenshot(page, "login")
    await page.get_by_role("button", name="Se connecter à la console").click()
    await expect(page.get_by_role("heading", name="Chiffres en direct")).to_be_visible()
    reachable = page.locator('[data-live="reachable"]')
    before = int(await reachable.inner_text())
    await expect(page.locator("[data-live-state]")).to_be_visible()  # the stream is open
    for n in range(3):
        await console.standin.user(8100 + n, first_name="A", language_code="vi").ask("/start")
    await expect(reachable).to_have_text(str(before + 3), timeout=10_000)
    await expect(page.locator('[data-live="lang-vi"]')).not_to_have_text("0")
    await screenshot(page, "live")
    # The organizer's pages are in the menu, and open.
    await page.get_by_role("link", name="Personnes connectées").click()
    await expect(page.get_by_role("heading", name="Personnes connectées")).to_be_visible()
    await screenshot(page, "sessions")
    await page.get_by_role("link", name="Journal des opérations").click()
    await expect(page.get_by_role("cell", name="Connexion").first).to_be_visible()
    await screenshot(page, "audit")


async def test_a_reused_link_is_refused_in_the_browser(console: Console, browser: Browser) -> None:
    link = await console.link_by_chat(STAFF)
    first = await browser.new_page()
    await first.goto(link)
    await first.get_by_role("button", name="Sign in to the console").click()
    await expect(first.get_by_role("heading", name="Live figures")).to_be_visible()
    second = await (await browser.new_context()).new_page()
    await second.goto(link)
    await second.get_by_role("button", name="Sign in to the console").click()
    await expect(second.get_by_role("alert")).to_contain_text("already been used")
    await screenshot(second, "refused")


async def test_a_staff_member_sees_no_organizer_page_and_is_refused_one(
    console: Console, browser: Browser
) -> None:
    link = await console.link_by_chat(STAFF)
    page = await browser.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    await expect(page.get_by_role("heading", name="Live figures")).to_be_visible()
    assert await page.get_by_role("link", name="Who is logged in").count() == 0
    response = await page.goto(console.base + "/sessions")
    assert response is not None and response.status == 403
    await expect(page.get_by_role("alert")).to_contain_text("for organizers")
    await screenshot(page, "forbidden")


async def test_the_language_switch_and_a_phone_width(console: Console, browser: Browser) -> None:
    link = await console.link_by_chat(ORGANIZER)
    phone = await browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = await phone.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    await page.get_by_label("Language").select_option("vi")
    await page.get_by_role("button", name="Change").click()
    await expect(page.get_by_role("heading", name="Số liệu theo thời gian thực")).to_be_visible()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone"
    await screenshot(page, "live-phone-vi")
