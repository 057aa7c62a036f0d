"""The tables of the business-matching area, as the organizers define them in
data/matching.json: `{"tables": [1, 2, …]}` (numbers shown to both sides of a meeting)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.config import PROJECT_ROOT

MATCHING_FILE = PROJECT_ROOT / "data" / "matching.json"


class TablesError(ValueError):
    """The file names no table, or not as numbers; the message names the file."""


def load_tables(path: Path = MATCHING_FILE) -> tuple[int, ...]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise TablesError(f"{path}: {error}") from error
    tables = data.get("tables") if isinstance(data, dict) else None
    if (
        not isinstance(tables, list)
        or not tables
        or not all(isinstance(t, int) and not isinstance(t, bool) and t > 0 for t in tables)
        or len(set(tables)) != len(tables)
    ):
        raise TablesError(f'{path}: "tables" must list distinct positive table numbers')
    return tuple(tables)
