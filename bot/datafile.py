"""Reading a data file a person wrote (data/venues.json, data/exhibitors.json): any
problem is raised as the caller's StartupError, naming the file and what is wrong with it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.errors import StartupError
from bot.i18n import LANGUAGES

# A text a person reads, written in every language of the bot: its JSON Schema.
TEXTS: dict[str, Any] = {
    "type": "object",
    "required": list(LANGUAGES),
    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
    "additionalProperties": False,
}


def texts_of(data: Mapping[str, str]) -> dict[str, str]:
    """A TEXTS value as the bot keeps it: the languages of the bot, in their order."""
    return {lang: data[lang] for lang in LANGUAGES}


def read_json(path: Path, kind: str, error: type[StartupError]) -> Any:
    """The JSON document in `path` (`kind`: "venues", said "the venues file"), or `error`."""
    what = f"the {kind} file"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise error(f"{path}: {what} is not UTF-8 text") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise error(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
