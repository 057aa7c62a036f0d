"""The results page over HTTP: its figures are the workbook's, the downloads are the export
files, filters and bad filters, staff may read it and attendees may not."""

from __future__ import annotations

import csv
import io
import re

from openpyxl import load_workbook

from tests.e2e.console.conftest import STAFF, Console
from tests.e2e.console.results_play import COMMENT, answered

__all__ = ["answered"]  # the fixture


def cell(page: str, session: str, scope: str, key: str) -> str:
    card = page.split(f'data-session="{session}"', 1)[1].split("</section>", 1)[0]
    row = card.split(f'data-scope="{scope}"', 1)[1].split("</tr>", 1)[0]
    found = re.search(rf'data-cell="{re.escape(key)}">([^<]*)<', row)
    assert found, (scope, key)
    return found.group(1)


def figure(page: str, name: str) -> str:
    found = re.search(rf'data-figure="{name}">([^<]*)<', page)
    assert found, name
    return found.group(1)


async def test_the_page_shows_the_workbooks_figures(answered: Console) -> None:
    client = await answered.session(STAFF)
    async with client:
        async with client.get(f"{answered.base}/results") as response:
            assert response.status == 200
            page = await response.text()
        async with client.get(f"{answered.base}/results/download/xlsx") as response:
            assert response.status == 200
            assert response.headers["Content-Disposition"] == (
                'attachment; filename="vidw2025-results.xlsx"'
            )
            book = load_workbook(io.BytesIO(await response.read()))
    rows = list(book["Sessions"].iter_rows(values_only=True))
    header, workbook_rows = rows[0], rows[1:]
    assert [r[0] for r in workbook_rows] == re.findall(r'data-session="([^"]+)"', page)
    for row in workbook_rows:
        values = dict(zip(header, row, strict=True))
        for scope in ("all", "vi", "en", "fr"):
            assert int(cell(page, str(row[0]), scope, "ratings")) == values[f"{scope}: ratings"]
            mean = values[f"{scope}: mean"]
            shown = cell(page, str(row[0]), scope, "mean")
            assert (shown == "—") if mean is None else float(shown) == mean
            for key in ("5", "4", "3", "2", "1", "absent"):
                assert int(cell(page, str(row[0]), scope, key)) == values[f"{scope}: {key}"]
    # AIGOV: 5, 4, 5 and "absent" from 5 polls sent.
    assert (figure(page, "mean"), figure(page, "ratings")) == ("4.67", "3")
    assert (figure(page, "sent"), figure(page, "answered"), figure(page, "rate")) == (
        "5",
        "4",
        "80%",
    )
    assert COMMENT in page
    comments = list(book["Comments"].iter_rows(values_only=True))
    assert comments[1][3] in page  # the author's pseudonym, as in the workbook
    assert "8301" not in page  # never a user id


async def test_the_downloads_are_the_export_files(answered: Console) -> None:
    client = await answered.session(STAFF)
    async with client:
        async with client.get(f"{answered.base}/results/download/csv") as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
            assert 'filename="vidw2025-answers.csv"' in response.headers["Content-Disposition"]
            body = await response.read()
        async with client.get(f"{answered.base}/results/download/png") as response:
            assert response.headers["Content-Type"] == "image/png"
            assert (await response.read()).startswith(b"\x89PNG")
        async with client.get(f"{answered.base}/results/chart/AIGOV.png") as response:
            assert response.status == 200
            assert (await response.read()).startswith(b"\x89PNG")
        async with client.get(f"{answered.base}/results/download/exe") as response:
            assert response.status == 404
        async with client.get(f"{answered.base}/results/chart/NOPE.png") as response:
            assert response.status == 404
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Vietnamese
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 1 + 4 and rows[0][0] == "subject"


async def test_filters_and_bad_filters(answered: Console) -> None:
    client = await answered.session(STAFF)
    async with client:
        async with client.get(f"{answered.base}/results?day=2025-10-28") as response:
            other_day = await response.text()
        async with client.get(f"{answered.base}/results?day=2025-10-27") as response:
            same_day = await response.text()
        async with client.get(f"{answered.base}/results?day=1999-01-01&theme=nope") as response:
            assert response.status == 200
            bad = await response.text()
    assert 'data-session="AIGOV"' not in other_day
    assert 'data-session="AIGOV"' in same_day
    assert "no such day" in bad and "no such theme" in bad
    assert 'data-session="AIGOV"' in bad  # the bad filter is dropped, nothing hidden


async def test_anyone_not_logged_in_is_refused(answered: Console) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as anonymous:
        for path in ("/results", "/results/download/xlsx", "/results/chart/AIGOV.png"):
            async with anonymous.get(answered.base + path, allow_redirects=False) as response:
                assert response.status in (401, 303), path


async def test_long_lists_come_a_page_at_a_time(answered: Console) -> None:
    deps = answered.deps
    store = deps.storage.feedback
    now = deps.navigator.clock.now()
    rated = deps.programme.schedule.sessions[:14]
    for n, session in enumerate(rated):
        await store.answer(f"session:{session.guid}", "rating", 9000 + n, ["4"], "en", now)
    aigov = deps.programme.schedule.session("AIGOV")
    assert aigov is not None
    for n in range(55):
        await store.add_comment(f"session:{aigov.guid}", 9100 + n, "en", f"comment {n}", now)
    client = await answered.session(STAFF)
    async with client:
        async with client.get(f"{answered.base}/results") as response:
            first = await response.text()
        async with client.get(f"{answered.base}/results?page=1") as response:
            second = await response.text()
        async with client.get(f"{answered.base}/results/comments/AIGOV") as response:
            comments = await response.text()
        async with client.get(f"{answered.base}/results/comments/AIGOV?page=1") as response:
            more = await response.text()
    shown = re.findall(r'data-session="([^"]+)"', first) + re.findall(
        r'data-session="([^"]+)"', second
    )
    assert len(re.findall(r'data-session="', first)) == 10
    assert len(set(shown)) == len(shown) == len({s.key for s in rated} | {"AIGOV"})
    assert 'href="/results?page=1"' in first and 'href="/results"' in second
    assert "All comments on AIGOV" in first
    assert "56 comments" in comments and comments.count("<q>") == 50
    assert more.count("<q>") == 6 and "comment 54" in more
