"""Prints the search judged set's score after the run, whether it passed or not."""

from __future__ import annotations

import pytest

JUDGED_SCORES: dict[str, tuple[int, int]] = {}  # judged set → (ranked right, queries)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, (right, total) in JUDGED_SCORES.items():
        terminalreporter.write_line(f"search judged set, {name}: {right}/{total} rank right")
