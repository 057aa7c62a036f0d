"""bench inline on a small programme: both figures are measured and printed."""

from __future__ import annotations

import pytest

from bench.inline import main


async def test_both_sides_are_measured(capsys: pytest.CaptureFixture[str]) -> None:
    await main(["--sessions", "60", "--queries", "30"])
    printed = capsys.readouterr().out
    assert "bot side     30 queries: p50" in printed
    assert "goal p99 <= 50 ms (bot side)" in printed
    assert "stand-in     30 queries: p50" in printed
