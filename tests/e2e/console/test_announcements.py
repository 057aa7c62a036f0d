"""Announcements in the console over HTTP: compose, preview, confirm; the rules (organizers
only, CSRF on every POST, nothing queued before the confirm) and bad input kept on the form."""

from __future__ import annotations

import html

import aiohttp

from tests.e2e.console.conftest import ORGANIZER, STAFF, Console, csrf_of
from tests.e2e.delivery.helpers import until_done

PAGES = ("/announcements", "/announcements/new", "/announcements/1/preview", "/announcements/1")


async def attendees(console: Console) -> None:
    """One attendee per language on Telegram."""
    for i, lang in enumerate(("vi", "en", "fr")):
        await console.standin.user(7100 + i, language_code=lang).ask("/start")


async def form_csrf(client: aiohttp.ClientSession, console: Console) -> str:
    async with client.get(f"{console.base}/announcements/new") as r:
        assert r.status == 200
        return csrf_of(await r.text())


async def test_compose_preview_then_confirm_queues_it_once(console: Console) -> None:
    await attendees(console)
    organizer = await console.session(ORGANIZER)
    async with organizer:
        csrf = await form_csrf(organizer, console)
        data = {
            "csrf": csrf,
            "audience": "lang",
            "lang": "fr",
            "mode": "one",
            "text-all": "Le <b>déjeuner</b> est servi : salle B & C.",
        }
        async with organizer.post(f"{console.base}/announcements/new", data=data) as r:
            assert r.status == 200 and r.url.path == "/announcements/1/preview"
            preview = await r.text()
        assert "Le <b>déjeuner</b> est servi : salle B &amp; C." in preview  # Telegram's
        assert "Le déjeuner est servi : salle B &amp; C." in preview  # Zalo's, plain
        assert "Confirm: send to 1 recipient" in preview
        progress = await console.deps.delivery.progress("broadcast:1")
        assert progress.total == 0  # nothing queued before the confirm
        async with organizer.post(
            f"{console.base}/announcements/1/confirm", data={"csrf": csrf}
        ) as r:
            assert r.status == 200 and r.url.path == "/announcements/1"
        final = await until_done(console.deps.delivery, "broadcast:1")
        async with organizer.post(  # a second click queues nothing more
            f"{console.base}/announcements/1/confirm", data={"csrf": csrf}
        ) as r:
            assert r.url.path == "/announcements/1"
            page = await r.text()
        async with organizer.get(f"{console.base}/audit") as r:
            audit = await r.text()
    assert final.sent == 1 and (await console.deps.delivery.progress("broadcast:1")).total == 1
    received = console.standin.user(7102).messages[-1]
    assert received.text == "Le déjeuner est servi : salle B & C."
    assert "delivered" in page and "<progress" in page
    for action in ("Wrote an announcement (draft)", "Sent an announcement"):
        assert action in audit
    assert "#1 · lang:fr" in audit


async def test_a_post_without_csrf_is_refused_and_nothing_is_queued(console: Console) -> None:
    await attendees(console)
    organizer = await console.session(ORGANIZER)
    async with organizer:
        csrf = await form_csrf(organizer, console)
        text = {"audience": "all", "mode": "one", "text-all": "Buses leave at 17:30."}
        async with organizer.post(f"{console.base}/announcements/new", data=text) as r:
            assert r.status == 403
        assert await console.deps.storage.broadcasts.get(1) is None
        async with organizer.post(
            f"{console.base}/announcements/new", data={**text, "csrf": csrf}
        ) as r:
            assert r.url.path == "/announcements/1/preview"
        for forged in ({}, {"csrf": "forged"}):
            async with organizer.post(f"{console.base}/announcements/1/confirm", data=forged) as r:
                assert r.status == 403
            async with organizer.post(f"{console.base}/announcements/1/stop", data=forged) as r:
                assert r.status == 403
    draft = await console.deps.storage.broadcasts.get(1)
    assert draft is not None and draft.status == "draft"
    assert (await console.deps.delivery.progress("broadcast:1")).total == 0


async def test_a_staff_member_gets_403_on_every_announcement_page_and_form(
    console: Console,
) -> None:
    await attendees(console)
    organizer = await console.session(ORGANIZER)
    staff = await console.session(STAFF)
    async with organizer, staff:
        csrf = await form_csrf(organizer, console)
        text = {"audience": "all", "mode": "one", "text-all": "Buses leave at 17:30."}
        async with organizer.post(
            f"{console.base}/announcements/new", data={**text, "csrf": csrf}
        ) as r:
            assert r.url.path == "/announcements/1/preview"
        async with staff.get(f"{console.base}/") as r:
            staff_csrf = csrf_of(await r.text())  # a valid token: the role alone refuses
            assert "/announcements" not in await r.text()  # not in the staff member's menu
        for path in (*PAGES, "/announcements/1/stream"):
            async with staff.get(console.base + path) as r:
                assert r.status == 403, path
        for path in ("/announcements/new", "/announcements/1/confirm", "/announcements/1/stop"):
            async with staff.post(console.base + path, data={**text, "csrf": staff_csrf}) as r:
                assert r.status == 403, path
                assert "for organizers" in await r.text()
    assert await console.deps.storage.broadcasts.get(2) is None
    draft = await console.deps.storage.broadcasts.get(1)
    assert draft is not None and draft.status == "draft"
    assert (await console.deps.delivery.progress("broadcast:1")).total == 0


async def test_bad_input_gets_a_clear_message_and_the_draft_is_kept(console: Console) -> None:
    organizer = await console.session(ORGANIZER)
    long = "Lịch trình " + "x" * 4100
    cases = [
        ({"mode": "one", "text-all": "   "}, "Write the text of the announcement."),
        ({"mode": "one", "text-all": long}, "This text has 4111 characters; Telegram allows 4096."),
        (
            {
                "mode": "per-language",
                "text-vi": "Xe buýt lúc 17:30",
                "text-fr": "Bus à 17 h 30",
                "default": "en",
            },
            "The default language has no text",
        ),
        ({"mode": "one", "text-all": "<div>Hi</div>"}, "Telegram cannot show &lt;div&gt;."),
        (
            {"mode": "one", "text-all": "Room change", "audience": "session", "session": "NOPE"},
            "There is no session NOPE in the programme",
        ),
        (
            {"mode": "one", "text-all": "Room change", "audience": "theme", "theme": "nope"},
            "There is no such theme in the programme",
        ),
        (
            {"mode": "one", "text-all": "Room change", "audience": "session", "session": ""},
            "Choose the session in the list.",
        ),
    ]
    async with organizer:
        csrf = await form_csrf(organizer, console)
        for fields, message in cases:
            data = {"csrf": csrf, "audience": "all", **fields}
            async with organizer.post(f"{console.base}/announcements/new", data=data) as r:
                page = await r.text()
                assert r.status == 400, fields
            assert message in page, (message, fields)
            assert 'role="alert"' in page and 'aria-invalid="true"' in page
            for name, value in fields.items():  # every field as it was typed
                if name.startswith("text-"):
                    assert f">{html.escape(value, quote=False)}</textarea>" in page, name
                elif name == "session":
                    assert 'value="session" checked' in page
    assert await console.deps.storage.broadcasts.get(1) is None
