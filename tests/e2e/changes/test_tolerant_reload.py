"""/reload of a programme that deviates from the published schema only cosmetically applies
it: the organizers' tools write such files, and the bot never needed those fields."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from standin.telegram import StandIn
from tests.conftest import SCHEDULE
from tests.e2e.conftest import RunningBot
from tests.schedule_edit import ScheduleEdit

ORGANIZER = 891


async def test_a_reload_of_a_file_with_cosmetic_deviations_applies_it(
    start_bot: RunningBot, standin: StandIn, tmp_path: Path
) -> None:
    programme = tmp_path / "schedule.json"
    shutil.copyfile(SCHEDULE, programme)
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        await organizer.ask("/start")
        edit = ScheduleEdit().version("v2-from-the-tool").move("AITAL", 30)
        edit.document["timestamp"] = "2025-10-20T09:00:00+07:00"  # added by the publishing tool
        edit.conference["acronym"] = "VIDW2025"  # upper case: the schema wants lower case
        for day in edit.conference["days"]:
            for events in day["rooms"].values():
                for event in events:
                    event["answers"] = []
                    event["links"] = [{"url": "www.vidw.vn", "title": "Website"}]
        text = json.dumps(edit.document, ensure_ascii=False)
        programme.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # Notepad's BOM
        summary = await organizer.ask("/reload")
        version = bot.bot_data.deps.navigator.schedule.version
    assert "Programme updated" in summary.text
    assert "Moved: 1" in summary.text
    assert version == "v2-from-the-tool"
