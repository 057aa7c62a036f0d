"""Accent- and case-insensitive text for search: "Chuyển đổi số" and "chuyen doi so" match."""

from __future__ import annotations

import re
import unicodedata

# NFKD does not decompose these letters, so they are mapped by hand.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss"})
_WORD = re.compile(r"[0-9a-z]+")


class _WithoutMarks(dict[int, int | None]):
    """A str.translate table that drops combining marks, filled in as characters are met
    (a search index folds every text of the programme: one pass in C, not one call per letter)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """Lower-case ASCII approximation of `text` with accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return decomposed.translate(_WITHOUT_MARKS).casefold().translate(_EXTRA)


def words(text: str) -> list[str]:
    """The folded words of `text`, for word-prefix matching."""
    return _WORD.findall(fold(text))
