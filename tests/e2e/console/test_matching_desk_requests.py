"""The desk lists every request, whatever its state, filtered by a GET form and a page at a
time; a state that does not exist is said so and every request is shown."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

import web.console.matching
from tests.e2e.console.conftest import ORGANIZER, Console
from tests.e2e.console.test_matching_desk import meetings
from tests.e2e.matching.test_matching import SECOND


def states(page: str) -> list[str]:
    return re.findall(r'<tr data-state="(\w+)">', page)


async def test_every_state_filtered_and_paged(
    console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    await meetings(console)  # 7801 ↔ 7802 confirmed; 7803 → 7801 waiting
    matching, store = console.deps.matching, console.deps.storage.matching
    now = console.deps.navigator.clock.now()
    assert len(await store.expire(now + timedelta(hours=25))) == 1  # 7803 → 7801 expired
    acme = (await store.profile(7801)).id  # type: ignore[union-attr]
    viettel = (await store.profile(7802)).id  # type: ignore[union-attr]
    declined = await matching.send(7803, acme, SECOND, "")
    assert await matching.decline(7801, declined.id) is not None  # type: ignore[union-attr]
    withdrawn = await matching.send(7803, viettel, SECOND, "")
    assert await matching.cancel(7803, withdrawn.id) is not None  # type: ignore[union-attr]
    assert not isinstance(await matching.send(7803, acme, SECOND + 20, ""), str)

    organizer = await console.session(ORGANIZER)
    async with organizer:
        async with organizer.get(f"{console.base}/matching") as response:
            page = await response.text()
        assert sorted(states(page)) == ["accepted", "cancelled", "declined", "expired", "pending"]
        assert '<option value="declined">declined</option>' in page
        for state in ("declined", "expired", "cancelled", "pending", "accepted"):
            async with organizer.get(f"{console.base}/matching", params={"state": state}) as r:
                assert r.status == 200
                shown = await r.text()
            assert states(shown) == [state]
            assert f'<option value="{state}" selected>' in shown
        async with organizer.get(f"{console.base}/matching?state=lost") as response:
            assert response.status == 400
            page = await response.text()
        assert "There is no such state; every request is shown." in page
        assert len(states(page)) == 5  # nothing hidden by a bad filter

        monkeypatch.setattr(web.console.matching, "REQUESTS_PAGE", 2)
        seen = []
        for number in ("0", "1", "2"):
            async with organizer.get(f"{console.base}/matching?page={number}") as response:
                page = await response.text()
            seen += states(page)
            assert ("Next page" in page) == (number != "2")
            assert ("Previous page" in page) == (number != "0")
        assert sorted(seen) == ["accepted", "cancelled", "declined", "expired", "pending"]
        async with organizer.get(f"{console.base}/matching?page=99") as response:
            assert states(await response.text()) == seen[4:]  # the last page
        async with organizer.get(f"{console.base}/matching?page=x") as response:
            assert states(await response.text()) == seen[:2]  # the first
        async with organizer.get(
            f"{console.base}/matching", params={"state": "pending", "page": "5"}
        ) as response:
            page = await response.text()
        assert states(page) == ["pending"] and "Next page" not in page
