"""In which of the three languages a question is written: its letters and its small words say
it well enough for a moderator's flag; a text that says nothing keeps the asker's language."""

from __future__ import annotations

import re
import unicodedata

# Letters only Vietnamese writes (tone marks and ơ ư ă đ …) beside those it shares with French.
_VIETNAMESE = set("ăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựảạẻẽẹỉĩịỏọủũụỳỷỹỵ")
_FRENCH_WORDS = frozenset(
    (
        *("le", "la", "les", "des", "du", "un", "une", "est", "sont", "pour", "pourquoi"),
        *("comment", "quel", "quelle", "quels", "quelles", "vous", "nous", "avec", "dans"),
        *("sur", "que", "qui", "ce", "cette", "ces", "au", "aux", "et", "ou", "pas"),
    )
)
_ENGLISH_WORDS = frozenset(
    (
        *("the", "is", "are", "what", "why", "how", "which", "who", "will", "would"),
        *("could", "should", "you", "we", "with", "in", "on", "of", "and", "or", "for"),
        *("to", "does", "do", "can"),
    )
)
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, fallback: str) -> str:
    lowered = text.lower()
    letters = [c for c in unicodedata.normalize("NFC", lowered) if c.isalpha()]
    if sum(c in _VIETNAMESE for c in letters) >= 2:
        return "vi"
    words = _WORD.findall(lowered)
    french = sum(w in _FRENCH_WORDS for w in words) + sum(c in "éèàçùœ" for c in letters)
    english = sum(w in _ENGLISH_WORDS for w in words)
    if french > english:
        return "fr"
    if english > french:
        return "en"
    return fallback


def has_words(text: str, least: int = 3) -> bool:
    """At least `least` letters or digits: not only emoji, punctuation or spaces."""
    return sum(unicodedata.category(c)[0] in "LN" for c in text) >= least
