"""bench soak at a tiny size (30 s, 100 attendees, 500 recipients, an 8 s lock): every fault
happens, nothing is lost, and the printed figures agree with each other and the outbox."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.soak import PLAN, Config, report, run
from bot.config import Settings
from tests.conftest import SCHEDULE

# The lock outlasts the bot's 5 s busy timeout, so that it is felt.
TINY = Config(seconds=30, users=100, recipients=500, rate=60, lock=8, seed=15, step_timeout=15)


def _figure(printed: str, name: str) -> str:
    found = re.search(rf"^  {name} +(.+)$", printed, re.MULTILINE)
    assert found, f"no {name!r} line in the report:\n{printed}"
    return found.group(1)


async def test_a_tiny_soak_loses_nothing_and_its_figures_add_up(
    tmp_path: Path, compiled_locales: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = Settings(schedule_path=SCHEDULE, locales_dir=compiled_locales)
    figures = await run(TINY, tmp_path, base)
    report(figures)
    printed = capsys.readouterr().out

    faults = {what for _, what in PLAN} - {"announce"}
    assert {w.kind for w in figures.windows} == faults
    assert figures.kills == 1
    assert figures.lost == 0
    assert figures.duplicates <= figures.duplicate_bound
    # Every item queued reached its final state, and the chats agree with the outbox.
    assert figures.outbox[("announcement", "sent")] == figures.delivered == TINY.recipients
    reminders_sent = figures.outbox.get(("reminder", "sent"), 0)
    assert reminders_sent == figures.reminded == figures.followers - figures.expired
    assert not {status for _, status in figures.outbox} & {"pending", "sending", "failed"}
    # Each step's reply is timed once, inside the lock or outside it.
    samples = figures.latencies(in_lock=True) + figures.latencies(in_lock=False)
    assert len(samples) == figures.times.count == len(figures.times.samples)
    assert sum(len(s) for s in figures.outside_by_fault().values()) == len(
        figures.latencies(in_lock=False)
    )

    total = TINY.recipients + figures.followers
    assert _figure(printed, "delivered").startswith(f"{total} of {total} ")
    assert _figure(printed, "lost") == "0"
    assert _figure(printed, "duplicates").startswith(f"{figures.duplicates} ")
    assert _figure(printed, "expired").startswith(f"{figures.expired} ")
    walks = TINY.users - figures.walk_errors.total()
    assert _figure(printed, "walks completed") == f"{walks} of {TINY.users}"
    restarts = _figure(printed, "task restarts")
    assert restarts.startswith(f"{figures.task_restarts.total()} ")
    assert restarts.endswith("bot processes 2")
