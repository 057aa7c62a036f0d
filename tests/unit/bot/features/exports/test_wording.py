"""The staff files speak the staff member's language: sheet names, headers, session titles."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from bot.features.exports.results import ExportData, csv_bytes, xlsx_bytes
from bot.features.exports.wording import SHEET_CHARS, Wording
from bot.features.survey.service import load_survey
from bot.i18n import Catalogs
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE

SHEETS = {
    "en": ["Summary", "Sessions", "Survey overall", "Survey themes", "Survey return"],
    "vi": ["Tổng hợp", "Các phiên", "Khảo sát – đánh giá chung", "Khảo sát – chủ đề"],
    "fr": ["Synthèse", "Sessions", "Enquête – appréciation générale", "Enquête – thèmes"],
}
HEADERS = {
    "en": ["session", "title", "all: ratings", "all: mean", "all: 5", "vi: absent"],
    "vi": ["phiên", "tên", "tất cả: lượt đánh giá", "tất cả: điểm trung bình", "vi: không tham dự"],
    "fr": ["session", "titre", "tous\u00a0: notes", "tous\u00a0: moyenne", "fr\u00a0: absent"],
}
TITLES = {
    "en": "Ministerial Roundtable on AI Governance",
    "vi": "Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo",
    "fr": "Table ronde ministérielle sur la gouvernance de l’intelligence artificielle",
}


def _data() -> ExportData:
    schedule = load_schedule(SCHEDULE)
    roundtable = schedule.session("AIGOV")
    assert roundtable is not None
    subject = f"session:{roundtable.guid}"
    raw = [
        (subject, roundtable.title, "rating", "5", "vi", "u1", "t", "telegram"),
        (subject, roundtable.title, "rating", "absent", "fr", "u2", "t", "zalo"),
        ("survey:vidw2025", "Survey", "themes", "5g", "en", "u3", "t", "telegram"),
    ]
    sessions = {f"session:{s.guid}": (s.key, s.title) for s in schedule.sessions}
    return ExportData(raw, [], sessions)


@pytest.mark.parametrize("lang", ["en", "vi", "fr"])
def test_sheets_headers_and_titles_in_the_readers_language(catalogs: Catalogs, lang: str) -> None:
    wording = Wording.of(catalogs[lang], load_schedule(SCHEDULE))
    book = load_workbook(io.BytesIO(xlsx_bytes(_data(), load_survey(), wording)))
    assert set(SHEETS[lang]) <= set(book.sheetnames)
    assert all(len(name) <= SHEET_CHARS for name in book.sheetnames)
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    assert set(HEADERS[lang]) <= set(rows[0])
    assert rows[1][:2] == ("AIGOV", TITLES[lang])
    themes = book[SHEETS[lang][3]]
    options = {row[0]: row for row in themes.iter_rows(values_only=True)}
    assert options["5g"][1] == "5G"  # the option's text in the reader's language, beside its key
    assert (
        options["digital-human-resources"][1]
        == {
            "en": "Digital human resources",
            "vi": "Nhân lực số",
            "fr": "Talents du numérique",
        }[lang]
    )


def test_the_csv_header_in_the_readers_language(catalogs: Catalogs) -> None:
    wording = Wording.of(catalogs["fr"], load_schedule(SCHEDULE))
    text = csv_bytes(_data(), wording).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[:3] == ["objet", "titre", "question"] and header[-1] == "canal"
    english = next(csv.reader(io.StringIO(csv_bytes(_data()).decode("utf-8-sig"))))
    assert english[0] == "subject"  # without a reader: English, as before


def test_sheet_names_keep_to_what_excel_accepts() -> None:
    assert Wording().sheet("Survey: a/b [c]? " + "x" * 40) == ("Survey a b c " + "x" * 40)[:31]
