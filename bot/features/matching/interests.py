"""What a participant offers or looks for: a fixed list, as data (labels through the catalogs,
vi/en/fr in locales/), so that offers and needs compare by code, whatever the language."""

from __future__ import annotations

from bot.i18n import N_

INTERESTS: tuple[tuple[str, str], ...] = (
    ("partnership", N_("Partnership")),
    ("investment", N_("Investment")),
    ("procurement", N_("Public procurement")),
    ("technology", N_("Technology transfer")),
    ("research", N_("Research cooperation")),
    ("talent", N_("Talent and training")),
)
CODES = tuple(code for code, _label in INTERESTS)
LABELS = dict(INTERESTS)
