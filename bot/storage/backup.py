"""A consistent copy of the live database, taken while the bot runs and writes.

SQLite's online backup API copies pages in steps. Between steps it restarts from the first
page whenever another connection has written, so a busy bot could keep a plain backup from
ever finishing. We therefore hold one read transaction across all the steps: in WAL mode
that pins a snapshot (the copy is the database as of its start) without blocking the
bot's writers, which go on appending to the WAL meanwhile.

The copy is written to a hidden file beside the target and renamed at the end, so the
target name never holds a half-written backup.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from bot.errors import StartupError

PAGES_PER_STEP = 1024  # 4 MiB with SQLite's default 4 KiB pages: progress every few ms
SIDE_FILES = ("-journal", "-wal", "-shm")

Progress = Callable[[int, int], None]  # (pages copied, pages in all)


class BackupError(StartupError):
    """The backup cannot be made as asked; nothing was written under the target name."""


@dataclass(frozen=True)
class BackupReport:
    target: Path
    pages: int
    page_size: int
    size: int  # bytes of the finished file
    schema_version: int
    seconds: float


def backup(
    source: Path,
    target: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    pages_per_step: int = PAGES_PER_STEP,
) -> BackupReport:
    """Copy the database `source` to `target`; refuse to replace `target` unless `force`."""
    started = time.perf_counter()
    _check_paths(source, target, force)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        pages, page_size, version = _copy(source, partial, progress, pages_per_step)
        _sync_file(partial)
        if not force and target.exists():  # it appeared while we copied
            raise BackupError(f"{target} exists; pass --force to replace it")
        os.replace(partial, target)
        _sync_folder(target.parent)
    finally:
        for path in (partial, *(Path(f"{partial}{suffix}") for suffix in SIDE_FILES)):
            path.unlink(missing_ok=True)
    return BackupReport(
        target=target,
        pages=pages,
        page_size=page_size,
        size=target.stat().st_size,
        schema_version=version,
        seconds=time.perf_counter() - started,
    )


def _check_paths(source: Path, target: Path, force: bool) -> None:
    if not source.is_file():
        raise BackupError(f"no database at {source} (VIDW_DB)")
    if not target.parent.is_dir():
        raise BackupError(f"no folder {target.parent} to write {target.name} in")
    live = source.resolve()
    if target.resolve() in {live, *(Path(f"{live}{suffix}") for suffix in SIDE_FILES)}:
        raise BackupError(f"{target} is the live database; choose another file")
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give a file name")
    if target.exists() and not force:
        raise BackupError(f"{target} exists; pass --force to replace it")


def _copy(
    source: Path, partial: Path, progress: Progress | None, pages_per_step: int
) -> tuple[int, int, int]:
    """Copy page by page from one snapshot; returns (pages, page size, schema version)."""
    pages = 0

    def step(_status: int, remaining: int, total: int) -> None:
        nonlocal pages
        pages = total
        if progress is not None:
            progress(total - remaining, total)

    # mode=rw: never create an empty database where the live one should be.
    uri = f"{source.resolve().as_uri()}?mode=rw"
    try:
        with (
            closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as live,
            closing(sqlite3.connect(partial, isolation_level=None)) as copy,
        ):
            live.execute("BEGIN")
            version = int(live.execute("PRAGMA user_version").fetchone()[0])  # starts the read
            live.backup(copy, pages=pages_per_step, progress=step)
            live.execute("COMMIT")
            page_size = int(copy.execute("PRAGMA page_size").fetchone()[0])
            # The copied header says WAL; a backup is one self-contained file instead.
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as error:
        raise BackupError(f"cannot back up {source}: {error}") from error
    return pages, page_size, version


def _sync_file(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot sync a folder, which is fine."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
