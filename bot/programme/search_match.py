"""What one query word matches in the index: the word itself, its other forms, longer words it
begins, and, when none of those exist, the words one typing mistake away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.programme.search_index import SearchIndex
from bot.programme.search_words import TYPO_FROM, WHOLE_WORD_ONLY, canonical

# How good a match is, as a share of the field's weight: exact words over prefixes.
EXACT = 1.0
VARIANT = 0.9  # "centers" for "centre", "programs" for "programme"
TYPO = 0.7  # "goverance" for "governance"
PREFIX_FLOOR, PREFIX_SPAN = 0.45, 0.4  # "gouv" 0.6 of "gouvernance", "startu" 0.8 of "startup"


@dataclass(frozen=True)
class Term:
    """A query word and everything it matches."""

    word: str
    matches: dict[str, float]  # index word → quality
    acronym_fields: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # field → places

    @property
    def found(self) -> bool:
        return bool(self.matches or self.acronym_fields)


def expand(index: SearchIndex, word: str) -> Term:
    matches: dict[str, float] = {}
    if word in index.postings:
        matches[word] = EXACT
    for variant in index.variants.get(canonical(word), ()):
        matches.setdefault(variant, VARIANT)
    if len(word) > WHOLE_WORD_ONLY:
        for longer in index.with_prefix(word):
            matches.setdefault(longer, PREFIX_FLOOR + PREFIX_SPAN * len(word) / len(longer))
        if len(word) >= TYPO_FROM and not any(q >= VARIANT for q in matches.values()):
            for near in _one_edit_away(index, word):
                matches.setdefault(near, TYPO)
    return Term(word, matches, index.acronyms.get(word, {}))


def _one_edit_away(index: SearchIndex, word: str) -> list[str]:
    """Words within one insertion, deletion, substitution or swap of two neighbours."""
    n = len(word)
    candidates = [w for size in (n - 1, n, n + 1) for w in index.by_length.get(size, ())]
    found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=1, limit=None)
    return [choice for choice, _distance, _position in found]
