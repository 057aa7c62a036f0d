"""`vidw-bot backup FILE`: copy the live database with a progress bar, then say what was copied."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.storage.backup import backup


def run_backup(source: Path, target: Path, *, force: bool) -> int:
    report = backup(source, target, force=force, progress=_bar)
    megabytes = report.size / 1e6
    print(
        f"\n{source} → {report.target}: {megabytes:.1f} MB, {report.pages:,} pages of "
        f"{report.page_size:,} bytes, schema version {report.schema_version}, "
        f"in {report.seconds:.2f} s"
    )
    return 0


def _bar(copied: int, total: int) -> None:
    share = copied / total if total else 1.0
    bar = "#" * int(20 * share)
    sys.stdout.write(f"\r[{bar:<20}] {share:4.0%} {copied:,}/{total:,} pages")
    sys.stdout.flush()
