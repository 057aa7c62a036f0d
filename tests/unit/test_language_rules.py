"""The rules of locales/GLOSSARY.md, kept: every text an attendee, organizer or staff member
reads — catalog entries, the programme's and the survey's texts — in the register of a
ministry's protocol office, one term per concept, French typography; and no sentence written
in the code instead of the catalogs."""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from bot.i18n import LANGUAGES
from tests.conftest import LOCALES, ROOT, SCHEDULE

GLOSSARY = LOCALES / "GLOSSARY.md"
SURVEYS = sorted((ROOT / "surveys").glob("*.json"))


# -- the texts ---------------------------------------------------------------------------------


def catalog_texts(lang: str) -> Iterator[tuple[str, str]]:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        key = message.id if isinstance(message.id, str) else message.id[0]
        for string in strings:
            yield f"catalog {key!r}", string


def translated(data: Any, lang: str, where: str = "") -> Iterator[tuple[str, str]]:
    """Every {"vi": …, "en": …, "fr": …} text in a JSON document, in `lang`."""
    if isinstance(data, dict):
        if isinstance(data.get(lang), str) and set(data) <= set(LANGUAGES):
            yield where, data[lang]
        for key, value in data.items():
            yield from translated(value, lang, f"{where}/{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from translated(value, lang, f"{where}[{i}]")


def data_texts(lang: str) -> Iterator[tuple[str, str]]:
    for path in (SCHEDULE, *SURVEYS):
        document = json.loads(path.read_text("utf-8"))
        for where, text in translated(document, lang):
            yield f"{path.name}{where}", text


def texts(lang: str) -> list[tuple[str, str]]:
    return [*catalog_texts(lang), *data_texts(lang)]


# -- the glossary ------------------------------------------------------------------------------


def table(heading: str) -> list[list[str]]:
    """The rows of the Markdown table under `## heading` in GLOSSARY.md (header row left out)."""
    section = GLOSSARY.read_text("utf-8").split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def terms() -> dict[str, dict[str, str]]:
    """concept → {language: the glossary's term(s)}."""
    return {concept: {"vi": vi, "en": en, "fr": fr} for concept, vi, en, fr in table("Terms")}


def variants() -> list[tuple[str, str, str, str]]:
    return [
        (lang, concept, avoid, write) for lang, concept, avoid, write in table("Variants to avoid")
    ]


def words_of(phrase: str) -> re.Pattern[str]:
    """The phrase as whole words, in any case."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)


# -- the rules ---------------------------------------------------------------------------------


def test_the_glossary_tables_are_read() -> None:
    assert {"attendee", "feedback poll (per session)", "staff"} <= set(terms())
    assert len(variants()) >= 10
    for lang, concept, _avoid, write in variants():
        assert lang in LANGUAGES
        if concept in terms():  # what to write instead is the glossary's own term
            assert write.lower() in terms()[concept][lang].lower(), (concept, write)


def test_vietnamese_never_says_ban_nor_toi() -> None:
    """Quý vị in greetings, reminders, thanks and the survey; elsewhere no pronoun, and the
    bot does not speak of itself."""
    pronoun = re.compile(r"(?<!\w)(bạn|tôi)(?!\w)", re.IGNORECASE)
    assert [(where, text) for where, text in texts("vi") if pronoun.search(text)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_variant_the_glossary_rules_out(lang: str) -> None:
    found = [
        (avoid, write, where, text)
        for variant_lang, _concept, avoid, write in variants()
        if variant_lang == lang
        for where, text in texts(lang)
        if words_of(avoid).search(text)
    ]
    assert found == []


def test_french_apostrophes_are_typographic() -> None:
    assert [(where, text) for where, text in texts("fr") if "'" in text] == []


def test_french_spaces_before_high_punctuation_in_the_programme_and_survey() -> None:
    """The catalogs are checked in test_catalogs; the same rule for the data files."""
    wrong = [
        (where, text)
        for where, text in data_texts("fr")
        if re.search(r"(?<![\u00a0\u202f])[:;?!»]", text.replace("://", ""))
        or re.search(r"«(?![\u00a0\u202f])", text)
    ]
    assert wrong == []


def glossary_names() -> list[str]:
    """'Names of Vietnamese people with their diacritics in every language (Phạm Quang Ngọc,
    Nguyễn Mạnh Hùng)'."""
    found = re.search(r"Names of Vietnamese people[^(]*\(([^)]*)\)", GLOSSARY.read_text("utf-8"))
    assert found is not None
    return [name.strip() for name in found.group(1).split(",")]


def folded(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def test_vietnamese_names_keep_their_diacritics_in_every_language() -> None:
    names = glossary_names()
    assert "Phạm Quang Ngọc" in names
    schedule = SCHEDULE.read_text("utf-8")
    assert [folded(name) for name in names if folded(name) in schedule] == []
    assert all(name in schedule for name in names)


# -- no sentences outside the catalogs ---------------------------------------------------------

# What builds the texts people read: the features (not their terminal commands, which speak
# to the operator in English), the shared UI, the channels' rendering.
USER_FACING = [
    *sorted(p for p in (ROOT / "bot" / "features").glob("*/*.py") if p.name != "cli.py"),
    *sorted((ROOT / "bot" / "ui").glob("*.py")),
    *sorted((ROOT / "bot" / "navigation").glob("*.py")),
    *sorted((ROOT / "channels" / "zalo").glob("*.py")),
    ROOT / "channels" / "telegram" / "render.py",
    ROOT / "channels" / "telegram" / "attendee.py",
    ROOT / "channels" / "telegram" / "feedback.py",
]
TRANSLATING = {"_", "N_", "gettext", "ngettext"}
NOT_READ_BY_PEOPLE = {
    *("debug", "info", "warning", "error", "exception", "critical"),  # logging
    *("Counter", "Gauge", "Histogram", "CounterMetricFamily", "GaugeMetricFamily"),  # Prometheus
    # metrics' help lines, read by operators
}
# Words in three languages at once, on purpose: the language picker is for people who cannot
# read the current one.
ON_PURPOSE = {
    "Chọn ngôn ngữ · Choose your language · Choisissez votre langue",
    "-//VIDW attendee bot//vidw-bot//EN",  # the calendar file's PRODID, read by calendar apps
    "the programme last applied",  # names a stored file in a log line
}
SENTENCE = re.compile(r"[^\W\d_]{2,}(?:[ ’'][^\W\d_]{2,}){2,}")


def _is_error(name: str | None) -> bool:
    """An exception made to be raised later: its message is for logs and operators (the
    programme's errors name files and fields, in English)."""
    return name is not None and name.endswith(("Error", "Exception", "Unavailable"))


def _literals(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """String constants that may reach a reader: not docstrings, not already translated, not
    log lines, exceptions or comparisons with data."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = name or (node.func.id if isinstance(node.func, ast.Name) else None)
            if name in TRANSLATING or name in NOT_READ_BY_PEOPLE or _is_error(name):
                skipped.update(id(n) for arg in node.args for n in ast.walk(arg))
            # A route's plain words are what people type, matched, never shown.
            for keyword in node.keywords:
                if keyword.arg == "words":
                    skipped.update(id(n) for n in ast.walk(keyword.value))
        if isinstance(node, ast.Raise | ast.Assert | ast.Compare):
            skipped.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ):
            yield node.lineno, node.value


def test_no_user_facing_sentence_is_written_in_the_code() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in USER_FACING
        for line, text in _literals(ast.parse(path.read_text("utf-8")))
        if SENTENCE.search(text) and text not in ON_PURPOSE
    ]
    assert found == []


def test_the_sentence_finder_finds_sentences() -> None:
    source = 'x = f"{n} sessions are waiting for you"\ny = _("Already translated here")\n'
    found = [text for _line, text in _literals(ast.parse(source)) if SENTENCE.search(text)]
    assert found == [" sessions are waiting for you"]


def test_every_user_facing_module_exists() -> None:
    assert all(Path(path).is_file() for path in USER_FACING)
