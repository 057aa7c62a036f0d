"""Moderating questions in the console: who may, two moderators at once, forged forms, the
presenter screen's link; and in a real browser, the queue and the hall's screen following
the room live."""

from __future__ import annotations

import re

import aiohttp
from playwright.async_api import Browser, expect

from bot.features.questions.rules import Move
from bot.storage.questions import Question
from tests.e2e.console.browser import browser, screenshot
from tests.e2e.console.conftest import ORGANIZER, STAFF, Console, csrf_of
from tests.e2e.questions.test_asking import ask, questions_of

__all__ = ["browser"]  # the fixture
MODERATOR = 7020


async def pending(console: Console) -> list[Question]:
    deps = console.deps
    guid = deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    return await deps.storage.questions.of_session(guid, ("pending", "approved"))


async def act(
    client: aiohttp.ClientSession, console: Console, page: str, **form: str
) -> aiohttp.ClientResponse:
    data = {"csrf": csrf_of(page), **form}
    async with client.post(f"{console.base}/questions/AIGOV/act", data=data) as response:
        await response.read()
        return response


async def test_two_moderators_at_once_one_wins_and_the_other_is_told(console: Console) -> None:
    author = console.standin.user(7100, first_name="A", language_code="en")
    await ask(author, "How will small businesses be supported?")
    (question,) = await pending(console)
    staff = await console.session(STAFF)
    organizer = await console.session(ORGANIZER)
    async with staff, organizer:
        pages = []
        for client in (staff, organizer):
            async with client.get(f"{console.base}/questions/AIGOV") as r:
                assert r.status == 200
                pages.append(await r.text())
        assert "How will small businesses be supported?" in pages[0]
        seen = {"id": str(question.id), "seen": "pending"}
        first = await act(staff, console, pages[0], do="approve", **seen)
        second = await act(organizer, console, pages[1], do="reject", reason="Off topic", **seen)
        assert "done=approve" in str(first.url)
        assert "done=conflict" in str(second.url)
        async with organizer.get(str(second.url)) as r:
            assert "another moderator" in await r.text()
    (now,) = await pending(console)
    assert now.status == "approved"  # the first one won; the author was told nothing odd
    listed = await questions_of(author)
    assert "small businesses" in (listed.text or "")


async def test_reject_with_a_reason_and_edit_are_told_to_the_author(console: Console) -> None:
    author = console.standin.user(7101, first_name="A", language_code="fr")
    await ask(author, "Quelle est la place des langues locales dans l’IA ?")
    await ask(
        console.standin.user(7102, first_name="B", language_code="en"), "Wat is the AI budgett?"
    )
    french, english = sorted(await pending(console), key=lambda q: q.language != "fr")
    organizer = await console.session(ORGANIZER)
    async with organizer:
        async with organizer.get(f"{console.base}/questions/AIGOV") as r:
            page = await r.text()
        seen = {"seen": "pending"}
        await act(
            organizer, console, page, do="reject", id=str(french.id), reason="Hors sujet", **seen
        )
        await act(
            organizer,
            console,
            page,
            do="edit",
            id=str(english.id),
            text="What is the AI budget?",
            **seen,
        )
    told = await author.wait_for(lambda m: "n’a pas été retenue" in (m.text or ""), timeout=10)
    assert "Hors sujet" in (told.text or "")
    editor = console.standin.user(7102)
    edited = await editor.wait_for(lambda m: "What is the AI budget?" in (m.text or ""), timeout=10)
    assert "edited your question" in (edited.text or "")


async def test_forged_and_csrf_less_moderation_changes_nothing(console: Console) -> None:
    await ask(console.standin.user(7103, first_name="A"), "Will there be open data?")
    (question,) = await pending(console)
    staff = await console.session(STAFF)
    async with staff:
        async with staff.get(f"{console.base}/questions/AIGOV") as r:
            page = await r.text()
        async with staff.post(
            f"{console.base}/questions/AIGOV/act",
            data={"do": "approve", "id": str(question.id), "seen": "pending"},
        ) as r:
            assert r.status == 403  # no CSRF token
        for forged in (
            {"do": "approve", "id": str(question.id), "seen": "approved"},  # not what it is
            {"do": "explode", "id": str(question.id), "seen": "pending"},
            {"do": "approve", "id": "999999", "seen": "pending"},
            {"do": "merge", "id": str(question.id), "seen": "pending", "into": str(question.id)},
        ):
            response = await act(staff, console, page, **forged)
            assert "done=conflict" in str(response.url)
    (still,) = await pending(console)
    assert still.status == "pending"


async def test_a_moderator_moderates_their_session_only(console: Console) -> None:
    deps = console.deps
    guid = deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    organizer = await console.session(ORGANIZER)
    async with organizer:
        async with organizer.get(f"{console.base}/questions/AIGOV") as r:
            page = await r.text()
        async with organizer.post(
            f"{console.base}/questions/AIGOV/moderators",
            data={"csrf": csrf_of(page), "user": str(MODERATOR), "do": "grant"},
        ) as r:
            assert "done=granted" in str(r.url)
    assert deps.navigator.roles.moderated_by(MODERATOR) == {guid}
    moderator = await console.session(MODERATOR)
    async with moderator:
        async with moderator.get(f"{console.base}/", allow_redirects=False) as r:
            assert r.status == 403  # not the live figures: those are staff's
        async with moderator.get(f"{console.base}/questions") as r:
            text = await r.text()
            assert "/questions/AIGOV" in text and "/questions/GILL" not in text
        async with moderator.get(f"{console.base}/questions/GILL") as r:
            assert r.status == 403
        async with moderator.get(f"{console.base}/questions/AIGOV") as r:
            assert r.status == 200 and "Moderators of this session" not in await r.text()


async def test_the_presenter_link_opens_the_board_until_it_is_closed(console: Console) -> None:
    staff = await console.session(STAFF)
    async with staff:
        async with staff.get(f"{console.base}/questions/AIGOV") as r:
            page = await r.text()
        async with staff.post(
            f"{console.base}/questions/AIGOV/screens", data={"csrf": csrf_of(page)}
        ) as r:
            page = await r.text()
        link = re.search(r'href="(http://[^"]+/screen/[^"]+)"', page)
        assert link is not None
        async with aiohttp.ClientSession() as hall, hall.get(link.group(1)) as r:
            assert r.status == 200 and "Ministerial Roundtable" in await r.text()
        async with staff.post(
            f"{console.base}/questions/AIGOV/screens/close", data={"csrf": csrf_of(page)}
        ) as r:
            assert r.status == 200
        async with aiohttp.ClientSession() as hall, hall.get(link.group(1)) as r:
            assert r.status == 404


async def test_the_queue_and_the_hall_screen_follow_the_room_live(
    console: Console, browser: Browser
) -> None:
    link = await console.link_by_chat(STAFF)
    page = await browser.new_page()
    await page.goto(link)
    await page.get_by_role("button", name="Sign in to the console").click()
    await page.goto(console.base + "/questions/AIGOV")
    author = console.standin.user(7200, first_name="A", language_code="vi")
    await ask(author, "Việt Nam sẽ đào tạo bao nhiêu kỹ sư AI đến năm 2030?")
    queue = page.locator("section.queue-pending")
    await expect(queue).to_contain_text("bao nhiêu kỹ sư AI", timeout=5_000)  # no reload
    await screenshot(page, "moderate")
    await page.get_by_role("button", name="New presenter link").click()
    screen_url = await page.locator("a.screen-link").inner_text()
    hall = await (await browser.new_context(viewport={"width": 1920, "height": 1080})).new_page()
    await hall.goto(screen_url)
    await expect(hall.locator(".empty")).to_be_visible()
    await page.goto(console.base + "/questions/AIGOV")
    await page.get_by_role("button", name="Approve").click()
    await expect(hall.locator("ol.top")).to_contain_text("bao nhiêu kỹ sư AI", timeout=2_000)
    voter = console.standin.user(7201, first_name="B", language_code="en")
    listed = await questions_of(voter)
    await voter.press(listed, "👍 1")
    await expect(hall.locator("ol.top .votes").first).to_have_text("1", timeout=2_000)
    await page.get_by_role("button", name="Pin: now being answered").click()
    await expect(hall.locator(".pinned .question")).to_contain_text("kỹ sư AI", timeout=2_000)
    await screenshot(hall, "presenter")


async def test_the_results_page_shows_the_questions_with_their_votes(console: Console) -> None:
    deps = console.deps
    author = console.standin.user(7300, first_name="A", language_code="en")
    await ask(author, "Which agency will certify AI systems?")
    (question,) = await pending(console)
    assert await deps.questions.move(ORGANIZER, question.id, Move.APPROVE, "pending")
    for n in range(2):
        assert await deps.questions.toggle_vote(7301 + n, question.id) is True
    staff = await console.session(STAFF)
    async with staff, staff.get(f"{console.base}/results") as r:
        page = await r.text()
    panel = page.split('data-panel="AIGOV"', 1)[1].split("</section>", 1)[0]
    assert "Which agency will certify AI systems?" in panel
    assert "approved, in the list" in panel and '<td class="num">2</td>' in panel
