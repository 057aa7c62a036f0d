"""bench qa on a small room: every vote recorded, both watchers see every probe."""

from __future__ import annotations

import re

import pytest

from bench.qa import main


async def test_the_qa_bench_records_every_vote_and_times_both_watchers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    await main(["--attendees", "40", "--votes", "4", "--rate", "200"])
    printed = capsys.readouterr().out
    assert "votes in the database after both halves: 160 of 160" in printed
    for name in ("moderator's queue", "hall's screen"):
        probes = re.search(rf"{name} update delay, 200 votes/s arriving, (\d+) probes", printed)
        assert probes is not None and int(probes.group(1)) >= 3
