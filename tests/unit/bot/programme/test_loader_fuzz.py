"""Any schedule file either loads into a usable programme or stops the bot with ScheduleError.

Mutations of the real programme and of a real pretalx export: fields removed, values of the
wrong type, impossible dates and durations, duplicate guids, huge strings, files cut short or
not UTF-8. Never a raw KeyError or TypeError from deep inside the loader.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.programme.loader import ScheduleError, load_schedule, summary
from bot.programme.search import search
from tests.conftest import SCHEDULE, democon_path

Json = Any

ODD_VALUES: tuple[Json, ...] = (
    None,
    True,
    0,
    -1,
    2**63,
    1.5,
    float("nan"),
    float("inf"),
    "",
    " ",
    "x" * 100_000,
    "\u202e\u0000🫠",
    [],
    [None],
    {},
    {"en": None},
)
ODD_DATES = (
    "2025-10-27",
    "2025-10-27T10:00:00",  # no offset
    "2025-13-45T25:61:00+07:00",
    "2025-10-27T10:00:00+25:00",
    "0001-01-01T00:00:00+14:00",  # before the first representable UTC instant
    "9999-12-31T23:59:59-14:00",  # after the last
    "+275760-09-13T00:00:00Z",
    "yesterday",
    "27/10/2025 10:00",
)
ODD_DURATIONS = ("99:99", "1:2:3", "-1:00", "00:00", "abc", ":", "1e9:00", "٠١:٣٠")


@cache
def _document(name: str) -> Json:
    path = SCHEDULE if name == "vidw" else democon_path()
    return json.loads(path.read_text("utf-8"))


def _children(node: Json) -> list[Any]:
    if isinstance(node, dict):
        return sorted(node, key=str)
    if isinstance(node, list):
        return list(range(len(node)))
    return []


EVENT_FIELDS = ("guid", "id", "code", "date", "start", "duration", "end", "title", "persons")
EVENT_FIELDS += ("track", "type", "language", "abstract", "room")
DAY_FIELDS = ("date", "index", "day_start", "day_end", "rooms")
EVENT_TIMES = ("date", "end")
DAY_TIMES = ("date", "day_start", "day_end")


def _events(document: Json) -> list[Json]:
    try:
        days = document["schedule"]["conference"]["days"]
        events = [e for day in days for room in day["rooms"].values() for e in room]
    except (KeyError, TypeError, AttributeError):
        return []
    return [e for e in events if isinstance(e, dict)]


def _days(document: Json) -> list[Json]:
    try:
        days = document["schedule"]["conference"]["days"]
        return [d for d in days if isinstance(d, dict)]
    except (KeyError, TypeError):
        return []


@st.composite
def _field(
    draw: st.DrawFn, document: Json, event_fields: tuple[str, ...], day_fields: tuple[str, ...]
) -> tuple[Json, Any]:
    """One of these fields of an event or a day (if any is left); else anywhere."""
    events, days = _events(document), _days(document)
    if events and (not days or not day_fields or draw(st.booleans())):
        return draw(st.sampled_from(events)), draw(st.sampled_from(event_fields))
    if days and day_fields:
        return draw(st.sampled_from(days)), draw(st.sampled_from(day_fields))
    return draw(_walk(document))


@st.composite
def _walk(draw: st.DrawFn, document: Json) -> tuple[Json, Any]:
    """A random (container, key) in the document: a walk down from the top."""
    parent, key = None, None
    node = document
    for _ in range(draw(st.integers(1, 9))):
        keys = _children(node)
        if not keys:
            break
        parent, key = node, draw(st.sampled_from(keys))
        node = node[key]
    if parent is None:
        parent, key = document, "schedule"
    return parent, key


def _anywhere(document: Json) -> st.SearchStrategy[tuple[Json, Any]]:
    """Anywhere, or in the events and days, where the loader does the most."""
    return st.one_of(_walk(document), _field(document, EVENT_FIELDS, DAY_FIELDS))


class Mutated:
    """A changed document and what was changed (what Hypothesis prints when one fails)."""

    def __init__(self, document: Json, changes: list[str]) -> None:
        self.document = document
        self.changes = changes

    def __repr__(self) -> str:
        return f"Mutated({'; '.join(self.changes)})"


def _set(mutated: Mutated, parent: Json, key: Any, value: Json, why: str) -> None:
    parent[key] = value
    mutated.changes.append(f"{why} {key!r} = {repr(value)[:60]}")


@st.composite
def mutated_documents(draw: st.DrawFn) -> Mutated:
    name = draw(st.sampled_from(["vidw", "democon"]))
    mutated = Mutated(copy.deepcopy(_document(name)), [name])
    document = mutated.document
    for _ in range(draw(st.integers(1, 3))):
        match draw(st.sampled_from(["remove", "value", "date", "duration", "guid", "grow"])):
            case "remove":
                parent, key = draw(_anywhere(document))
                if isinstance(parent, dict):
                    parent.pop(key, None)  # a field an earlier change removed, or never had
                else:
                    parent.pop(key)
                mutated.changes.append(f"removed {key!r}")
            case "value":
                parent, key = draw(_anywhere(document))
                _set(mutated, parent, key, draw(st.sampled_from(ODD_VALUES)), "value")
            case "date":
                parent, key = draw(_field(document, EVENT_TIMES, DAY_TIMES))
                _set(mutated, parent, key, draw(st.sampled_from(ODD_DATES)), "date")
            case "duration":
                parent, key = draw(_field(document, ("duration",), ()))
                _set(mutated, parent, key, draw(st.sampled_from(ODD_DURATIONS)), "duration")
            case "guid":  # two events with one guid
                events = _events(document)
                if len(events) > 1:
                    first, second = draw(
                        st.lists(st.sampled_from(events), min_size=2, max_size=2, unique_by=id)
                    )
                    _set(mutated, second, "guid", first.get("guid"), "duplicate")
            case "grow":
                parent, key = draw(_anywhere(document))
                value = parent.get(key) if isinstance(parent, dict) else parent[key]
                grown = [value] * 3 if draw(st.booleans()) else str(value)[:2000] * 50
                _set(mutated, parent, key, grown, "grown")
    return mutated


@st.composite
def mangled_files(draw: st.DrawFn) -> bytes:
    """A whole file gone wrong: cut short, another encoding, a stray byte, not an object."""
    text = json.dumps(_document("vidw"), ensure_ascii=False)
    raw = text.encode("utf-8")
    cut = draw(st.integers(0, len(raw)))
    return draw(
        st.sampled_from(
            [
                raw[:cut],
                text.encode("utf-16"),
                raw[:cut] + b"\xff\xfe" + raw[cut:],
                b"\xef\xbb\xbf" + raw,  # a byte order mark
                b"[]",
                b"null",
                b'"schedule"',
            ]
        )
    )


@pytest.fixture
def schedule_file(tmp_path: Path) -> Path:
    return tmp_path / "schedule.json"


def _loads_or_says_why(path: Path) -> None:
    try:
        schedule = load_schedule(path)
    except ScheduleError as error:
        assert str(path) in str(error)  # the message names the file
        return
    # What loaded must be usable: the screens rely on these.
    assert summary(schedule)
    for session in schedule.sessions:
        session.start.astimezone(schedule.zone)  # shown in the event's zone
        session.end.astimezone(schedule.zone)
        assert schedule.session(session.key) is not None
    search(schedule, "ai governance", "en")
    for day in schedule.days:
        schedule.on_day(day)
    schedule.featured()


# Loading takes milliseconds: three times the profile's examples cost about a second.
@settings(max_examples=3 * settings.default.max_examples)
@given(mutated=mutated_documents())
def test_a_mutated_programme_loads_or_raises_schedule_error(
    schedule_file: Path, mutated: Mutated
) -> None:
    schedule_file.write_text(json.dumps(mutated.document, ensure_ascii=False), encoding="utf-8")
    _loads_or_says_why(schedule_file)


@given(content=mangled_files())
def test_a_mangled_file_raises_schedule_error(schedule_file: Path, content: bytes) -> None:
    schedule_file.write_bytes(content)
    _loads_or_says_why(schedule_file)
