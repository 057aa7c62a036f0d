"""The workbook's business-matching sheet, read back: requests by state, confirmed meetings by
slot and table with the two organizations (never a name or a user id), the no-shows; in the
staff member's language."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from standin.telegram import StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.exports.test_export import STAFF
from tests.e2e.matching.test_matching import FIRST, SECOND, quick_profile


async def test_the_workbook_has_the_meetings_by_slot_and_table(
    start_bot: RunningBot, standin: StandIn
) -> None:
    staff = standin.user(STAFF, language_code="fr")
    async with start_bot(staff=frozenset({STAFF})) as bot:
        deps = bot.bot_data.deps
        acme = await quick_profile(deps, 7801, "Acme Robotics")
        viettel = await quick_profile(deps, 7802, "Viettel")
        await quick_profile(deps, 7803, "Sony")
        met = await deps.matching.send(7801, viettel, FIRST, "")
        assert getattr(await deps.matching.accept(7802, met.id), "table_no", None) == 1  # type: ignore[union-attr]
        assert await deps.matching.mark_no_show(met.id, True)  # type: ignore[union-attr]
        refused = await deps.matching.send(7803, acme, SECOND, "")
        assert await deps.matching.decline(7801, refused.id) is not None  # type: ignore[union-attr]
        assert not isinstance(await deps.matching.send(7803, viettel, SECOND, ""), str)
        mark = staff.seq
        await staff.send("/export")
        workbook = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".xlsx"), since=mark
        )
    book = load_workbook(io.BytesIO((workbook.document or ("", b""))[1]))
    assert "Rencontres d’affaires" in book.sheetnames
    rows = list(book["Rencontres d’affaires"].iter_rows(values_only=True))
    assert rows[0][:2] == ("demandes", "nombre")
    counts = {row[0]: row[1] for row in rows[1:7]}
    assert counts == {
        "confirmée": 1,
        "en attente de réponse": 1,
        "déclinée": 1,
        "expirée": 0,
        "annulée": 0,
        "absences": 1,
    }
    header = rows[8]  # after a blank row
    meetings = [dict(zip(header, row, strict=True)) for row in rows[9:]]
    assert meetings == [
        {
            "créneau": "2025-10-28 08:30",
            "table": 1,
            "demandé par": "Acme Robotics",
            "demandé à": "Viettel",
            "absence": True,
        }
    ]
    cells = " ".join(str(c) for row in rows for c in row if c is not None)
    assert "7801" not in cells and "7802" not in cells  # organizations only
