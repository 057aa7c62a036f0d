"""Printable booth codes: a QR code per exhibitor (its t.me link, x_<booth>) as a PNG, and one
PDF sheet of them all, six to an A4 page, each with the booth, the exhibitor's name and the
short code Zalo users send. segno draws the QR codes (pure Python); matplotlib lays out the PDF
in DejaVu Sans, which has every Vietnamese letter. No network."""

from __future__ import annotations

import io
import re

import segno
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from bot.features.exhibition.catalogue import Catalogue, Exhibitor
from bot.i18n import N_, Translator

BOOTH_LINK = "x_"  # t.me/<bot>?start=x_B12 (routes.py answers it)
PER_PAGE = 6  # 2 × 3 on A4
_COLUMNS, _ROWS = 2, 3
A4 = (8.27, 11.69)  # inches
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")  # what Telegram allows
SCAN = N_("Scan to open this exhibitor in the event's Telegram bot")
ZALO = N_("On Zalo: send %(booth)s to the bot")
BOOTH = N_("Booth %(booth)s")


def booth_link(bot_username: str, booth: str) -> str:
    return f"https://t.me/{bot_username}?start={BOOTH_LINK}{booth}"


def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code of `text` (error correction M: a printed code survives a scratch), with the
    quiet zone scanners need."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def sheet_pdf(catalogue: Catalogue, bot_username: str, t: Translator) -> bytes:
    """Every exhibitor's code, PER_PAGE to a page, in the language of `t`."""
    buffer = io.BytesIO()
    exhibitors = catalogue.exhibitors
    with PdfPages(buffer) as pdf:
        for start in range(0, max(len(exhibitors), 1), PER_PAGE):
            figure = Figure(figsize=A4)
            for place, exhibitor in enumerate(exhibitors[start : start + PER_PAGE]):
                _cell(figure, place, exhibitor, bot_username, t)
            pdf.savefig(figure)
    return buffer.getvalue()


def _cell(figure: Figure, place: int, exhibitor: Exhibitor, bot: str, t: Translator) -> None:
    column, row = place % _COLUMNS, place // _COLUMNS
    width, height = 1 / _COLUMNS, 1 / _ROWS
    left, bottom = column * width, 1 - (row + 1) * height
    code = segno.make(booth_link(bot, exhibitor.booth), error="m", micro=False)
    matrix = [list(line) for line in code.matrix_iter(scale=1, border=4)]
    axes = figure.add_axes((left + width * 0.2, bottom + height * 0.3, width * 0.6, height * 0.6))
    axes.imshow(matrix, cmap="gray_r", interpolation="nearest")
    axes.set_axis_off()
    name = exhibitor.names[t.lang]
    lines = [
        (t.gettext(BOOTH) % {"booth": exhibitor.booth}, 16, "bold"),
        (name if len(name) <= 48 else name[:47] + "…", 8, "normal"),
        (t.gettext(SCAN), 6.5, "normal"),
        (t.gettext(ZALO) % {"booth": exhibitor.booth}, 6.5, "normal"),
    ]
    y = bottom + height * 0.27
    for text, size, weight in lines:
        figure.text(left + width / 2, y, text, ha="center", va="top", fontsize=size, weight=weight)
        y -= height * (0.075 if size > 10 else 0.05)
