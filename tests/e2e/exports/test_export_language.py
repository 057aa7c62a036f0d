"""/export in the staff member's language: a Vietnamese reader gets Vietnamese sheets."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from standin.telegram import StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.exports.test_export import STAFF, give_answers


async def test_a_vietnamese_staff_member_gets_the_files_in_vietnamese(
    start_bot: RunningBot, standin: StandIn
) -> None:
    staff = standin.user(STAFF, language_code="vi")
    async with start_bot(staff=frozenset({STAFF})) as bot:
        await give_answers(bot)
        mark = staff.seq
        await staff.send("/export")
        workbook = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".xlsx"), since=mark
        )
        answers = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".csv"), since=mark
        )
    assert workbook.caption == "Kết quả đánh giá — câu trả lời: 7, góp ý: 1."
    book = load_workbook(io.BytesIO((workbook.document or ("", b""))[1]))
    assert book.sheetnames[:2] == ["Tổng hợp", "Các phiên"]
    assert "Góp ý" in book.sheetnames and "Dữ liệu trả lời gốc" in book.sheetnames
    header, roundtable = list(book["Các phiên"].iter_rows(values_only=True))[:2]
    row = dict(zip(header, roundtable, strict=True))
    assert row["phiên"] == "AIGOV"
    assert row["tên"] == "Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo"
    assert (row["tất cả: lượt đánh giá"], row["tất cả: điểm trung bình"]) == (3, 4.67)
    text = (answers.document or ("", b""))[1].decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text)))[0] == "đối tượng đánh giá"
