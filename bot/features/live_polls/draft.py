"""A live poll as the moderator typed it: read from the form, checked against Telegram's
limits, every language filled in (a text given in one language serves the others)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.i18n import LANGUAGES, N_
from bot.ui.model import QUESTION_CHARS

# Runs of spaces and line breaks become one space; French no-break spaces (before ? : ; !)
# stay what they are.
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
OPTION_CHARS = 100  # Telegram's limit for a poll option
MIN_OPTIONS, MAX_OPTIONS = 2, 10

Texts = dict[str, str]


@dataclass(frozen=True)
class Problem:
    """What is wrong, for the field it is about; `message` is an N_() text with `values`."""

    field: str
    message: str
    values: Mapping[str, object] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    question: Texts  # every language
    options: tuple[Texts, ...]
    multiple: bool


def question_field(lang: str) -> str:
    return f"question_{lang}"


def option_field(number: int, lang: str) -> str:
    return f"option{number}_{lang}"


def read(form: Mapping[str, object]) -> Draft | list[Problem]:
    """The draft, or every problem found (the form is shown again with them, nothing lost)."""
    problems: list[Problem] = []
    question = _texts(form, question_field)
    if not question:
        problems.append(
            Problem("question", N_("Please write the question, in at least one language."))
        )
    for lang, text in question.items():
        if len(text) > QUESTION_CHARS:
            problems.append(
                Problem(
                    question_field(lang),
                    N_(
                        "The question (%(language)s) has %(length)d characters;"
                        " Telegram takes at most %(limit)d."
                    ),
                    {"language": lang.upper(), "length": len(text), "limit": QUESTION_CHARS},
                )
            )
    options: list[tuple[int, Texts]] = []
    for number in range(1, MAX_OPTIONS + 1):
        texts = _texts(form, lambda lang, n=number: option_field(n, lang))  # type: ignore[misc]
        if texts:
            options.append((number, texts))
        for lang, text in texts.items():
            if len(text) > OPTION_CHARS:
                problems.append(
                    Problem(
                        option_field(number, lang),
                        N_(
                            "Option %(number)d (%(language)s) has %(length)d characters;"
                            " Telegram takes at most %(limit)d."
                        ),
                        {
                            "number": number,
                            "language": lang.upper(),
                            "length": len(text),
                            "limit": OPTION_CHARS,
                        },
                    )
                )
    if len(options) < MIN_OPTIONS:
        problems.append(
            Problem(
                "options",
                N_("A poll needs at least %(least)d options; please write them."),
                {"least": MIN_OPTIONS},
            )
        )
    filled = [(number, _every_language(texts)) for number, texts in options]
    problems += _same_twice(filled, dict(options))
    if problems:
        return problems
    return Draft(
        _every_language(question),
        tuple(texts for _n, texts in filled),
        str(form.get("multiple", "")) in ("1", "on", "yes"),
    )


def _texts(form: Mapping[str, object], name: Callable[[str], str]) -> Texts:
    """The languages this field was written in, spaces tidied."""
    found: Texts = {}
    for lang in LANGUAGES:
        text = _SPACES.sub(" ", str(form.get(name(lang), ""))).strip(" ")
        if text:
            found[lang] = text
    return found


def _every_language(texts: Texts) -> Texts:
    """The missing languages take the first text given (in the order vi, en, fr)."""
    default = next(texts[lang] for lang in LANGUAGES if lang in texts)
    return {lang: texts.get(lang, default) for lang in LANGUAGES}


def _same_twice(options: list[tuple[int, Texts]], typed: dict[int, Texts]) -> list[Problem]:
    """Two options reading the same in one language: attendees could not tell them apart.
    Told once per option, in a language it was typed in where there is one."""
    alike: dict[int, list[tuple[str, int]]] = {}  # option → (language, the earlier option)
    for lang in LANGUAGES:
        seen: dict[str, int] = {}
        for number, texts in options:
            earlier = seen.setdefault(texts[lang].casefold(), number)
            if earlier != number:
                alike.setdefault(number, []).append((lang, earlier))
    problems: list[Problem] = []
    for number, found in alike.items():
        lang, earlier = next(((la, e) for la, e in found if la in typed[number]), found[0])
        problems.append(
            Problem(
                option_field(number, lang),
                N_("Options %(first)d and %(second)d read the same (%(language)s)."),
                {"first": earlier, "second": number, "language": lang.upper()},
            )
        )
    return problems


def values(form: Mapping[str, object]) -> dict[str, str]:
    """What was typed, to show it again in the form."""
    names = [question_field(lang) for lang in LANGUAGES] + [
        option_field(n, lang) for n in range(1, MAX_OPTIONS + 1) for lang in LANGUAGES
    ]
    shown = {name: str(form.get(name, "")) for name in names}
    shown["multiple"] = str(form.get("multiple", ""))
    return shown
