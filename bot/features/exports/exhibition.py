"""The workbook's "Exhibition" sheet: per exhibitor, the attendees who opened its card, every
opening and the contacts shared with it — counts only, no contact (the staff workbook goes to
more people than an exhibitor's leads do)."""

from __future__ import annotations

from openpyxl import Workbook

from bot.features.exhibition.figures import BoothFigures
from bot.features.exports.wording import Wording


def exhibition_sheet(book: Workbook, figures: list[BoothFigures], words: Wording) -> None:
    if not figures:  # no exhibitors file where the export was made
        return
    _ = words._
    sheet = book.create_sheet(words.sheet(_("Exhibition")))
    sheet.append([_("booth"), _("exhibitor"), _("visitors"), _("card openings"), _("leads")])
    for f in figures:
        sheet.append([f.booth, f.names[words.language], f.visitors, f.opens, f.leads])
