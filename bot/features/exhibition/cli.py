"""`vidw-bot booth-codes --out DIR --bot USERNAME [--lang]`: a QR code PNG per exhibitor
(<booth>.png) and booth-codes.pdf, the sheet of them all to print; `exhibitors-template` and
`import-exhibitors`: the exhibitors as a spreadsheet."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bot.config import Settings
from bot.errors import StartupError
from bot.features.exhibition.booth_codes import USERNAME, booth_link, qr_png, sheet_pdf
from bot.features.exhibition.loader import load_catalogue
from bot.features.exhibition.spreadsheet import read_workbook, template
from bot.i18n import DEFAULT_LANGUAGE, Catalogs

SHEET = "booth-codes.pdf"


class BoothCodesError(StartupError):
    """The codes cannot be written as asked."""


def booth_codes(
    settings: Settings, out: Path, bot_username: str, language: str = DEFAULT_LANGUAGE
) -> list[Path]:
    name = bot_username.removeprefix("@")
    if not USERNAME.fullmatch(name):
        raise BoothCodesError(
            f"--bot {bot_username!r}: the bot's Telegram username (5–32 letters, digits, _)"
        )
    catalogue = load_catalogue(settings.exhibitors_path)
    t = Catalogs.load(settings.locales_dir)[language]
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for exhibitor in catalogue.exhibitors:
            path = out / f"{exhibitor.booth}.png"
            path.write_bytes(qr_png(booth_link(name, exhibitor.booth)))
            written.append(path)
        sheet = out / SHEET
        sheet.write_bytes(sheet_pdf(catalogue, name, t))
    except OSError as exc:
        raise BoothCodesError(f"{out}: cannot write the booth codes ({exc.strerror})") from None
    return [*written, sheet]


def run_booth_codes(settings: Settings, out: Path, bot_username: str, language: str) -> int:
    written = booth_codes(settings, out, bot_username, language)
    print(f"{len(written) - 1} QR codes and {written[-1]} written to {out}")
    return 0


def run_exhibitors_template(settings: Settings, file: Path) -> int:
    """The workbook to fill in, with the exhibitors of VIDW_EXHIBITORS in it."""
    load_catalogue(settings.exhibitors_path)  # a broken file is said, not copied
    document = json.loads(settings.exhibitors_path.read_text(encoding="utf-8"))
    try:
        file.write_bytes(template(document))
    except OSError as exc:
        raise BoothCodesError(f"{file}: cannot write the spreadsheet ({exc.strerror})") from None
    print(f"{file}: {len(document['exhibitors'])} exhibitors; fill it in, then import-exhibitors")
    return 0


def run_import_exhibitors(settings: Settings, file: Path, out: Path | None) -> int:
    """Check the workbook as the bot checks its file, then write the JSON (in one step: the
    running bot reads it at its next look, or keeps its last good list)."""
    document, catalogue = read_workbook(file)
    target = out or settings.exhibitors_path
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(partial, target)
    except OSError as exc:
        raise BoothCodesError(f"{target}: cannot write the exhibitors ({exc.strerror})") from None
    print(f"{target}: {len(catalogue.exhibitors)} exhibitors in {len(catalogue.areas)} areas")
    return 0
