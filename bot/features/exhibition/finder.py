"""Exhibitors that typed words find: each meaningful word must start a word of the exhibitor's
name, short or long description in any language, or be its booth code; the name counts most.
Offered below the programme's results (bot/ui/finds.py), at most a few."""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.exhibition.catalogue import Catalogue, Exhibitor
from bot.i18n import LANGUAGES
from bot.programme.search_words import WHOLE_WORD_ONLY, canonical, meaningful
from bot.programme.textfold import words

MAX_FOUND = 3  # a search is about the programme first
_WEIGHTS = (("names", 3), ("short", 2), ("long", 1))


@dataclass(frozen=True)
class _Indexed:
    booth: str
    parts: tuple[tuple[frozenset[str], int], ...]  # the words of a text, and its weight


_last: list[tuple[Catalogue, tuple[_Indexed, ...]]] = []


def _index(catalogue: Catalogue) -> tuple[_Indexed, ...]:
    """Built once per catalogue in use (a reload gives a new one)."""
    if not _last or _last[0][0] is not catalogue:
        _last[:] = [(catalogue, tuple(_indexed(e) for e in catalogue.exhibitors))]
    return _last[0][1]


def _indexed(exhibitor: Exhibitor) -> _Indexed:
    parts = []
    for name, weight in _WEIGHTS:
        texts = getattr(exhibitor, name)
        found = {canonical(w) for lang in LANGUAGES for w in words(texts[lang])}
        parts.append((frozenset(found), weight))
    return _Indexed(exhibitor.booth.lower(), tuple(parts))


def find(catalogue: Catalogue, query: str) -> list[int]:
    """The exhibitors `query` finds, best first, as indexes in the catalogue."""
    wanted = [canonical(w) for w in meaningful(words(query))]
    if not wanted:
        return []
    scored: list[tuple[int, int]] = []
    for position, item in enumerate(_index(catalogue)):
        score = _score(item, wanted)
        if score:
            scored.append((-score, position))
    return [position for _score_, position in sorted(scored)[:MAX_FOUND]]


def _score(item: _Indexed, wanted: list[str]) -> int:
    total = 0
    for word in wanted:
        if word == item.booth:
            total += 10
            continue
        best = max((weight for texts, weight in item.parts if _matches(word, texts)), default=0)
        if not best:
            return 0  # every word must match
        total += best
    return total


def _matches(word: str, texts: frozenset[str]) -> bool:
    if word in texts:
        return True
    return len(word) > WHOLE_WORD_ONLY and any(text.startswith(word) for text in texts)
