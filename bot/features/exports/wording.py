"""The words of the staff files, in the language of the staff member who asked for them:
sheet names, column headers, the chart's axis, and the session titles.

Column headers keep one shape in every language ("all: ratings", "vi: mean", "fr: 5"): a
scope (every answer, or one language's) and what the column counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.i18n import N_, Translator
from bot.programme.model import Schedule

# The raw answers, one row each (the CSV and the "Raw answers" sheet).
RAW_COLUMNS = (
    N_("subject"),
    N_("title"),
    N_("question"),
    N_("option"),
    N_("language"),
    N_("user"),
    N_("answered_at"),
    N_("channel"),
)
COMMENT_COLUMNS = (
    N_("subject"),
    N_("title"),
    N_("language"),
    N_("user"),
    N_("comment"),
    N_("channel"),
)
ALL = N_("all")
# A rating option's column: the stars are digits in every language.
OPTION_NAMES = {"absent": N_("absent")}
SHEET_CHARS = 31  # Excel's limit for a sheet name
_NOT_IN_SHEET_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})


def _english(message: str) -> str:
    return message


@dataclass(frozen=True)
class Wording:
    """How the files read: `gettext` of the reader's language, the session titles in it."""

    gettext: Callable[[str], str] = _english
    titles: Mapping[str, str] | None = None  # session code → title; None: the schedule's own
    language: str = "en"

    @classmethod
    def of(cls, t: Translator, schedule: Schedule) -> Wording:
        return cls(t.gettext, {s.key: s.title_in(t.lang) for s in schedule.sessions}, t.lang)

    def _(self, message: str) -> str:
        return self.gettext(message)

    def columns(self, names: tuple[str, ...]) -> list[str]:
        return [self._(name) for name in names]

    def scoped(self, scope: str, what: str) -> str:
        """'all: ratings', 'tous : notes' — `what` is already in the reader's language."""
        label = self._(ALL) if scope == "all" else scope
        return self._("%(scope)s: %(column)s") % {"scope": label, "column": what}

    def option(self, key: str) -> str:
        return self._(OPTION_NAMES[key]) if key in OPTION_NAMES else key

    def sheet(self, name: str) -> str:
        """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
        return " ".join(name.translate(_NOT_IN_SHEET_NAMES).split())[:SHEET_CHARS]

    def title(self, code: str, fallback: str) -> str:
        return (self.titles or {}).get(code, fallback)
