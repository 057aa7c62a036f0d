"""A CSV of sessions (the template's Sessions sheet saved as CSV) to a schedule.json v1
document. A CSV holds one sheet: the conference around the sessions — its name, time zone,
rooms, themes and their translations — is the programme in use's."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from openpyxl.utils import get_column_letter

from bot.programme.build import build
from bot.programme.problems import Deviation, ScheduleError
from bot.programme.readers.json_text import decode
from bot.programme.readers.layout import SESSION_COLUMNS, SESSIONS
from bot.programme.readers.sessions import Conference, Row, Sheet, document, read_sessions
from bot.programme.readers.template import main_language, zone_name

DELIMITERS = ",;\t"  # Excel writes ';' where the decimal separator is a comma (vi, fr)


def read_sessions_csv(path: Path, base: Any) -> tuple[dict[str, Any], list[Deviation]]:
    source = str(path)
    try:
        text = decode(path.read_bytes(), source)
    except OSError as exc:
        raise ScheduleError(f"{source}: cannot read the file ({exc.strerror})") from None
    lines = text.splitlines()
    try:
        dialect: Any = csv.Sniffer().sniff(lines[0] if lines else "", DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    table = list(csv.reader(lines, dialect))
    header = [cell.strip().casefold() for cell in (table[0] if table else [])]
    letters = {name: get_column_letter(i + 1) for i, name in enumerate(header) if name}
    rows = [
        Row(number, dict(zip(header, values, strict=False)), letters)
        for number, values in enumerate(table[1:], start=2)
        if any(v.strip() for v in values)
    ]
    known = {c.name for c in SESSION_COLUMNS}
    deviations = [
        Deviation("unknown column (ignored)", f"{path.name}", name)
        for name in header
        if name and name not in known
    ]
    conference, zone, main = _around(base, source)
    read = read_sessions(
        rows,
        Sheet(source, SESSIONS),
        zone=zone,
        main_language=main,
        speakers={},
        rooms=None,
        tracks=[t["name"] for t in conference.tracks] or None,
        columns=header,
    )
    return document(conference, read, zone), [*deviations, *read.deviations]


def _around(base: Any, source: str) -> tuple[Conference, ZoneInfo, str]:
    """The programme in use's conference, zone and main language."""
    schedule, _ = build(base, "the programme in use")
    body = base["schedule"]["conference"]
    name = zone_name(schedule.zone)
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"{source}: the programme in use has no usable time zone") from None
    meta = body.get("meta", {}).get("vidw", {}) if isinstance(body.get("meta"), Mapping) else {}
    kept = {k: v for k, v in meta.items() if k not in ("events", "featured")}
    main = main_language(schedule)
    conference = Conference(
        title=schedule.title,
        zone_name=name,
        acronym=str(body.get("acronym") or ""),
        version="",  # made from the content: each new CSV is a new version
        url=str(body.get("url") or ""),
        tracks=[
            dict(t) for t in body.get("tracks") or [] if isinstance(t, Mapping) and t.get("name")
        ],
        rooms=[
            dict(r) for r in body.get("rooms") or [] if isinstance(r, Mapping) and r.get("name")
        ],
        meta=kept,
    )
    return conference, zone, main
