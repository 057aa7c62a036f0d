"""The exhibitors spreadsheet: the template round-trips data/exhibitors.json exactly, and a
cell that cannot be used is refused naming the sheet, the row and the column."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.config import PROJECT_ROOT
from bot.features.exhibition.loader import ExhibitorsError
from bot.features.exhibition.spreadsheet import EXHIBITORS, read_workbook, template
from cli.main import main

DOCUMENT = json.loads((PROJECT_ROOT / "data" / "exhibitors.json").read_text(encoding="utf-8"))


def test_the_template_round_trips_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    book, out = tmp_path / "exhibitors.xlsx", tmp_path / "exhibitors.json"
    assert main(["exhibitors-template", str(book)]) == 0
    assert main(["import-exhibitors", str(book), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == DOCUMENT


def _edited(tmp_path: Path, edit: Callable[[Any], None]) -> Path:
    book = load_workbook(io.BytesIO(template(DOCUMENT)))
    edit(book)
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path


def _set(sheet: str, row: int, header: str, value: object) -> Callable[[Any], None]:
    def edit(book: Any) -> None:
        table = book[sheet]
        column = next(c.column for c in table[1] if c.value == header)
        table.cell(row=row, column=column).value = value

    return edit


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (_set(EXHIBITORS, 3, "website", "http://x"), "sheet 'Exhibitors', row 3, column 'website'"),
        (_set(EXHIBITORS, 5, "name_fr", None), "sheet 'Exhibitors', row 5, column 'name_fr'"),
        (_set(EXHIBITORS, 2, "area", "z"), "sheet 'Exhibitors', row 2, column 'area'"),
        (_set(EXHIBITORS, 4, "seeks", "money"), "sheet 'Exhibitors', row 4, column 'seeks'"),
        (_set("Settings", 2, "value", ""), "sheet 'Settings', key 'venue'"),
        (lambda book: book.remove(book["Areas"]), "no sheet named 'Areas'"),
    ],
)
def test_a_cell_that_cannot_be_used_is_named(
    tmp_path: Path, edit: Callable[[Any], None], where: str
) -> None:
    path = _edited(tmp_path, edit)
    with pytest.raises(ExhibitorsError) as caught:
        read_workbook(path)
    assert str(caught.value).startswith(str(path)) and where in str(caught.value)


def test_a_refused_import_leaves_the_file_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "exhibitors.json"
    out.write_text("{}", encoding="utf-8")
    path = _edited(tmp_path, _set(EXHIBITORS, 3, "booth", "A1"))
    assert main(["import-exhibitors", str(path), "--out", str(out)]) == 2
    assert "column 'booth': the booth 'A1' is used twice" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "{}"
