"""The programme page in headless Chromium: upload a file, read the preview, confirm."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Browser, expect

from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, Console
from tests.e2e.console.programme_play import console, moved, programme

__all__ = ["browser", "console", "programme"]  # the fixtures


async def test_upload_preview_confirm(console: Console, browser: Browser, tmp_path: Path) -> None:
    fan = console.standin.user(7200, language_code="fr")
    card = await fan.ask("/start s_AITAL")
    await fan.press(card, data="F:AITAL")
    upload = tmp_path / "upload" / "schedule.json"
    upload.parent.mkdir()
    upload.write_bytes(moved(tmp_path))
    link = await console.link_by_chat(ORGANIZER)
    page = await browser.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    await page.get_by_role("link", name="Programme").click()
    await expect(page.locator('[data-figure="version"]')).to_have_text("2025-10-01 illustrative-1")
    await page.get_by_label("Programme file").set_input_files(upload)
    await page.get_by_role("button", name="Preview the changes").click()
    await expect(page.get_by_role("heading", name="Preview of the new programme")).to_be_visible()
    await expect(page.get_by_text("1 notice in all.")).to_be_visible()
    await expect(page.locator("figure.message").first).to_contain_text("Déplacée de")
    await screenshot(page, "programme-preview")
    assert console.deps.programme.schedule.version != "v2"  # nothing before Confirm
    mark = fan.seq
    await page.get_by_role("button", name="Confirm and install").click()
    await expect(page.get_by_role("status")).to_contain_text("The new programme is installed")
    await expect(page.locator('[data-figure="version"]')).to_have_text("v2")
    await screenshot(page, "programme-installed")
    notice = await fan.wait_for(since=mark, timeout=10)
    assert "Déplacée de" in (notice.text or "")
