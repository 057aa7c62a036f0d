"""The ratings chart is a real PNG, and Vietnamese titles render without missing glyphs."""

from __future__ import annotations

import io
import warnings

from matplotlib import image

from bot.features.exports.chart import ratings_png
from bot.features.exports.results import ExportData
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE


def test_a_png_with_vietnamese_labels() -> None:
    schedule = load_schedule(SCHEDULE)
    rated = schedule.sessions[:3]
    raw = [
        (f"session:{s.guid}", s.title, "rating", key, "vi", "u", "t", "telegram")
        for s in rated
        for key in ("5", "4", "absent")
    ]
    data = ExportData(raw, [], {f"session:{s.guid}": (s.key, s.title) for s in schedule.sessions})
    titles = {s.key: s.title_in("vi") for s in schedule.sessions}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would fail here
        png = ratings_png(data, schedule.title_in("vi"), titles)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pixels = image.imread(io.BytesIO(png), format="png")
    assert pixels.shape[0] > 100 and pixels.shape[1] == 1000
