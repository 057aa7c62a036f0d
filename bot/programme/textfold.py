"""Accent- and case-insensitive text for search: "Chuyển đổi số" and "chuyen doi so" match."""

from __future__ import annotations

import re
import unicodedata

# NFKD does not decompose these letters, so they are mapped by hand.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss"})
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII approximation of `text` with accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_EXTRA)


def words(text: str) -> list[str]:
    """The folded words of `text`, for word-prefix matching."""
    return _WORD.findall(fold(text))
