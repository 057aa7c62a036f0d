"""Plain words that work as commands on every channel, in Vietnamese, English and French.

Zalo has no command menu, so "lịch", "programme" or "aide" open the same screens as /schedule,
/schedule and /help. Each feature lists the words of its commands in its routes (folded: no
accents, lower case); bot/ui/routes.py looks a message up among them.
"""

from __future__ import annotations

from bot.programme.textfold import words

MAX_KEYWORD_CHARS = 24


def folded(text: str) -> str:
    """'Lịch  Trình' → 'lich trinh': how a plain word is written in the routes."""
    return " ".join(words(text))
