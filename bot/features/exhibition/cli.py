"""`vidw-bot booth-codes --out DIR --bot USERNAME [--lang]`: a QR code PNG per exhibitor
(<booth>.png) and booth-codes.pdf, the sheet of them all to print."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.errors import StartupError
from bot.features.exhibition.booth_codes import USERNAME, booth_link, qr_png, sheet_pdf
from bot.features.exhibition.loader import load_catalogue
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
