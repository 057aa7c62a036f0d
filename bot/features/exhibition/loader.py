"""Read data/exhibitors.json: validated with a JSON Schema, then checked for what a schema
cannot say (a booth or an id used twice, an unknown theme or area). A problem names the file,
the entry and the field; at start it stops the bot, later the last good list stays
(`ExhibitorsFile`)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from bot.datafile import TEXTS, read_json, texts_of
from bot.errors import StartupError
from bot.features.exhibition.catalogue import Area, Catalogue, Exhibitor, Seeks, Texts, Theme
from bot.i18n import LANGUAGES

log = logging.getLogger(__name__)


class ExhibitorsError(StartupError):
    """The exhibitors file cannot be used; the message names the file, entry and field."""


BOOTH = r"^[A-Z][0-9]{1,3}$"
_TEXTS = TEXTS
_ID = {"type": "string", "pattern": r"^[a-z0-9-]{1,32}$"}
_URL = {"type": "string", "pattern": "^https://[^\\s]+$", "maxLength": 500}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["venue", "note", "themes", "areas", "exhibitors"],
    "additionalProperties": False,
    "properties": {
        "illustrative": {"type": "boolean"},
        "note": _TEXTS,
        "venue": _ID,
        "themes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "additionalProperties": False,
                "properties": {"id": _ID, "name": _TEXTS},
            },
        },
        "areas": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "where"],
                "additionalProperties": False,
                "properties": {"id": _ID, "name": _TEXTS, "where": _TEXTS},
            },
        },
        "exhibitors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["booth", "name", "short", "long", "themes", "area", "seeks"],
                "additionalProperties": False,
                "properties": {
                    "booth": {"type": "string", "pattern": BOOTH},
                    "name": _TEXTS,
                    "short": _TEXTS,
                    "long": _TEXTS,
                    "themes": {"type": "array", "minItems": 1, "items": _ID},
                    "area": _ID,
                    "location": _TEXTS,
                    "website": _URL,
                    "logo": _URL,
                    "seeks": {
                        "type": "array",
                        "items": {"enum": [s.value for s in Seeks]},
                        "uniqueItems": True,
                    },
                },
            },
        },
    },
}


@cache
def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(SCHEMA)


def load_catalogue(path: Path) -> Catalogue:
    """The exhibition in `path`, or ExhibitorsError."""
    document = read_json(path, "exhibitors", ExhibitorsError)
    return parse_catalogue(document, source=str(path))


Locate = Callable[[Any, list[Any]], str]  # a problem's place, as its reader names it


def parse_catalogue(
    document: Any, source: str = "exhibitors.json", locate: Locate | None = None
) -> Catalogue:
    """`locate`: names where a problem is (a spreadsheet's sheet, row and column); by default
    the JSON file's entry and field."""
    where = locate or _where
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    if errors:
        error = errors[0]
        path = list(error.absolute_path)
        raise ExhibitorsError(f"{source}: {where(document, path)}: {error.message}")
    try:
        return _build(document)
    except _Invalid as exc:
        raise ExhibitorsError(f"{source}: {where(document, exc.path)}: {exc.message}") from None


def _where(document: Any, path: list[Any]) -> str:
    """'exhibitor 4 (booth A04), field 'website'' — the entry a person finds in the file."""
    if len(path) >= 2 and path[0] in ("exhibitors", "themes", "areas") and isinstance(path[1], int):
        entry = f"{path[0].removesuffix('s')} {path[1] + 1}"
        try:
            booth = document[path[0]][path[1]].get("booth")
        except (AttributeError, IndexError, KeyError, TypeError):
            booth = None
        if path[0] == "exhibitors" and isinstance(booth, str):
            entry += f" (booth {booth})"
        field = ".".join(map(str, path[2:])) or "(the entry)"
        return f"{entry}, field {field!r}"
    return f"field {'.'.join(map(str, path)) or '(top level)'!r}"


class _Invalid(Exception):
    def __init__(self, path: list[Any], message: str) -> None:
        super().__init__(message)
        self.path, self.message = path, message


def _texts(data: Mapping[str, str]) -> Texts:
    return texts_of(data)


def _unique_ids(items: list[Mapping[str, Any]], kind: str) -> set[str]:
    seen: set[str] = set()
    for position, item in enumerate(items):
        if item["id"] in seen:
            raise _Invalid([kind, position, "id"], f"{item['id']!r} is used twice")
        seen.add(item["id"])
    return seen


def _build(document: Mapping[str, Any]) -> Catalogue:
    themes = _unique_ids(document["themes"], "themes")
    areas = _unique_ids(document["areas"], "areas")
    booths: set[str] = set()
    exhibitors: list[Exhibitor] = []
    for position, item in enumerate(document["exhibitors"]):
        where = ["exhibitors", position]
        if item["booth"] in booths:
            raise _Invalid([*where, "booth"], f"the booth {item['booth']!r} is used twice")
        booths.add(item["booth"])
        for number, theme in enumerate(item["themes"]):
            if theme not in themes:
                raise _Invalid([*where, "themes", number], f"no theme has the id {theme!r}")
        if item["area"] not in areas:
            raise _Invalid([*where, "area"], f"no area has the id {item['area']!r}")
        empty = dict.fromkeys(LANGUAGES, "")
        exhibitors.append(
            Exhibitor(
                booth=item["booth"],
                names=_texts(item["name"]),
                short=_texts(item["short"]),
                long=_texts(item["long"]),
                themes=tuple(item["themes"]),
                area=item["area"],
                location=_texts(item.get("location", empty)),
                website=item.get("website"),
                logo=item.get("logo"),
                seeks=tuple(Seeks(s) for s in item["seeks"]),
            )
        )
    return Catalogue(
        venue=document["venue"],
        themes=tuple(Theme(t["id"], _texts(t["name"])) for t in document["themes"]),
        areas=tuple(
            Area(a["id"], _texts(a["name"]), _texts(a["where"])) for a in document["areas"]
        ),
        exhibitors=tuple(sorted(exhibitors, key=_booth_order)),
        notes=_texts(document["note"]),
        illustrative=bool(document.get("illustrative", False)),
    )


def _area(item: Mapping[str, Any]) -> Area:
    return Area(item["id"], _texts(item["name"]), _texts(item["where"]))


def _booth_order(exhibitor: Exhibitor) -> tuple[str, int]:
    return exhibitor.booth[0], int(exhibitor.booth[1:])


class ExhibitorsFile:
    """The exhibition in use: read at start (a problem stops the start), read again when the
    file changes; a file that became invalid is logged and the last good list stays."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp = self._stat()
        self._catalogue = load_catalogue(path)
        self.problem: str | None = None  # why the file on disk is not the one in use

    def _stat(self) -> tuple[int, int] | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue, read again first if the file changed since (one stat)."""
        stamp = self._stat()
        if stamp != self._stamp:
            self._stamp = stamp
            self.reload()
        return self._catalogue

    def reload(self) -> str | None:
        """Read the file now; the problem if it is refused (the last good list stays)."""
        try:
            self._catalogue = load_catalogue(self.path)
        except ExhibitorsError as exc:
            self.problem = str(exc)
            log.error("%s; the last good exhibitors list stays in use", exc)
            return self.problem
        self.problem = None
        return None
