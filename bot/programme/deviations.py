"""The published schedule schema (schema/schedule.schema.json, C3VOC): what a file does
differently from it. Tolerant reading lists these as deviations; `--strict` refuses the
first one, as every load did before the bot read what it uses and tolerated the rest."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from bot.programme.problems import Deviation

DETAIL_CHARS = 160


@cache
def _validator() -> jsonschema.Draft6Validator:
    text = (
        resources.files("bot.programme.schema").joinpath("schedule.schema.json").read_text("utf-8")
    )
    return jsonschema.Draft6Validator(
        _inlined(json.loads(text)), format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


def _inlined(schema: Mapping[str, Any]) -> Any:
    """The schema with its (non-recursive) $refs replaced by their definitions: the same
    verdicts, a quarter faster on a 1,000-event file (no reference lookups per value)."""
    definitions = schema.get("definitions", {})

    def inline(node: Any) -> Any:
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                return inline(
                    definitions[ref.removeprefix("#/definitions/")]
                )  # draft 6: siblings of $ref are ignored
            return {k: inline(v) for k, v in node.items() if k != "definitions"}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(schema)


def _errors(document: Any) -> list[jsonschema.ValidationError]:
    return sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))


def first_error(document: Any) -> str | None:
    """The first schema error, described ('event … field …: …'), or None when valid."""
    errors = _errors(document)
    return _describe(document, errors[0]) if errors else None


def schema_deviations(document: Any) -> list[Deviation]:
    return [deviation for error in _errors(document) for deviation in _deviations(document, error)]


def _deviations(document: Any, error: jsonschema.ValidationError) -> Iterator[Deviation]:
    scope, field, where = _place(document, list(error.absolute_path))
    subject = f"{scope}.{field}" if field and scope else scope or field or "(top level)"
    detail = _clip(error.message)
    match error.validator:
        case "additionalProperties":
            allowed = (
                error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
            )
            instance = error.instance if isinstance(error.instance, Mapping) else {}
            for extra in sorted(str(k) for k in instance if k not in allowed):
                yield Deviation(f"{subject}: extra field {extra!r}", where, detail)
            return
        case "required":
            kind = f"{subject}: {error.message}"
        case "pattern":
            kind = f"{subject}: does not match the pattern {error.validator_value}"
        case "format":
            kind = f"{subject}: not a valid {error.validator_value}"
        case "type":
            kind = f"{subject}: not of type {error.validator_value}"
        case "oneOf" | "anyOf":
            kind = f"{subject}: none of the shapes the schema allows"
            detail = _clip(f"{_short(error.instance)} fits none of the shapes the schema allows")
        case _:
            kind = f"{subject}: {error.validator}"
    yield Deviation(kind, where, detail)


def _place(document: Any, path: list[Any]) -> tuple[str, str, str]:
    """(scope, field pattern, where): ('event', 'persons[].name', 'event 7 "…" …, persons.0')."""
    if len(path) >= 7 and path[:3] == ["schedule", "conference", "days"] and path[4] == "rooms":
        event = _at(document, path[:7])
        label = _event_name(event, path[6])
        where = f"event {label} (day {path[3] + 1}, room {path[5]!r})"
        rest = path[7:]
        return "event", _pattern(rest), f"{where}, {_dotted(rest)}" if rest else where
    if len(path) >= 4 and path[:3] == ["schedule", "conference", "days"]:
        rest = path[4:]
        where = f"day {path[3] + 1}"
        return "day", _pattern(rest), f"{where}, {_dotted(rest)}" if rest else where
    trimmed = path[1:] if path[:1] == ["schedule"] else path
    return "", _pattern(trimmed), _dotted(trimmed) or "(top level)"


def _pattern(path: list[Any]) -> str:
    return "".join("[]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _dotted(path: list[Any]) -> str:
    return ".".join(map(str, path))


def _at(document: Any, path: list[Any]) -> Any:
    node = document
    for step in path:
        node = node[step]
    return node


def _describe(document: Any, error: jsonschema.ValidationError) -> str:
    """Say which event (by code/title) and which field a schema error is about."""
    path = list(error.absolute_path)
    where = ""
    if len(path) >= 7 and path[:3] == ["schedule", "conference", "days"] and path[4] == "rooms":
        event = _at(document, path[:7])
        where = f"event {_event_name(event, path[6])} (day {path[3] + 1}, room {path[5]!r}), "
        path = path[7:]
    field = ".".join(map(str, path)) or "(top level)"
    return f"{where}field {field!r}: {_clip(error.message, 400)}"


def _event_name(event: Any, position: int) -> str:
    """'AIGOV "Ministerial Roundtable…"', or 'id 25 "…"' for exports without codes."""
    if not isinstance(event, Mapping):
        return f"#{position + 1}"
    label = event.get("code") or (f"id {event['id']}" if "id" in event else f"#{position + 1}")
    title = event.get("title")
    return f'{label} "{title}"' if isinstance(title, str) else str(label)


def _short(value: Any) -> str:
    return _clip(repr(value), 60)


def _clip(text: str, limit: int = DETAIL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
