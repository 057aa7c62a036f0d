"""bench console on a small crowd: every page answers, every browser gets the change."""

from __future__ import annotations

import re

import pytest

from bench.console import main
from web.console.nav import MENU


async def test_the_console_bench_measures_every_page_and_every_browser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    await main(["--users", "300", "--answers", "1500", "--watchers", "5", "--requests", "3"])
    printed = capsys.readouterr().out
    timed = [line for line in printed.splitlines() if " idle " in line or " watching " in line]
    for entry in MENU:  # idle, and with the browsers watching
        assert sum(f"GET {entry.path} " in line for line in timed) == 2, entry.path
    delay = re.search(r"update delay to all 5 browsers: p50 ([\d.]+) s, max ([\d.]+) s", printed)
    assert delay is not None and float(delay.group(2)) < 5
    assert "interactive /start, watched" in printed
