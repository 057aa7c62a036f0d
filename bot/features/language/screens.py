"""The language choice, each language named in itself."""

from __future__ import annotations

from bot.features.language.actions import SetLanguage
from bot.i18n import LANGUAGES
from bot.ui.menus import LANGUAGE_NAMES, main_menu_row
from bot.ui.model import Button, Screen
from bot.ui.view import View, italic


def language_picker(view: View) -> Screen:
    _ = view._
    rows = tuple((Button(LANGUAGE_NAMES[code], SetLanguage(code).encode()),) for code in LANGUAGES)
    text = (
        _("Choose your language:")
        + "\n"
        + italic("Chọn ngôn ngữ · Choose your language · Choisissez votre langue")
    )
    return Screen(text, (*rows, main_menu_row(view)))


def language_changed(view: View) -> str:
    return view._("Done: I will now speak English with you.")
