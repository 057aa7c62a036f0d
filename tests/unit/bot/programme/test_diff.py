"""The diff between two programmes: matched by guid, only what attendees see."""

from __future__ import annotations

from pathlib import Path

from bot.programme.diff import diff
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE
from tests.schedule_edit import ScheduleEdit


def test_the_same_programme_has_no_changes() -> None:
    assert diff(load_schedule(SCHEDULE), load_schedule(SCHEDULE)).empty


def test_each_kind_of_change_is_found_once(tmp_path: Path) -> None:
    edit = ScheduleEdit().move("AITAL", 30).to_room("NB5G", "Ninh Binh — Hall A")
    edit.retitle("HERIT", fr="Patrimoine numérique").remove("DSKL")
    edit.add_like("UNIV", "NEW1", "New session", minutes=120)
    # An edited abstract is not a change attendees are told about.
    edit.conference["days"][1]["rooms"]["Ninh Binh — Main Hall"][0]["abstract"] = "Edited."
    changes = diff(load_schedule(SCHEDULE), load_schedule(edit.write(tmp_path / "new.json")))
    by_key = {(c.new or c.old).key: c for c in changes.changes}  # type: ignore[union-attr]
    assert set(by_key) == {"AITAL", "NB5G", "HERIT", "DSKL", "NEW1"}
    assert by_key["AITAL"].moved and not by_key["AITAL"].room_changed
    assert by_key["AITAL"].later_by_seconds == 30 * 60
    assert by_key["NB5G"].room_changed and not by_key["NB5G"].moved
    assert by_key["HERIT"].retitled
    assert by_key["DSKL"].removed and by_key["NEW1"].added
    kinds = ("moved", "room_changed", "retitled", "removed", "added")
    assert [changes.count(kind) for kind in kinds] == [1, 1, 1, 1, 1]
