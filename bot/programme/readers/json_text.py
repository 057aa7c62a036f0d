"""schedule.json bytes to a JSON document: UTF-8 with or without a byte-order mark; a file
that is not JSON is refused naming the line and column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.programme.problems import ScheduleError

BOM = "\ufeff"


def read_file(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScheduleError(f"{path}: cannot read the schedule file ({exc.strerror})") from None
    return decode(raw, str(path))


def decode(raw: bytes, source: str) -> str:
    """The text; a leading byte-order mark (Windows editors write one) is dropped."""
    try:
        return raw.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError:
        raise ScheduleError(f"{source}: the schedule file is not UTF-8 text") from None


def parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text.removeprefix(BOM))
    except json.JSONDecodeError as exc:
        raise ScheduleError(
            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise ScheduleError(f"{source}: the JSON is nested too deeply") from None
