"""The catalogs are complete, consistent with the code, and read as typography demands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LANGUAGES, CatalogError, Catalogs, negotiate
from tests.conftest import LOCALES, ROOT

PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*[sd]")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _catalog(lang: str) -> Catalog:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        return read_po(fp, locale=lang)


def _messages(lang: str) -> list[Message]:
    return [m for m in _catalog(lang) if m.id]


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(lang: str) -> None:
    untranslated = [m.id for m in _messages(lang) if not all(_strings(m))]
    fuzzy = [m.id for m in _messages(lang) if m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_between_msgid_and_msgstr(lang: str) -> None:
    mismatched = []
    for message in _messages(lang):
        expected = set(PLACEHOLDER.findall(" ".join(_ids(message))))
        for string in _strings(message):
            if set(PLACEHOLDER.findall(string)) != expected:
                mismatched.append((message.id, string))
    assert mismatched == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_holds_exactly_the_messages_of_the_template(lang: str) -> None:
    with (LOCALES / "messages.pot").open("rb") as fp:
        template = {m.id for m in read_po(fp) if m.id}
    assert {m.id for m in _messages(lang)} == template


def test_template_is_not_stale_against_the_code() -> None:
    in_code: set[str | tuple[str, ...]] = set()
    for folder in ("bot", "channels", "web"):  # as babel.cfg reads them (templates too)
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder,
            method_map=[("**.py", "python"), ("**/templates/**.html", "jinja2")],
            options_map={"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}},
            keywords=KEYWORDS,
        ):
            in_code.add(message if isinstance(message, str) else tuple(message))
    with (LOCALES / "messages.pot").open("rb") as fp:
        template = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(fp) if m.id}
    assert in_code == template, "run `make update-catalogs` and translate the new entries"


def test_french_uses_non_breaking_spaces_before_high_punctuation() -> None:
    wrong = [
        s
        for m in _messages("fr")
        for s in _strings(m)
        if re.search(r"(?<![\u00a0\u202f])[:;?!»]", s.replace("://", ""))
        or re.search(r"«(?![\u00a0\u202f])", s)
    ]
    assert wrong == []


def test_vietnamese_is_written_with_its_diacritics() -> None:
    text = " ".join(s for m in _messages("vi") for s in _strings(m))
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text)
    # Every catalog entry that is a full sentence has at least one Vietnamese letter in it.
    plain = [s for m in _messages("vi") for s in _strings(m) if len(s) > 30 and s.isascii()]
    assert plain == []


def test_missing_compiled_catalog_stops_the_bot(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="make catalogs"):
        Catalogs.load(tmp_path)


def test_each_language_answers_in_itself(catalogs: Catalogs) -> None:
    greeting = "This button is no longer valid. Here is the main menu."
    assert catalogs["vi"].gettext(greeting).startswith("Nút này")
    assert catalogs["fr"].gettext(greeting).startswith("Ce bouton")
    assert catalogs["en"].gettext(greeting) == greeting
    assert catalogs["de"].lang == "en"  # anything else falls back to English


def test_plural_forms_follow_each_language(catalogs: Catalogs) -> None:
    one, many = (
        "%(count)d session found for “%(query)s”",
        "%(count)d sessions found for “%(query)s”",
    )
    assert "trouvée " in catalogs["fr"].ngettext(one, many, 1)
    assert "trouvées" in catalogs["fr"].ngettext(one, many, 2)
    assert catalogs["vi"].ngettext(one, many, 1) == catalogs["vi"].ngettext(one, many, 5)


@pytest.mark.parametrize(
    ("hint", "lang"),
    [
        ("vi", "vi"),
        ("fr-CA", "fr"),
        ("en-US", "en"),
        ("FR", "fr"),
        ("de", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_language_from_telegram_hint(hint: str | None, lang: str) -> None:
    assert negotiate(hint) == lang
