"""The exhibitors as a spreadsheet, both ways: `vidw-bot exhibitors-template FILE.xlsx` writes
the workbook to fill in (filled with the exhibitors in use), `vidw-bot import-exhibitors
FILE.xlsx` checks it as the JSON file is checked and writes data/exhibitors.json. Sheets are
found by name, columns by their header in any order; texts have a column per language
(name_vi, name_en, name_fr); lists are comma-separated. A problem names the sheet, the row and
the column."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from bot.features.exhibition.catalogue import Catalogue
from bot.features.exhibition.loader import ExhibitorsError, parse_catalogue
from bot.i18n import LANGUAGES
from bot.programme.readers.sessions import cell_text

SETTINGS, THEMES, AREAS, EXHIBITORS = "Settings", "Themes", "Areas", "Exhibitors"
# Per sheet: the columns, a text of every language where the key ends with "*".
COLUMNS: dict[str, tuple[str, ...]] = {
    THEMES: ("id", "name*"),
    AREAS: ("id", "name*", "where*"),
    EXHIBITORS: (
        *("booth", "name*", "short*", "long*", "themes", "area", "location*"),
        *("website", "logo", "seeks"),
    ),
}
_LISTS = {"themes", "seeks"}
_OPTIONAL = {"location", "website", "logo"}
_SHEET_OF = {"themes": THEMES, "areas": AREAS, "exhibitors": EXHIBITORS}


def headers(sheet: str) -> list[str]:
    out: list[str] = []
    for column in COLUMNS[sheet]:
        name = column.rstrip("*")
        out += [f"{name}_{lang}" for lang in LANGUAGES] if column.endswith("*") else [name]
    return out


def template(document: dict[str, Any]) -> bytes:
    """The workbook of `document` (a data/exhibitors.json document)."""
    book = Workbook()
    settings = book.active
    assert settings is not None
    settings.title = SETTINGS
    settings.append(["key", "value"])
    settings.append(["venue", document.get("venue", "")])
    settings.append(["illustrative", "yes" if document.get("illustrative") else "no"])
    for lang in LANGUAGES:
        settings.append([f"note_{lang}", document.get("note", {}).get(lang, "")])
    for sheet, key in ((THEMES, "themes"), (AREAS, "areas"), (EXHIBITORS, "exhibitors")):
        table = book.create_sheet(sheet)
        table.append(headers(sheet))
        for item in document.get(key, []):
            table.append(_cells(sheet, item))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cells(sheet: str, item: dict[str, Any]) -> list[str]:
    row: list[str] = []
    for column in COLUMNS[sheet]:
        name = column.rstrip("*")
        if column.endswith("*"):
            row += [item.get(name, {}).get(lang, "") for lang in LANGUAGES]
        elif name in _LISTS:
            row.append(", ".join(item.get(name, [])))
        else:
            row.append(item.get(name, ""))
    return row


def read_workbook(path: Path) -> tuple[dict[str, Any], Catalogue]:
    """The data/exhibitors.json document the workbook stands for, checked; or ExhibitorsError."""
    source = str(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExhibitorsError(
            f"{source}: not a spreadsheet (.xlsx) that can be read: {exc}"
        ) from None
    except OSError as exc:
        raise ExhibitorsError(f"{source}: cannot read the spreadsheet ({exc.strerror})") from None
    try:
        sheets = {name.strip().casefold(): book[name] for name in book.sheetnames}

        def rows(name: str) -> list[dict[str, str]]:
            sheet = sheets.get(name.casefold())
            if sheet is None:
                raise ExhibitorsError(f"{source}: no sheet named {name!r}")
            return _rows(sheet)

        settings = {row.get("key", ""): row.get("value", "") for row in rows(SETTINGS)}
        document: dict[str, Any] = {
            "illustrative": settings.get("illustrative", "").casefold() in ("yes", "true", "1"),
            "note": {lang: settings.get(f"note_{lang}", "") for lang in LANGUAGES},
            "venue": settings.get("venue", ""),
            "themes": [_item(THEMES, row) for row in rows(THEMES)],
            "areas": [_item(AREAS, row) for row in rows(AREAS)],
            "exhibitors": [_item(EXHIBITORS, row) for row in rows(EXHIBITORS)],
        }
    finally:
        book.close()
    return document, parse_catalogue(document, source, locate=_cell_of)


def _rows(sheet: Any) -> list[dict[str, str]]:
    """Each row below the header as column → text; empty rows skipped."""
    lines = sheet.iter_rows(values_only=True)
    header = [str(h).strip().casefold() if h is not None else "" for h in next(lines, ())]
    found = []
    for values in lines:
        cells = {h: cell_text(v) for h, v in zip(header, values, strict=False) if h}
        if any(cells.values()):
            found.append(cells)
    return found


def _item(sheet: str, row: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for column in COLUMNS[sheet]:
        name = column.rstrip("*")
        if column.endswith("*"):
            texts = {lang: row.get(f"{name}_{lang}", "") for lang in LANGUAGES}
            if any(texts.values()) or name not in _OPTIONAL:
                item[name] = texts
        elif name in _LISTS:
            item[name] = [part.strip() for part in row.get(name, "").split(",") if part.strip()]
        elif row.get(name) or name not in _OPTIONAL:
            item[name] = row.get(name, "")
    return item


def _cell_of(document: Any, path: list[Any]) -> str:
    """'sheet 'Exhibitors', row 5, column 'website'' for a problem at exhibitors.3.website."""
    if len(path) >= 2 and path[0] in _SHEET_OF and isinstance(path[1], int):
        sheet, row = _SHEET_OF[path[0]], path[1] + 2  # row 1 is the header
        column = str(path[2]) if len(path) > 2 else "(the row)"
        if len(path) > 3 and path[3] in LANGUAGES:
            column += f"_{path[3]}"
        return f"sheet {sheet!r}, row {row}, column {column!r}"
    key = str(path[0]) if path else "(the workbook)"
    if len(path) > 1 and path[1] in LANGUAGES:
        key += f"_{path[1]}"
    return f"sheet {SETTINGS!r}, key {key!r}"
