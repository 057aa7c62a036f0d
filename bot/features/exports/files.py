"""The three staff files, named and built once for every channel that hands them out (the
chat's /export, the console's downloads)."""

from __future__ import annotations

from bot.features.exports.chart import ratings_png
from bot.features.exports.results import ExportData, csv_bytes, xlsx_bytes
from bot.features.exports.wording import Wording
from bot.features.survey.service import SurveyDefinition
from bot.i18n import Translator
from bot.programme.model import Schedule

NAMES = {
    "xlsx": "vidw2025-results.xlsx",
    "csv": "vidw2025-answers.csv",
    "png": "vidw2025-ratings.png",
}
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",  # UTF-8 with a BOM (csv_bytes)
    "png": "image/png",
}


def export_file(
    fmt: str, data: ExportData, survey: SurveyDefinition, schedule: Schedule, t: Translator
) -> bytes:
    """One file in the reader's language (sheet names, headers, titles, the chart)."""
    wording = Wording.of(t, schedule)
    if fmt == "xlsx":
        return xlsx_bytes(data, survey, wording)
    if fmt == "csv":
        return csv_bytes(data, wording)
    if fmt == "png":
        return ratings_png(data, schedule.title_in(t.lang), wording=wording)
    raise ValueError(f"no such export: {fmt}")
