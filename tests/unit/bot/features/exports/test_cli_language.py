"""`vidw-bot export --lang`: the terminal writes the staff files in the language asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli.main import main


@pytest.mark.parametrize(
    ("lang", "sheets"),
    [("vi", ["Tổng hợp", "Các phiên"]), ("fr", ["Synthèse", "Sessions"]), ("en", ["Summary"])],
)
def test_export_in_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, sheets: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VIDW_DB", str(tmp_path / "vidw.db"))
    out = tmp_path / "out"
    assert main(["export", "--out", str(out), "--format", "xlsx", "--lang", lang]) == 0
    book = load_workbook(out / "vidw2025-results.xlsx")
    assert book.sheetnames[: len(sheets)] == sheets


def test_an_unknown_language_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["export", "--out", str(tmp_path), "--lang", "de"])
