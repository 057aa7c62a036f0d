"""A programme kept in a spreadsheet: written from schedule.json, edited, imported while the
bot runs. The guids come from the codes, so the followers of a moved session are told."""

from __future__ import annotations

import asyncio
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.config import Settings
from bot.features.changes.cli import run_import
from bot.programme.loader import load_schedule
from bot.programme.readers.layout import SESSIONS
from bot.programme.readers.template import write_template
from standin.telegram import StandIn
from tests.conftest import SCHEDULE
from tests.e2e.changes.test_schedule_changes import follow, notices, notices_done
from tests.e2e.conftest import RunningBot

ORGANIZER = 892
TIMEOUT = 10.0


def move_in_sheet(path: Path, code: str, hours: int, minutes: int) -> None:
    """Edit the start time of one session, as an organizer would in the spreadsheet."""
    book = load_workbook(path)
    sheet = book[SESSIONS]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("code")].value == code:
            start = row[header.index("start")]
            start.value = start.value.replace(hour=hours, minute=minutes)
    event = book["Event"]
    for row in event.iter_rows(min_row=2):
        if row[0].value == "version":
            row[1].value = "from-the-sheet-2"
    book.save(path)


async def test_a_spreadsheet_reimport_moves_a_session_and_tells_its_followers(
    start_bot: RunningBot,
    standin: StandIn,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    programme = tmp_path / "schedule.json"
    shutil.copyfile(SCHEDULE, programme)
    sheet = tmp_path / "programme.xlsx"
    write_template(sheet, json.loads(SCHEDULE.read_text("utf-8")))
    fan = standin.user(893, language_code="fr")
    organizer = standin.user(ORGANIZER, language_code="en")
    overrides = {
        "schedule_path": programme,
        "organizers": frozenset({ORGANIZER}),
        "schedule_watch": 1.0,
    }
    async with start_bot(**overrides) as bot:
        await follow(fan, "AITAL")
        mark = organizer.seq
        await organizer.ask("/start")
        move_in_sheet(sheet, "AITAL", 16, 0)
        code = await asyncio.to_thread(run_import, replace(settings, **overrides), sheet, True)
        summary = await organizer.wait_for(
            lambda m: "Programme updated" in (m.text or ""), since=mark, timeout=TIMEOUT
        )
        await notices_done(bot)
    out = capsys.readouterr().out
    assert code == 0
    assert "Notices to attendees: 1" in out
    assert "Moved: 1 · new room: 0 · new title: 0" in summary.text
    assert "Cancelled: 0 · added: 0" in summary.text
    [moved] = notices(fan)
    assert "Déplacée de" in moved and "16:00" in moved
    installed = load_schedule(programme)  # a schedule.json the bot serves
    aital = installed.session("AITAL")
    assert aital is not None and installed.version == "from-the-sheet-2"
    assert aital.start.astimezone(installed.zone).strftime("%H:%M") == "16:00"
