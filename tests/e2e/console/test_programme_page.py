"""The programme page over HTTP: an upload shows the changes and the notices and changes
nothing until Confirm; a broken file, a forged or CSRF-less upload change nothing; staff
members are refused."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp

from bot.programme.applied import APPLIED_HASH
from bot.programme.loader import load_schedule
from bot.programme.readers.template import write_template
from standin.telegram import SimUser
from tests.conftest import SCHEDULE
from tests.e2e.changes.test_spreadsheet_import import move_in_sheet
from tests.e2e.console.conftest import ORGANIZER, STAFF, Console, csrf_of
from tests.e2e.console.programme_play import console, moved, programme

TIMEOUT = 10.0
__all__ = ["console", "programme"]  # the fixtures


async def follow(user: SimUser, key: str) -> None:
    card = await user.ask(f"/start s_{key}")
    await user.press(card, data=f"F:{key}")


async def upload(
    client: aiohttp.ClientSession, base: str, csrf: str | None, name: str, content: bytes
) -> aiohttp.ClientResponse:
    form = aiohttp.FormData()
    form.add_field("csrf", csrf or "")
    form.add_field("file", content, filename=name, content_type="application/octet-stream")
    query = f"?csrf={csrf}" if csrf else ""
    return await client.post(f"{base}/programme/upload{query}", data=form)


async def test_upload_preview_then_confirm(
    console: Console, programme: Path, tmp_path: Path
) -> None:
    users = [
        console.standin.user(7100 + i, language_code=lang) for i, lang in enumerate(["vi", "en"])
    ]
    for user in users:
        await follow(user, "AITAL")
    before = programme.read_bytes()
    version = await console.deps.storage.state.get(APPLIED_HASH)
    marks = [u.seq for u in users]
    client = await console.session(ORGANIZER)
    async with client:
        async with client.get(f"{console.base}/programme") as response:
            page = await response.text()
        assert 'data-figure="version">2025-10-01 illustrative-1<' in page
        csrf = csrf_of(page)
        async with await upload(
            client, console.base, csrf, "new.json", moved(tmp_path)
        ) as response:
            assert response.status == 200
            preview = await response.text()
        assert "Moved: 1 · new room: 0 · new title: 0" in preview
        assert "2 notices in all." in preview
        assert "Moved from" in preview and "Đã dời từ" in preview  # each notice as sent
        # Nothing has changed before Confirm.
        assert programme.read_bytes() == before
        assert await console.deps.storage.state.get(APPLIED_HASH) == version
        assert console.deps.programme.schedule.version == "2025-10-01 illustrative-1"
        token = preview.split('name="upload" value="', 1)[1].split('"', 1)[0]
        async with client.post(
            f"{console.base}/programme/confirm", data={"csrf": csrf, "upload": token}
        ) as response:
            assert response.status == 200  # followed to the programme page
            installed = await response.text()
        assert "The new programme is installed" in installed
        assert 'data-figure="version">v2<' in installed
        assert console.deps.programme.schedule.version == "v2"
        assert json.loads(programme.read_text())["schedule"]["version"] == "v2"
        for user, mark in zip(users, marks, strict=True):
            notice = await user.wait_for(since=mark, timeout=TIMEOUT)
            assert (notice.text or "")[:1] == "📣"
        # The same preview cannot be installed twice.
        async with client.post(
            f"{console.base}/programme/confirm", data={"csrf": csrf, "upload": token}
        ) as response:
            assert response.status == 409
            assert "expired or was already used" in await response.text()
        async with client.get(f"{console.base}/audit") as response:
            assert "Installed a new programme" in await response.text()


async def test_a_broken_file_changes_nothing_and_says_where(
    console: Console, programme: Path, tmp_path: Path
) -> None:
    before = programme.read_bytes()
    document = json.loads(before)
    day = document["schedule"]["conference"]["days"][0]
    next(iter(day["rooms"].values()))[0]["start"] = "25:99"
    client = await console.session(ORGANIZER)
    async with client:
        async with client.get(f"{console.base}/programme") as response:
            csrf = csrf_of(await response.text())
        broken = json.dumps(document).encode()
        async with await upload(client, console.base, csrf, "broken.json", broken) as response:
            assert response.status == 400
            page = await response.text()
        assert "This file cannot be used; nothing was changed." in page
        assert "broken.json: event OPEN" in page and "field &#39;start&#39;" in page
        assert "/tmp" not in page
        async with await upload(client, console.base, csrf, "notes.txt", b"hello") as response:
            assert response.status == 400
            assert "schedule.json, a spreadsheet (.xlsx) or a CSV" in await response.text()
        async with await upload(client, console.base, csrf, "x.json", b"{") as response:
            assert response.status == 400
            assert "not valid JSON at line 1" in await response.text()
        async with client.post(
            f"{console.base}/programme/confirm", data={"csrf": csrf, "upload": "forged"}
        ) as response:
            assert response.status == 409
    assert programme.read_bytes() == before
    assert console.deps.programme.schedule.version == "2025-10-01 illustrative-1"


async def test_a_csrf_less_upload_is_refused(
    console: Console, programme: Path, tmp_path: Path
) -> None:
    before = programme.read_bytes()
    client = await console.session(ORGANIZER)
    async with client:
        async with await upload(
            client, console.base, None, "new.json", moved(tmp_path)
        ) as response:
            assert response.status == 403
        # The token in the form alone is not enough: the guard reads it before the body.
        form = aiohttp.FormData()
        async with client.get(f"{console.base}/programme") as response:
            form.add_field("csrf", csrf_of(await response.text()))
        form.add_field("file", moved(tmp_path), filename="new.json")
        async with client.post(
            f"{console.base}/programme/upload?csrf=wrong", data=form
        ) as response:
            assert response.status == 403
    assert programme.read_bytes() == before


async def test_a_staff_member_is_refused_the_programme_pages(
    console: Console, tmp_path: Path
) -> None:
    staff = await console.session(STAFF)
    async with staff:
        async with staff.get(f"{console.base}/") as response:
            csrf = csrf_of(await response.text())
        async with staff.get(f"{console.base}/programme") as response:
            assert response.status == 403
        async with await upload(staff, console.base, csrf, "new.json", moved(tmp_path)) as response:
            assert response.status == 403
        async with staff.post(
            f"{console.base}/programme/confirm", data={"csrf": csrf, "upload": "x"}
        ) as response:
            assert response.status == 403
    assert console.deps.programme.schedule.version == "2025-10-01 illustrative-1"


async def test_a_spreadsheet_upload_is_installed_as_a_schedule_json(
    console: Console, programme: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "programme.xlsx"
    write_template(sheet, json.loads(SCHEDULE.read_text("utf-8")))
    move_in_sheet(sheet, "AITAL", 16, 0)
    client = await console.session(ORGANIZER)
    async with client:
        async with client.get(f"{console.base}/programme") as response:
            csrf = csrf_of(await response.text())
        async with await upload(
            client, console.base, csrf, "programme.xlsx", sheet.read_bytes()
        ) as response:
            assert response.status == 200
            preview = await response.text()
        assert "read as spreadsheet: version from-the-sheet-2" in preview
        assert "Moved: 1 · new room: 0 · new title: 0" in preview
        token = preview.split('name="upload" value="', 1)[1].split('"', 1)[0]
        async with client.post(
            f"{console.base}/programme/confirm", data={"csrf": csrf, "upload": token}
        ) as response:
            assert response.status == 200
    installed = load_schedule(programme)  # the bot serves the schedule.json it was read as
    assert installed.version == console.deps.programme.schedule.version == "from-the-sheet-2"
