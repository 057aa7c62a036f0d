"""`vidw-bot export --out DIR [--lang vi|en|fr]`: the staff files, written from a terminal, step
by step, in the language asked for (sheet names, headers, the chart, session titles)."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from bot.config import Settings
from bot.errors import StartupError
from bot.features.exhibition.loader import load_catalogue
from bot.features.exports.chart import ratings_png
from bot.features.exports.results import ExportData, collect, csv_bytes, xlsx_bytes
from bot.features.exports.wording import Wording
from bot.features.survey.service import load_survey
from bot.i18n import DEFAULT_LANGUAGE, Catalogs
from bot.programme.loader import load_schedule
from bot.storage import Storage

FORMATS = ("xlsx", "csv", "png")


class ExportError(StartupError):
    """The export cannot be made as asked."""


def parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ExportError(f"--format takes a comma-separated choice of {', '.join(FORMATS)}")
    return formats


async def _collect(settings: Settings) -> ExportData:
    storage = await Storage.open(settings.db_path)
    try:
        schedule = load_schedule(settings.schedule_path)
        exhibitors = (  # the visits and leads per exhibitor, when the file is there
            load_catalogue(settings.exhibitors_path) if settings.exhibitors_path.exists() else None
        )
        return await collect(
            storage,
            schedule,
            load_survey(),
            user_ids=settings.export_user_ids,
            exhibitors=exhibitors,
        )
    finally:
        await storage.close()


def export(
    settings: Settings, out: Path, formats: tuple[str, ...], language: str = DEFAULT_LANGUAGE
) -> list[Path]:
    total = len(formats) + 1
    _step(1, total, "reading the answers")
    data = asyncio.run(_collect(settings))
    schedule, survey = load_schedule(settings.schedule_path), load_survey()
    t = Catalogs.load(settings.locales_dir)[language]
    wording = Wording.of(t, schedule)
    builders = {
        "xlsx": lambda: xlsx_bytes(data, survey, wording),
        "csv": lambda: csv_bytes(data, wording),
        "png": lambda: ratings_png(data, schedule.title_in(language), wording=wording),
    }
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for number, fmt in enumerate(formats, start=2):
        _step(number, total, f"writing {fmt}")
        path = out / f"vidw2025-results.{fmt}"
        path.write_bytes(builders[fmt]())
        written.append(path)
    print(
        f"\n{len(data.raw)} answers, {len(data.comments)} comments →", ", ".join(map(str, written))
    )
    return written


def _step(number: int, total: int, what: str) -> None:
    bar = "#" * (20 * number // total)
    sys.stdout.write(f"\r[{bar:<20}] {number}/{total} {what}…{' ' * 10}")
    sys.stdout.flush()


def run_export(
    settings: Settings, out: Path, formats: str, language: str = DEFAULT_LANGUAGE
) -> int:
    started = time.perf_counter()
    export(settings, out, parse_formats(formats), language)
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0
