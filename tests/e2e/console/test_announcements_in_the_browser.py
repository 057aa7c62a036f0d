"""Announcements in a real browser (headless Chromium): one composed in three languages
reaches the right stand-in users on Telegram and on Zalo, and one stopped half way leaves
the rest unsent, as its report says. Screenshots of compose, preview, progress, history."""

from __future__ import annotations

import asyncio

from playwright.async_api import Browser, Page, expect

from standin.telegram import StandIn
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, Console, console_running
from tests.e2e.delivery.helpers import until_done
from tests.e2e.zalo.test_zalo import channel, meet

__all__ = ["browser"]  # the fixture
TIMEOUT = 10.0
TEXTS = {
    "vi": "<b>Xe buýt</b> đi Hà Nội khởi hành lúc 17:30 tại cổng B.",
    "en": "<b>Buses</b> to Hanoi leave at 17:30 from Gate B.",
    "fr": "Les <b>bus</b> pour Hanoï partent à 17 h 30 de la porte B.",
}
SHOWN = {lang: text.replace("<b>", "").replace("</b>", "") for lang, text in TEXTS.items()}


async def signed_in(console: Console, browser: Browser) -> Page:
    link = await console.link_by_chat(ORGANIZER)
    page = await browser.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    await expect(page.get_by_role("heading", name="Live figures")).to_be_visible()
    return page


async def test_three_languages_reach_the_right_people_on_telegram_and_zalo(
    start_bot: RunningBot, standin: StandIn, zalo: ZaloStandIn, browser: Browser
) -> None:
    lan = zalo.user("8200000000000000001", name="Lan")
    async with console_running(start_bot, standin, zalo=channel(zalo)) as console:
        telegram = {
            lang: standin.user(7200 + i, language_code=lang)
            for i, lang in enumerate(("vi", "en", "fr"))
        }
        for user in telegram.values():
            await user.ask("/start")
        await meet(lan, "fr")
        page = await signed_in(console, browser)
        await page.get_by_role("link", name="Announcements").click()
        await page.get_by_role("link", name="New announcement").click()
        await page.get_by_label("One text per language").check()
        everyone = page.get_by_label("Text for everyone", exact=True)
        await expect(everyone).to_be_hidden()  # announce.js shows the boxes of the mode
        for code, name in (("vi", "🇻🇳 Tiếng Việt"), ("en", "🇬🇧 English"), ("fr", "🇫🇷 Français")):
            await page.get_by_label(f"Text in {name}").fill(TEXTS[code])
        await page.get_by_label("Default language").select_option("en")
        await screenshot(page, "announce-compose")
        await page.get_by_role("button", name="Preview").click()
        await expect(
            page.get_by_role("heading", name="Preview of the announcement")
        ).to_be_visible()
        # Telegram shows the bold; Zalo the same words, plain.
        await expect(page.locator('[data-channel="telegram"] b').first).to_have_text("Xe buýt")
        await expect(page.locator('[data-channel="zalo"]').first).to_have_text(SHOWN["vi"])
        assert await page.locator('[data-channel="zalo"] b').count() == 0
        await expect(page.locator("[data-total]")).to_have_text("5")  # the organizer too
        fr_row = page.get_by_role("row", name="🇫🇷 Français")
        await expect(fr_row.get_by_role("cell")).to_have_text(["1", "1", "2"])  # Telegram, Zalo
        await screenshot(page, "announce-preview")
        assert (await console.deps.delivery.progress("broadcast:1")).total == 0
        await page.get_by_role("button", name="Confirm: send to 5 recipients").click()
        await expect(page.get_by_role("heading", name="Announcement #1")).to_be_visible()
        await until_done(console.deps.delivery, "broadcast:1")
        await expect(page.locator('[data-progress="status"]')).to_have_text("delivered")
        await expect(page.locator('[data-progress="sent"]')).to_have_text("5")
        await screenshot(page, "announce-progress")
        zalo_got = await lan.wait_for(lambda m: "Hanoï" in m.text, since=0, timeout=TIMEOUT)
        await page.get_by_role("link", name="All announcements").click()
        row = page.get_by_role("row").filter(has_text="#1")
        await expect(row).to_contain_text("delivered")
        await expect(row).to_contain_text("•••7001")
        await screenshot(page, "announce-history")
    for lang, user in telegram.items():
        assert user.messages[-1].text == SHOWN[lang]
        assert user.messages[-1].source == TEXTS[lang]  # with Telegram's formatting
    assert zalo_got.text == SHOWN["fr"]


async def test_stop_half_way_leaves_the_rest_unsent_and_the_report_says_so(
    start_bot: RunningBot, standin: StandIn, browser: Browser
) -> None:
    async with console_running(start_bot, standin, send_rate=4) as console:  # 4 a second
        crowd = [standin.user(7300 + i, language_code="en") for i in range(24)]
        for user in crowd:
            await user.ask("/start")
        page = await signed_in(console, browser)
        await page.goto(console.base + "/announcements/new")
        await page.get_by_label("Text for everyone", exact=True).fill("Lunch is served in Hall B.")
        await page.get_by_role("button", name="Preview").click()
        await page.get_by_role("button", name="Confirm: send to 25 recipients").click()
        sent = page.locator('[data-progress="sent"]')
        await expect(page.locator("[data-progress-state]")).to_be_visible()  # the stream is open
        async with asyncio.timeout(TIMEOUT):
            while (await console.deps.delivery.progress("broadcast:1")).sent < 4:
                await asyncio.sleep(0.05)
        await expect(sent).not_to_have_text("0", timeout=TIMEOUT * 1000)  # live, without a reload
        await page.get_by_role("button", name="Stop sending").click()
        await expect(page.locator('[data-progress="status"]')).to_have_text("cancelled")
        final = await until_done(console.deps.delivery, "broadcast:1")
        await page.reload()  # the final figures, as the report keeps them
        await expect(page.get_by_role("button", name="Stop sending")).to_have_count(0)
        await expect(sent).to_have_text(str(final.sent))
        await expect(page.locator('[data-progress="cancelled"]')).to_have_text(str(final.cancelled))
        await expect(page.locator('[data-progress="waiting"]')).to_have_text("0")
        await screenshot(page, "announce-stopped")
        await page.goto(console.base + "/announcements")
        row = page.get_by_role("row").filter(has_text="#1")
        await expect(row).to_contain_text("cancelled")
        await expect(row.get_by_role("cell").nth(8)).to_have_text(str(final.cancelled))
        await page.goto(console.base + "/audit")
        await expect(page.get_by_role("cell", name="Stopped an announcement")).to_be_visible()
    assert final.cancelled > 5 and final.sent + final.cancelled == 25
    lunch = "Lunch is served in Hall B."
    received = [u for u in crowd if any(m.text == lunch for m in u.messages)]
    organizer = standin.user(ORGANIZER)
    received += [organizer] if any(m.text == lunch for m in organizer.messages) else []
    assert len(received) == final.sent


async def test_the_compose_form_fits_a_phone(console: Console, browser: Browser) -> None:
    link = await console.link_by_chat(ORGANIZER)
    phone = await browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = await phone.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    for path in ("/announcements/new", "/announcements"):
        await page.goto(console.base + path)
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide on a 375px phone"
    await page.goto(console.base + "/announcements/new")
    await page.get_by_label("Text for everyone", exact=True).fill("x" * 4097)
    await page.get_by_role("button", name="Preview").click()
    await expect(page.get_by_role("alert")).to_contain_text("Telegram allows 4096")
    await expect(page.get_by_label("Text for everyone", exact=True)).to_have_value("x" * 4097)
    await screenshot(page, "announce-too-long-phone")
