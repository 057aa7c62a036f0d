"""Real exports deviate from the published schema in ways the bot does not care about: each
deviation seen in the wild, injected into the pretalx demo export, loads (and is listed);
`--strict` still refuses it. What the bot uses is checked strictly, naming event and field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.programme.build import guid_for
from bot.programme.loader import ScheduleError, load_schedule, read_programme
from bot.programme.problems import grouped, report
from tests.conftest import democon_path

Document = dict[str, Any]


def democon() -> Document:
    document: Document = json.loads(democon_path().read_text("utf-8"))
    return document


def events(document: Document) -> list[Document]:
    days = document["schedule"]["conference"]["days"]
    return [e for day in days for room in day["rooms"].values() for e in room]


def write(tmp_path: Path, document: Any, *, prefix: bytes = b"") -> Path:
    path = tmp_path / "schedule.json"
    path.write_bytes(prefix + json.dumps(document, ensure_ascii=False).encode("utf-8"))
    return path


def acronym(value: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["schedule"]["conference"]["acronym"] = value

    return change


def event_slug(document: Document) -> None:
    events(document)[0]["slug"] = "Camp2019-42-Opening"


def timestamp(document: Document) -> None:
    document["timestamp"] = "2020-12-01T10:00:00+01:00"


def answers(document: Document) -> None:
    for event in events(document):
        event["answers"] = [{"question": 3, "answer": "yes"}]


def old_frab_persons(document: Document) -> None:
    for number, event in enumerate(events(document)):
        event["persons"] = [{"id": 100 + number, "full_public_name": f"Speaker {number}"}]


def no_acronym(document: Document) -> None:
    del document["schedule"]["conference"]["acronym"]


def links_without_scheme(document: Document) -> None:
    events(document)[3]["links"] = [{"url": "www.example.org", "title": "Slides"}]


DEVIATIONS = {
    "acronym Camp2019": (acronym("Camp2019"), "conference.acronym: does not match the pattern"),
    "acronym MJA8QY": (acronym("MJA8QY"), "conference.acronym: does not match the pattern"),
    "event slug": (event_slug, "event.slug: does not match the pattern"),
    "top-level timestamp": (timestamp, "(top level): extra field 'timestamp'"),
    "answers in events": (answers, "event: extra field 'answers'"),
    "persons id + full_public_name": (old_frab_persons, "event.persons[]: none of the shapes"),
    "no acronym": (no_acronym, "conference: 'acronym' is a required property"),
    "link without scheme": (links_without_scheme, "event.links[].url: not a valid uri"),
}


@pytest.mark.parametrize("name", DEVIATIONS)
def test_a_cosmetic_deviation_loads_is_listed_and_refused_by_strict(
    tmp_path: Path, name: str
) -> None:
    change, kind = DEVIATIONS[name]
    document = democon()
    change(document)
    path = write(tmp_path, document)
    loaded = read_programme(path)
    assert len(loaded.schedule.sessions) == 36
    kinds = [k for k, _ in grouped(loaded.deviations)]
    assert any(k.startswith(kind) for k in kinds), kinds
    assert load_schedule(path) == loaded.schedule  # the bot's own path: the same programme
    with pytest.raises(ScheduleError) as refused:
        read_programme(path, strict=True)
    assert str(path) in str(refused.value)


def test_the_demo_export_itself_has_no_deviations() -> None:
    loaded = read_programme(democon_path(), strict=True)
    assert loaded.deviations == ()
    assert len(loaded.schedule.sessions) == 36


def test_speakers_of_older_frab_keep_their_names(tmp_path: Path) -> None:
    document = democon()
    old_frab_persons(document)
    schedule = load_schedule(write(tmp_path, document))
    assert {s.persons for s in schedule.sessions} >= {("Speaker 0",)}
    assert len(schedule.speakers()) == 36 and "Speaker 1" in schedule.speakers()


def test_a_byte_order_mark_is_accepted_by_both_readers(tmp_path: Path) -> None:
    path = write(tmp_path, democon(), prefix=b"\xef\xbb\xbf")
    assert len(load_schedule(path).sessions) == 36
    assert read_programme(path, strict=True).deviations == ()


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    text = json.dumps(democon(), indent=2)
    lines = text.splitlines()
    lines[9] = lines[9].rstrip(",")  # a comma lost in an edit, on line 10
    path = tmp_path / "schedule.json"
    path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(ScheduleError, match=r"not valid JSON at line 11, column \d+") as caught:
        load_schedule(path)
    assert str(path) in str(caught.value)


def test_the_report_counts_groups_and_shows_the_first_few(tmp_path: Path) -> None:
    document = democon()
    answers(document)
    timestamp(document)
    text = report(read_programme(write(tmp_path, document)).deviations)
    assert text.startswith("37 warnings (2 kinds)")
    assert "event: extra field 'answers' (36×)" in text
    assert "… and 33 more" in text
    assert "(top level): extra field 'timestamp' (1×)" in text


def test_events_with_only_an_id_get_a_stable_guid(tmp_path: Path) -> None:
    document = democon()
    for event in events(document):
        del event["guid"]
    first = load_schedule(write(tmp_path, document))
    again = load_schedule(write(tmp_path, document))
    ident = events(document)[0]["id"]
    assert first.session(str(ident)) is not None
    assert first.session(str(ident)).guid == guid_for("id", ident)  # type: ignore[union-attr]
    assert [s.guid for s in first.sessions] == [s.guid for s in again.sessions]


def test_a_start_time_on_the_day_stands_in_for_the_date(tmp_path: Path) -> None:
    document = democon()
    document["schedule"]["conference"]["time_zone_name"] = "Europe/Berlin"
    for event in events(document):
        del event["date"]
    schedule = load_schedule(write(tmp_path, document))
    first = schedule.sessions[0]
    assert first.start.isoformat() == "2020-12-14T08:00:00+00:00"  # 09:00 in Berlin
    assert str(schedule.zone) == "Europe/Berlin"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("title", "", "'title': required"),
        ("date", "14 Dec 2020", "'date': '14 Dec 2020' is not an ISO date"),
        ("duration", "half an hour", "'duration': 'half an hour' is not hours:minutes"),
        ("start", "9h", "'start': '9h' is not a time"),
    ],
)
def test_what_the_bot_uses_is_checked_strictly(
    tmp_path: Path, field: str, value: str, problem: str
) -> None:
    document = democon()
    event = events(document)[5]
    event[field] = value
    path = write(tmp_path, document)
    with pytest.raises(ScheduleError) as caught:
        load_schedule(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: event id {event['id']}")
    assert problem in message


def test_an_event_with_neither_guid_nor_id_is_refused(tmp_path: Path) -> None:
    document = democon()
    event = events(document)[2]
    del event["guid"], event["id"]
    with pytest.raises(ScheduleError, match=r"event #\d+ .*field 'guid': required"):
        load_schedule(write(tmp_path, document))


def hub_document() -> Document:
    """A small schedule v2 ("hub") file, as the CCC hub publishes them."""
    room = {"name": "Saal 1", "guid": "ba692ba3-421b-5371-8309-60acc34a3c05"}
    return {
        "$schema": "https://c3voc.de/schedule/schema2.json",
        "schedule": {
            "version": "2024-12-26 20:23",
            "conference": {
                "acronym": "demo24",
                "title": "Demo Congress",
                "start": "2024-12-27T10:00:00+01:00",
                "end": "2024-12-28T18:00:00+01:00",
                "time_zone_name": "Europe/Berlin",
                "rooms": [room],
                "tracks": [{"name": "Science", "slug": "science"}],
                "days": [
                    {
                        "index": 1,
                        "date": "2024-12-27",
                        "start": "2024-12-27T06:00:00+01:00",
                        "end": "2024-12-28T06:00:00+01:00",
                    },
                    {
                        "index": 2,
                        "date": "2024-12-28",
                        "start": "2024-12-28T06:00:00+01:00",
                        "end": "2024-12-29T06:00:00+01:00",
                    },
                ],
            },
            "events": [
                {
                    "guid": "270fa44c-821a-577f-8ca3-33e8d4a8c2a7",
                    "start": "2024-12-27T10:30:00+01:00",
                    "end": "2024-12-27T11:00:00+01:00",
                    "room": {"guid": room["guid"]},
                    "track": {"slug": "science"},
                    "title": "Opening",
                    "abstract": {"en": "Welcome!", "de": "Willkommen!", "fr": "Bienvenue !"},
                    "participants": [{"name": "Ada", "role": "speaker"}],
                    "type": "talk",
                    "language": "en",
                },
                {
                    "guid": "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8",
                    "start": "2024-12-28T00:15:00+01:00",
                    "end": "2024-12-28T00:55:00+01:00",
                    "room": {"name": "Saal 1"},
                    "track": None,
                    "title": "After midnight",
                    "abstract": None,
                    "participants": [],
                },
            ],
        },
    }


def test_a_schedule_v2_hub_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, hub_document())
    loaded = read_programme(path)
    schedule = loaded.schedule
    assert loaded.format == "schedule v2 (hub format)"
    assert [s.title for s in schedule.sessions] == ["Opening", "After midnight"]
    opening, late = schedule.sessions
    assert opening.room == "Saal 1" and opening.track is not None
    assert opening.track.name == "Science"
    assert opening.persons == ("Ada",)
    assert opening.abstract == "Welcome!" and opening.abstract_in("fr") == "Bienvenue !"
    assert late.day_index == 1  # after midnight, still the first day's night
    assert str(schedule.zone) == "Europe/Berlin"
    assert load_schedule(path) == schedule
    with pytest.raises(ScheduleError, match=r"schedule v2 \(hub format\).*--strict"):
        read_programme(path, strict=True)
