"""The workbook's Exhibition sheet: per exhibitor, visits (distinct attendees), card openings
and contacts shared, in the reader's language — counts only, no contact in the staff file."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from bot.storage.leads import Lead
from standin.telegram import StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.exports.test_export import STAFF

SHEETS = {
    "en": ("Exhibition", ["booth", "exhibitor", "visitors", "card openings", "leads"]),
    "vi": (
        "Triển lãm",
        ["gian hàng", "đơn vị triển lãm", "khách tham quan", "lượt mở thẻ", "liên hệ chia sẻ"],
    ),
    "fr": ("Exposition", ["stand", "exposant", "visiteurs", "ouvertures de fiche", "contacts"]),
}
NAMES = {"en": "Exhibitor K — ", "vi": "Đơn vị triển lãm K — ", "fr": "Exposant K — "}


@pytest.mark.parametrize("language", ["en", "vi", "fr"])
async def test_the_exhibition_sheet_counts_visits_and_leads_only(
    start_bot: RunningBot, standin: StandIn, language: str
) -> None:
    staff = standin.user(STAFF, language_code=language)
    first, second = standin.user(7911, language_code="en"), standin.user(7912, language_code="vi")
    async with start_bot(staff=frozenset({STAFF})) as bot:
        await first.ask("/start x_B12")
        await first.ask("/start x_B12")  # the same attendee again: one visitor, two openings
        await second.ask("/start x_B12")
        deps = bot.bot_data.deps
        now = deps.navigator.clock.now()
        lead = Lead(7912, "B12", "Trần Văn Nam", "Bộ TT&TT", "CEO", "nam@example.vn", now)
        await deps.storage.leads.share(lead)
        mark = staff.seq
        await staff.send("/export")
        message = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".xlsx"), since=mark
        )
    book = load_workbook(io.BytesIO((message.document or ("", b""))[1]))
    name, header = SHEETS[language]
    rows = list(book[name].iter_rows(values_only=True))
    assert list(rows[0]) == header
    by_booth = {row[0]: row for row in rows[1:]}
    assert len(by_booth) == 20  # every exhibitor, visited or not
    _, exhibitor, visitors, opens, leads = by_booth["B12"]
    assert (visitors, opens, leads) == (2, 3, 1)
    assert exhibitor.startswith(NAMES[language])
    assert by_booth["A1"][2:] == (0, 0, 0)
    cells = " ".join(str(c) for row in rows for c in row)
    assert "Trần" not in cells and "example.vn" not in cells  # no personal data
