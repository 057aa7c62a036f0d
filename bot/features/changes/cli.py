"""`vidw-bot import-schedule FILE`: check a new programme, preview its changes, install it;
`check-schedule FILE` (the check alone) and `schedule-template FILE.xlsx`.

FILE is a schedule.json (any pretalx/frab export), a spreadsheet in the template's layout or a
CSV of its sessions sheet. It is read first (an unusable one changes nothing; deviations from
the published schema are listed). The preview compares it with the programme attendees last
saw (kept in the database) and counts the notices it would send. It is then installed over
VIDW_SCHEDULE as a schedule.json; the running bot applies it within a minute — notices,
reminders, the organizers' summary — or at its next start.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.clock import Clock
from bot.config import Settings
from bot.features.changes.service import plan_notices
from bot.features.changes.source import shown
from bot.i18n import DEFAULT_LANGUAGE, Catalogs
from bot.programme.applied import APPLIED_TEXT
from bot.programme.diff import ScheduleDiff, SessionChange
from bot.programme.loader import (
    V1,
    ScheduleError,
    load_schedule,
    parse_text,
    read_programme,
    read_text,
    summary,
)
from bot.programme.model import Schedule
from bot.programme.problems import report
from bot.programme.readers.hub import FORMAT as FORMAT_V2
from bot.programme.readers.json_text import parse_json
from bot.storage import Storage
from bot.ui.view import View, clip


def run_check(file: Path, strict: bool, settings: Callable[[], Settings]) -> int:
    """`check-schedule`: the summary and the deviations, or ScheduleError (exit code 2)."""
    loaded = read_programme(file, strict=strict, base=lambda: programme_document(settings()))
    schema = "; valid against the published schema" if strict else ""
    print(f"{file}: read as {loaded.format}{schema}.")
    print(summary(loaded.schedule))
    print(report(loaded.deviations))
    return 0


def run_import(settings: Settings, file: Path, assume_yes: bool, *, strict: bool = False) -> int:
    if settings.schedule_url is not None:
        raise ScheduleError(
            f"VIDW_SCHEDULE is a URL ({shown(settings.schedule_url)}): publish the new programme "
            "there; the bot fetches it within VIDW_SCHEDULE_WATCH seconds (or at once on /reload)"
        )
    # ScheduleError: reported by the CLI, nothing installed.
    loaded = read_programme(file, strict=strict, base=lambda: programme_document(settings))
    new = loaded.schedule
    print(f"{file}: valid, version {new.version}, {len(new.sessions)} sessions.")
    if loaded.deviations:
        print(report(loaded.deviations))
    preview = asyncio.run(_preview(settings, new))
    print(preview)
    if not assume_yes and not _confirm():
        print("Nothing installed.")
        return 1
    if loaded.format in (V1, FORMAT_V2):
        _install(file, settings.schedule_path)
    else:  # a spreadsheet or CSV: the bot serves the schedule.json it was read as
        _install_text(as_json(loaded.document), settings.schedule_path)
    print(
        "A running bot applies it within a minute (or at once on /reload) and tells the "
        "organizers what changed; a stopped bot applies it when it starts."
    )
    return 0


async def _preview(settings: Settings, new: Schedule) -> str:
    if not settings.db_path.exists():
        return "No database yet: nobody to notify."
    storage = await Storage.open(settings.db_path)
    try:
        old = await _in_use(storage, settings.schedule_path)
        if old is None:
            return "No programme in use yet: nobody to notify."
        catalogs = Catalogs.load(settings.locales_dir)
        clock = Clock()
        changes, notices = await plan_notices(storage, catalogs, clock, old, new)
        view = View(catalogs[DEFAULT_LANGUAGE], new, clock.now())
        return describe(view, changes, len(notices))
    finally:
        await storage.close()


async def _in_use(storage: Storage, schedule_path: Path) -> Schedule | None:
    """The programme attendees last saw: the one the bot last applied, else the current file."""
    text = await storage.state.get(APPLIED_TEXT)
    try:
        if text is not None:
            return parse_text(text, "the programme last applied")
        return load_schedule(schedule_path)
    except ScheduleError:
        return None


def describe(view: View, changes: ScheduleDiff, notices: int) -> str:
    if changes.empty:
        versions = f"{changes.old_version} → {changes.new_version}"
        return f"Nothing attendees see has changed (version {versions})."
    counts = ", ".join(
        f"{label}: {changes.count(kind)}"
        for label, kind in (
            ("moved", "moved"),
            ("new room", "room_changed"),
            ("new title", "retitled"),
            ("cancelled", "removed"),
            ("added", "added"),
        )
    )
    lines = [f"Changes from version {changes.old_version} to {changes.new_version}: {counts}"]
    lines += [
        f"  {_line(replace(view, schedule=changes.shown_in(change)), change)}"
        for change in changes.changes
    ]
    lines.append(f"Notices to attendees: {notices}")
    return "\n".join(lines)


def _line(view: View, change: SessionChange) -> str:
    if change.old is None or change.new is None:
        session = change.new or change.old
        assert session is not None
        what = "added" if change.new else "cancelled"
        return f"{what:<10} {clip(session.title, 60)} ({view.when(session, with_day=True)})"
    aspects = []
    if change.moved:
        old, new = view.when(change.old, with_day=True), view.when(change.new, with_day=True)
        aspects.append(f"{old} → {new}")
    if change.room_changed:
        aspects.append(f"room {change.old.room} → {change.new.room}")
    if change.retitled:
        aspects.append(f"was «{clip(change.old.title, 40)}»")
    return f"{'changed':<10} {clip(change.new.title, 60)}: {'; '.join(aspects)}"


def _confirm() -> bool:
    if not sys.stdin.isatty():
        print("Not a terminal: add --yes to install without asking.", file=sys.stderr)
        return False
    return input("Install it? [y/N] ").strip().lower() in ("y", "yes")


def run_template(file: Path, source: Path | None) -> int:
    """`schedule-template`: the spreadsheet to fill in, empty or with a programme in it."""
    from bot.programme.readers.template import write_template

    document = parse_json(read_text(source), str(source)) if source is not None else None
    write_template(file, document)
    filled = f" with the programme of {source}" if source is not None else ""
    print(f"Wrote {file}{filled}: fill it in, then `vidw-bot import-schedule {file}`.")
    return 0


def programme_document(settings: Settings) -> Any:
    """The programme in use, as a document: what a CSV of sessions is merged into."""
    return parse_json(read_text(settings.schedule_path), str(settings.schedule_path))


def as_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _install(file: Path, target: Path) -> None:
    """Replace the schedule file in one step: the bot never reads half a file."""
    if file.resolve() == target.resolve():
        print(f"{target} is already the schedule file in use.")
        return
    _replace(file.read_bytes(), target)


def _install_text(text: str, target: Path) -> None:
    _replace(text.encode("utf-8"), target)


def _replace(content: bytes, target: Path) -> None:
    replace_file(content, target)
    print(f"Installed as {target}.")


def replace_file(content: bytes, target: Path) -> None:
    """In one step: the bot never reads half a file."""
    temporary = target.with_name(f".{target.name}.importing")
    temporary.write_bytes(content)
    os.replace(temporary, target)
