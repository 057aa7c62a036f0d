"""Read data/venues.json: validated with a JSON Schema, then checked for what a schema cannot
say (known venue ids, one venue per room, coaches arriving after they leave). Any problem stops
the bot at start with the file and the field named."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from bot.datafile import TEXTS, read_json, texts_of
from bot.errors import StartupError
from bot.features.venues.guide import Coach, Guide, Hall, Topic, Venue, Wifi
from bot.i18n import LANGUAGES


class VenuesError(StartupError):
    """The venues file cannot be used; the message names the file and the field."""


_CLOCK = {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"}
_ID = {"type": "string", "pattern": r"^[a-z0-9-]{1,32}$"}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["venues", "coaches", "topics", "note"],
    "additionalProperties": False,
    "properties": {
        "illustrative": {"type": "boolean"},
        "note": TEXTS,
        "venues": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "address", "latitude", "longitude", "map_url", "halls"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "name": TEXTS,
                    "address": TEXTS,
                    "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                    "longitude": {"type": "number", "minimum": -180, "maximum": 180},
                    "map_url": {"type": "string", "pattern": "^https://"},
                    # an image in floorplans/ beside the venues file (the console serves it)
                    "floor_plan": {"type": "string", "pattern": r"^[a-z0-9-]{1,64}\.(png|jpg)$"},
                    "hours": TEXTS,
                    "help_desk": TEXTS,
                    "wifi": {
                        "type": "object",
                        "required": ["network", "password"],
                        "additionalProperties": False,
                        "properties": {
                            "network": {"type": "string", "minLength": 1},
                            "password": {"type": "string"},
                        },
                    },
                    "halls": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["room", "where"],
                            "additionalProperties": False,
                            "properties": {
                                "room": {"type": "string", "minLength": 1},
                                "where": TEXTS,
                            },
                        },
                    },
                },
            },
        },
        "coaches": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["date", "departs", "arrives", "from", "to", "pickup"],
                "additionalProperties": False,
                "properties": {
                    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "departs": _CLOCK,
                    "arrives": _CLOCK,
                    "from": _ID,
                    "to": _ID,
                    "pickup": TEXTS,
                },
            },
        },
        "topics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "text"],
                "additionalProperties": False,
                "properties": {"title": TEXTS, "text": TEXTS},
            },
        },
    },
}


@cache
def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(SCHEMA)


def load_guide(path: Path, zone: tzinfo) -> Guide:
    """The guide in `path`, its coach times in `zone` (the programme's), or VenuesError."""
    document = read_json(path, "venues", VenuesError)
    return parse_guide(document, zone, source=str(path), plans=path.parent / PLANS_FOLDER)


PLANS_FOLDER = "floorplans"


def parse_guide(
    document: Any, zone: tzinfo, source: str = "venues.json", plans: Path | None = None
) -> Guide:
    """`plans`: the folder of the floor plans the venues name (None: not checked)."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    if errors:
        error = errors[0]
        raise VenuesError(f"{source}: field {_field(error.absolute_path)!r}: {error.message}")
    try:
        return _build(document, zone, plans)
    except _Invalid as exc:
        raise VenuesError(f"{source}: field {exc.field!r}: {exc.message}") from None


class _Invalid(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def _field(path: Any) -> str:
    return ".".join(map(str, path)) or "(top level)"


def _build(document: Mapping[str, Any], zone: tzinfo, plans: Path | None) -> Guide:
    venues: list[Venue] = []
    rooms: dict[str, str] = {}
    for position, item in enumerate(document["venues"]):
        if any(v.id == item["id"] for v in venues):
            raise _Invalid(f"venues.{position}.id", f"{item['id']!r} is used twice")
        for number, hall in enumerate(item["halls"]):
            if hall["room"] in rooms:
                raise _Invalid(
                    f"venues.{position}.halls.{number}.room",
                    f"{hall['room']!r} is already a hall of {rooms[hall['room']]!r}",
                )
            rooms[hall["room"]] = item["id"]
        wifi = item.get("wifi")
        plan = item.get("floor_plan")
        if plan is not None and plans is not None and not (plans / plan).is_file():
            raise _Invalid(f"venues.{position}.floor_plan", f"no file {plans / plan}")
        empty = dict.fromkeys(LANGUAGES, "")
        venues.append(
            Venue(
                id=item["id"],
                names=texts_of(item["name"]),
                addresses=texts_of(item["address"]),
                latitude=float(item["latitude"]),
                longitude=float(item["longitude"]),
                map_url=item["map_url"],
                hours=texts_of(item.get("hours", empty)),
                help_desk=texts_of(item.get("help_desk", empty)),
                wifi=Wifi(wifi["network"], wifi["password"]) if wifi else None,
                halls=tuple(Hall(h["room"], texts_of(h["where"])) for h in item["halls"]),
                floor_plan=plan,
            )
        )
    ids = {v.id for v in venues}
    coaches = [
        _coach(position, item, ids, zone) for position, item in enumerate(document["coaches"])
    ]
    return Guide(
        venues=tuple(venues),
        coaches=tuple(sorted(coaches, key=lambda c: c.departs)),
        topics=tuple(Topic(texts_of(t["title"]), texts_of(t["text"])) for t in document["topics"]),
        notes=texts_of(document["note"]),
        illustrative=bool(document.get("illustrative", False)),
    )


def _coach(position: int, item: Mapping[str, Any], ids: set[str], zone: tzinfo) -> Coach:
    where = f"coaches.{position}"
    for key in ("from", "to"):
        if item[key] not in ids:
            raise _Invalid(f"{where}.{key}", f"no venue has the id {item[key]!r}")
    try:
        day = datetime.fromisoformat(item["date"]).date()
    except ValueError:
        raise _Invalid(f"{where}.date", f"{item['date']!r} is not a date") from None
    departs = datetime.combine(day, time.fromisoformat(item["departs"]), zone)
    arrives = datetime.combine(day, time.fromisoformat(item["arrives"]), zone)
    if arrives <= departs:
        raise _Invalid(f"{where}.arrives", "the coach arrives before it leaves")
    return Coach(departs, arrives, item["from"], item["to"], texts_of(item["pickup"]))
