"""Read data/venues.json: validated with a JSON Schema, then checked for what a schema cannot
say (known venue ids, one venue per room, coaches arriving after they leave). Any problem stops
the bot at start with the file and the field named."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, time, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from bot.errors import StartupError
from bot.features.venues.guide import Coach, Guide, Hall, Texts, Topic, Venue, Wifi
from bot.i18n import LANGUAGES


class VenuesError(StartupError):
    """The venues file cannot be used; the message names the file and the field."""


_TEXTS = {
    "type": "object",
    "required": list(LANGUAGES),
    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
    "additionalProperties": False,
}
_CLOCK = {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"}
_ID = {"type": "string", "pattern": r"^[a-z0-9-]{1,32}$"}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["venues", "coaches", "topics", "note"],
    "additionalProperties": False,
    "properties": {
        "illustrative": {"type": "boolean"},
        "note": _TEXTS,
        "venues": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "address", "latitude", "longitude", "map_url", "halls"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "name": _TEXTS,
                    "address": _TEXTS,
                    "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                    "longitude": {"type": "number", "minimum": -180, "maximum": 180},
                    "map_url": {"type": "string", "pattern": "^https://"},
                    "hours": _TEXTS,
                    "help_desk": _TEXTS,
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
                                "where": _TEXTS,
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
                    "pickup": _TEXTS,
                },
            },
        },
        "topics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "text"],
                "additionalProperties": False,
                "properties": {"title": _TEXTS, "text": _TEXTS},
            },
        },
    },
}


@cache
def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(SCHEMA)


def load_guide(path: Path, zone: tzinfo) -> Guide:
    """The guide in `path`, its coach times in `zone` (the programme's), or VenuesError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VenuesError(f"{path}: cannot read the venues file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise VenuesError(f"{path}: the venues file is not UTF-8 text") from None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise VenuesError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    return parse_guide(document, zone, source=str(path))


def parse_guide(document: Any, zone: tzinfo, source: str = "venues.json") -> Guide:
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    if errors:
        error = errors[0]
        raise VenuesError(f"{source}: field {_field(error.absolute_path)!r}: {error.message}")
    try:
        return _build(document, zone)
    except _Invalid as exc:
        raise VenuesError(f"{source}: field {exc.field!r}: {exc.message}") from None


class _Invalid(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def _field(path: Any) -> str:
    return ".".join(map(str, path)) or "(top level)"


def _texts(data: Mapping[str, str]) -> Texts:
    return {lang: data[lang] for lang in LANGUAGES}


def _build(document: Mapping[str, Any], zone: tzinfo) -> Guide:
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
        empty = dict.fromkeys(LANGUAGES, "")
        venues.append(
            Venue(
                id=item["id"],
                names=_texts(item["name"]),
                addresses=_texts(item["address"]),
                latitude=float(item["latitude"]),
                longitude=float(item["longitude"]),
                map_url=item["map_url"],
                hours=_texts(item.get("hours", empty)),
                help_desk=_texts(item.get("help_desk", empty)),
                wifi=Wifi(wifi["network"], wifi["password"]) if wifi else None,
                halls=tuple(Hall(h["room"], _texts(h["where"])) for h in item["halls"]),
            )
        )
    ids = {v.id for v in venues}
    coaches = [
        _coach(position, item, ids, zone) for position, item in enumerate(document["coaches"])
    ]
    return Guide(
        venues=tuple(venues),
        coaches=tuple(sorted(coaches, key=lambda c: c.departs)),
        topics=tuple(Topic(_texts(t["title"]), _texts(t["text"])) for t in document["topics"]),
        notes=_texts(document["note"]),
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
    return Coach(departs, arrives, item["from"], item["to"], _texts(item["pickup"]))
