"""A live poll in a real browser: started from the moderation page on a phone, and the hall's
screen whose bars grow as the room answers, with no reload."""

from __future__ import annotations

from playwright.async_api import Browser, expect

from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import STAFF, Console
from tests.e2e.console.test_live_polls import follower, is_poll

__all__ = ["browser"]  # the fixture


async def test_the_hall_screen_bars_follow_the_answers(console: Console, browser: Browser) -> None:
    voters = [
        await follower(console.standin, 7400 + i, lang) for i, lang in enumerate(["vi", "en", "fr"])
    ]
    marks = [v.seq for v in voters]
    link = await console.link_by_chat(STAFF)
    phone = await browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = await phone.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    await page.goto(console.base + "/questions/AIGOV")
    await page.get_by_role("button", name="New presenter link").click()
    screen_url = await page.locator("a.screen-link").inner_text()

    form = page.locator("form.poll-form")
    await form.get_by_label("EN").first.fill("Which field should AI serve first?")
    await page.locator("#option1_en").fill("Health")
    await page.locator("#option2_en").fill("Education")
    await page.locator("#option3_vi").fill("Nông nghiệp")
    await page.locator("#option4_en").fill("x" * 101)  # too long: refused, nothing lost
    await page.get_by_role("button", name="Start the poll").click()
    await expect(page.locator("#err-option4_en")).to_contain_text("at most 100")
    await expect(page.locator("#option1_en")).to_have_value("Health")
    await screenshot(page, "poll-form-refused-phone")
    await page.locator("#option4_en").fill("")
    await page.get_by_role("button", name="Start the poll").click()
    await expect(page.get_by_role("button", name="Close the poll")).to_be_visible()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone"

    hall = await (await browser.new_context(viewport={"width": 1920, "height": 1080})).new_page()
    await hall.goto(screen_url)
    bars = hall.locator(".poll .bar-row")
    await expect(bars).to_have_count(3)
    await expect(bars.nth(0).locator(".share")).to_have_text("0%")
    polls = [
        await v.wait_for(is_poll, since=m, timeout=10) for v, m in zip(voters, marks, strict=True)
    ]
    await voters[0].answer_poll(polls[0].poll["id"], [0])
    await expect(bars.nth(0).locator(".fill")).to_have_class("fill p100", timeout=2_000)
    await voters[1].answer_poll(polls[1].poll["id"], [1])
    await voters[2].answer_poll(polls[2].poll["id"], [1])
    await expect(bars.nth(1).locator(".fill")).to_have_class("fill p67", timeout=2_000)
    await expect(bars.nth(0).locator(".share")).to_have_text("33%")
    await expect(hall.locator(".poll .respondents")).to_have_text("3 answers")
    widths = [await bars.nth(i).locator(".fill").evaluate("e => e.offsetWidth") for i in range(3)]
    assert widths[1] > widths[0] > widths[2] == 0  # the bars themselves, as drawn
    await expect(page.locator("#poll .count").nth(1)).to_have_text("2", timeout=2_000)
    await screenshot(hall, "presenter-poll")
    await screenshot(page, "moderate-poll-phone")

    await page.get_by_role("button", name="Close the poll").click()
    await expect(page.locator(".poll-closed")).to_contain_text("Education")
    await expect(hall.locator(".poll .label")).to_contain_text("final results", timeout=2_000)
    await screenshot(hall, "presenter-poll-closed")
