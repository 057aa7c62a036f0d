"""Read a programme: any pretalx/frab schedule.json (v1, or v2 "hub"), tolerantly.

The bot refuses a file only for what it cannot do without (bot/programme/build.py); what else
the published schema says becomes deviations, listed by `vidw-bot check-schedule` and refused
by `check-schedule --strict`. Spreadsheets and CSV files are read by bot/programme/readers/
into the same v1 document, so one set of rules serves every format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.i18n import LANGUAGES
from bot.programme import deviations
from bot.programme.build import build
from bot.programme.model import Schedule
from bot.programme.problems import Deviation, ScheduleError
from bot.programme.readers import hub
from bot.programme.readers.json_text import decode, parse_json, read_file

__all__ = [
    "Loaded",
    "ScheduleError",
    "load_schedule",
    "parse_schedule",
    "parse_text",
    "read_programme",
    "read_text",
    "summary",
]

V1 = "schedule.json v1"


@dataclass(frozen=True)
class Loaded:
    """A programme read, the v1 document it was read as, and what deviates from the schema."""

    schedule: Schedule
    document: Any
    deviations: tuple[Deviation, ...] = ()
    format: str = V1


def load_schedule(path: Path) -> Schedule:
    """The programme in the schedule.json at `path`, or ScheduleError saying what and where."""
    return parse_text(read_text(path), source=str(path))


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a byte-order mark dropped), or ScheduleError."""
    return read_file(path)


def parse_text(raw: str, source: str) -> Schedule:
    """A schedule from its JSON text, or ScheduleError."""
    return parse_schedule(parse_json(raw, source), source=source)


def parse_schedule(document: Any, source: str = "schedule.json") -> Schedule:
    return parse_document(document, source).schedule


def parse_document(
    document: Any, source: str, *, strict: bool = False, with_deviations: bool = False
) -> Loaded:
    """The programme in a JSON document. `strict`: any deviation from the published schema
    refuses it; `with_deviations`: list them (the bot itself does not need the list)."""
    if hub.is_hub(document):
        if strict:
            raise ScheduleError(f"{source}: {hub.FORMAT}: --strict checks schedule v1 files only")
        v1 = hub.to_v1(document, source)
        schedule, noticed = build(v1, source)
        note = Deviation(hub.FORMAT, "", "read as v2; the v1 schema's checks do not apply")
        return Loaded(schedule, v1, (note, *noticed), hub.FORMAT)
    if strict:
        error = deviations.first_error(document)
        if error is not None:
            raise ScheduleError(f"{source}: {error}")
    schedule, noticed = build(document, source)
    found = deviations.schema_deviations(document) if with_deviations else []
    return Loaded(schedule, document, (*found, *noticed))


def read_programme(
    path: Path, *, strict: bool = False, base: Callable[[], Any] | None = None
) -> Loaded:
    """Any programme file, by its suffix: .xlsx (the schedule-template layout), .csv (its
    sessions sheet; the rest comes from `base`, the programme in use), else JSON."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from bot.programme.readers.xlsx import read_workbook

        document, noticed = read_workbook(path)
        # The document is the reader's own: only what the reader noticed is worth listing.
        loaded = parse_document(document, str(path), strict=strict)
        return Loaded(loaded.schedule, document, (*noticed, *loaded.deviations), "spreadsheet")
    if suffix == ".csv":
        from bot.programme.readers.csv_sessions import read_sessions_csv

        if base is None:
            raise ScheduleError(f"{path}: a CSV of sessions needs the programme in use")
        document, noticed = read_sessions_csv(path, base())
        loaded = parse_document(document, str(path), strict=strict)
        return Loaded(loaded.schedule, document, (*noticed, *loaded.deviations), "CSV")
    document = parse_json(read_file(path), str(path))
    return parse_document(document, str(path), strict=strict, with_deviations=True)


def parse_bytes(raw: bytes, source: str) -> Schedule:
    """A schedule from the bytes of a schedule.json (a download), or ScheduleError."""
    return parse_text(decode(raw, source), source)


def summary(schedule: Schedule) -> str:
    """One paragraph for `vidw-bot check-schedule`: days, tracks, sessions."""
    lines = [f"{schedule.title} — version {schedule.version}, zone {schedule.zone}"]
    for day in schedule.days:
        lines.append(
            f"  day {day.index} ({day.date.isoformat()}): {len(schedule.on_day(day))} sessions"
        )
    for track in schedule.tracks:
        lines.append(
            f"  track {track.name!r} [{track.slug}]: {len(schedule.in_track(track))} sessions"
        )
    featured = ", ".join(s.key for s in schedule.featured()) or "none"
    lines.append(f"  {len(schedule.sessions)} sessions in all; featured: {featured}")
    missing = [s.key for s in schedule.sessions if set(LANGUAGES) - set(s.titles)]
    if missing:
        lines.append(f"  {len(missing)} sessions lack a vi/en/fr title (their own title is shown)")
    return "\n".join(lines)
