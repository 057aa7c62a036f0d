"""A PNG chart of session ratings for staff: mean rating per rated session, with its count.

Drawn with matplotlib's Agg backend (no display) in DejaVu Sans, which matplotlib ships and
which has every Vietnamese letter, so titles in any of the three languages render right.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from bot.features.exports.overview import Scope
from bot.features.exports.results import ExportData, session_rows
from bot.features.exports.wording import Wording
from bot.i18n import N_

TITLE_CHARS = 48
AXIS = N_("mean rating (number of ratings)")
COUNT_AXIS = N_("answers")


def ratings_png(
    data: ExportData,
    title: str,
    titles: dict[str, str] | None = None,
    wording: Wording | None = None,
) -> bytes:
    """`titles` (session code → title) puts the labels in the reader's language, `wording` the
    axis (and the titles, when `titles` is not given)."""
    words = wording or Wording()
    rows = session_rows(data)  # [code, title, all: ratings, all: mean, ...]
    rows = [row for row in rows if row[3] is not None][::-1]  # best read top to bottom
    height = max(2.5, 0.45 * len(rows) + 1.2)
    figure = Figure(figsize=(10, height), dpi=100)
    axes = figure.subplots()
    names = titles or words.titles or {}
    labels = [f"{row[0]} · {_short(names.get(str(row[0]), str(row[1])))}" for row in rows]
    means = [float(str(row[3])) for row in rows]
    bars = axes.barh(labels, means, color="#1f6feb")
    for bar, row in zip(bars, rows, strict=True):
        axes.text(
            bar.get_width() + 0.05,
            bar.get_y() + bar.get_height() / 2,
            f"{row[3]} ({row[2]})",
            va="center",
            fontsize=8,
        )
    axes.set_xlim(0, 5.6)
    axes.set_xlabel(words._(AXIS))
    axes.set_title(title)
    for label in axes.get_yticklabels():
        label.set_fontfamily("DejaVu Sans")
        label.set_fontsize(8)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def distribution_png(scope: Scope, title: str, wording: Wording | None = None) -> bytes:
    """One session's answers per option (5 … 1 stars, absent), for its card on a page."""
    words = wording or Wording()
    keys = [key for key, _n in scope.counts][::-1]  # 5 stars on top
    counts = [n for _key, n in scope.counts][::-1]
    figure = Figure(figsize=(5, 2.4), dpi=100)
    axes = figure.subplots()
    bars = axes.barh([words.option(key) for key in keys], counts, color="#1f6feb")
    for bar, count in zip(bars, counts, strict=True):
        axes.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {count}", va="center")
    axes.set_xlim(0, max([*counts, 1]) * 1.15)
    axes.set_xlabel(words._(COUNT_AXIS))
    axes.set_title(_short(title), fontsize=9)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _short(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"
