"""Which folded words carry meaning in a search, and which spellings of a word are the same word.

Everything here works on words already folded by textfold (lower-case ASCII, no accents), so
the lists below are written folded too: "và" is "va", "về" is "ve".
"""

from __future__ import annotations

from collections.abc import Iterable


# Words that say nothing about a session. Left out on purpose, because folded they are also
# words that do: vi "an" (an toàn), "le" (the surname Lê), "son" (Sơn), "tai" (nhân tài), "tu"
# (đầu tư), "co" (cơ hội); en "it" (IT), "us" (US).
def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "vi": _listed("va cua cho ve cac nhung voi la duoc mot nay thi hoac o"),
    "en": _listed(
        "a the of and or for on in at to by with from about into its is are be as this that "
        "their our your what how"
    ),
    "fr": _listed(
        "de du des d la l les un une et ou en au aux a pour par sur dans avec sans ce cet "
        "cette ces leur leurs qui que qu est sont"
    ),
}
ANY_STOP_WORD = frozenset().union(*STOP_WORDS.values())

WHOLE_WORD_ONLY = 2  # "AI", "IA", "5G", "EU" never match "aider", "ainsi", "5gb", "europe"
TYPO_FROM = 5  # shorter words have too many neighbours one edit away

# British spellings and their US twins, as endings; the longest ending that fits is used.
_SPELLINGS = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ogue", "og"),
    ("tre", "ter"),  # centre, metre, theatre
    ("bre", "ber"),  # fibre
    ("our", "or"),  # labour, behaviour
    ("ence", "ense"),  # licence, defence
)
_WORDS = {"programme": "program"}


# Acronyms of names that are not themes, as delegates type them, with the names they stand for.
KNOWN_ACRONYMS: dict[str, tuple[str, ...]] = {
    "eu": ("european union", "union europeenne", "lien minh chau au"),
    "ue": ("european union", "union europeenne", "lien minh chau au"),
    "onu": ("united nations", "nations unies", "lien hop quoc"),
    "lhq": ("united nations", "nations unies", "lien hop quoc"),
}


def is_stop_word(word: str) -> bool:
    return word in ANY_STOP_WORD


def meaningful(words: Iterable[str]) -> list[str]:
    """The words that are not stop words, in order, each once."""
    return list(dict.fromkeys(w for w in words if not is_stop_word(w)))


def canonical(word: str) -> str:
    """One spelling for the forms of a word: singular, US spelling ("centres" → "center")."""
    if len(word) <= 3 or not word.isalpha():
        return word
    singular = _singular(word)
    if singular in _WORDS:
        return _WORDS[singular]
    if len(singular) >= 5:
        for british, american in _SPELLINGS:
            if singular.endswith(british):
                return singular[: -len(british)] + american
    return singular


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) >= 5:
        return word[:-3] + "y"  # policies, technologies
    if word.endswith("aux") and len(word) >= 6:
        return word[:-3] + "al"  # régionaux, nationaux
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]  # approaches, boxes
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) >= 4:
        return word[:-1]  # startups, centres, numériques
    return word


def acronyms(words: list[str]) -> list[str]:
    """Initials a delegate might type for a name: "Trí tuệ nhân tạo" → "ttnt", "CĐS" → "cds".

    With and without the stop words inside ("entreprises du numerique" → "edn", "en"); an
    acronym that is itself a stop word ("de", "en", "in") is never one.
    """
    if len(words) < 2:
        return []
    content = [w for w in words if not is_stop_word(w)]
    found = ["".join(w[0] for w in words), "".join(w[0] for w in content)]
    return [a for a in dict.fromkeys(found) if len(a) >= 2 and not is_stop_word(a)]
