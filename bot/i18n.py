"""Three languages: gettext catalogs compiled from locales/*.po, and locale-aware dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import format_percent
from babel.support import Translations

from bot.errors import StartupError

LANGUAGES = ("vi", "en", "fr")
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where the language is known."""
    return message


def negotiate(language_code: str | None) -> str:
    """Telegram's language_code is a hint ('vi', 'fr-CA', 'en-US', often missing)."""
    primary = (language_code or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


# Full dates as each language's editors write them (GLOSSARY.md, "Formats").
_DATES = {"vi": "EEEE, 'ngày' dd/MM/y", "en": "EEEE d MMMM y", "fr": "EEEE d MMMM y"}
_DATES_IN_YEAR = {"vi": "EEEE, 'ngày' dd/MM", "en": "EEEE d MMMM", "fr": "EEEE d MMMM"}
_VI_WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class CatalogError(StartupError):
    """A compiled catalog is missing: the bot would silently speak English instead."""


@dataclass(frozen=True)
class Translator:
    """Everything one language needs: messages, plural rules, dates and language names."""

    lang: str
    translations: Translations

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.lang)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def day(self, when: datetime, zone: tzinfo, *, start: bool = True, year: bool = True) -> str:
        """'Monday 27 October 2025' in the user's language, in the event's zone."""
        return self.date(when.astimezone(zone).date(), start=start, year=year)

    def date(self, day: date, *, start: bool = True, year: bool = True) -> str:
        """'Thứ Hai, ngày 27/10/2025', 'Monday 27 October 2025', 'lundi 27 octobre 2025'.
        `start`: it begins a line or a button, where French writes 'Lundi'; without the `year`
        where a button has no room for it."""
        pattern = _DATES[self.lang] if year else _DATES_IN_YEAR[self.lang]
        text = format_date(day, format=pattern, locale=self.lang)
        return _capitalised(text) if start else text

    def short_day(self, when: datetime, zone: tzinfo, *, start: bool = False) -> str:
        """'T2 27/10', 'Mon 27/10', 'lun. 27/10'."""
        day = when.astimezone(zone).date()
        if self.lang == "vi":  # CLDR says "Th 2"; Vietnamese writes T2 … T7, CN
            return f"{_VI_WEEKDAYS[day.weekday()]} {day:%d/%m}"
        text = format_date(day, format="EEE dd/MM", locale=self.lang)
        return _capitalised(text) if start else text

    def time(self, when: datetime, zone: tzinfo) -> str:
        return format_time(when, format="HH:mm", tzinfo=zone, locale=self.lang)

    def time_range(self, start: datetime, end: datetime, zone: tzinfo) -> str:
        """'10:30–12:00' in every language (CLDR would put thin spaces around the dash)."""
        return f"{self.time(start, zone)}–{self.time(end, zone)}"

    def percent(self, fraction: float) -> str:
        """'50%' in Vietnamese and English, '50 %' in French."""
        return format_percent(fraction, format="#,##0%", locale=self.lang)

    def language_name(self, code: str) -> str:
        """'tiếng Anh', 'anglais', 'English' for 'en', as written inside a sentence; the code
        itself if unknown."""
        name = self.locale.languages.get(code.lower())
        if not isinstance(name, str):
            return code
        # CLDR capitalises Vietnamese names ("Tiếng Anh"); in a sentence it is "tiếng Anh".
        return name[0].lower() + name[1:] if self.lang == "vi" else name

    def language_list(self, codes: Sequence[str]) -> str:
        """'Vietnamese and French', 'tiếng Việt và tiếng Pháp'."""
        return format_list([self.language_name(code) for code in codes], locale=self.lang)


class Catalogs:
    """The compiled catalogs of every supported language, loaded once at start."""

    def __init__(self, translators: dict[str, Translator]) -> None:
        self._translators = translators

    @classmethod
    def load(cls, locales_dir: Path) -> Catalogs:
        translators: dict[str, Translator] = {}
        for lang in LANGUAGES:
            mo = locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
            if not mo.is_file():
                raise CatalogError(
                    f"missing compiled catalog {mo}: run `make catalogs` (it compiles locales/*.po)"
                )
            with mo.open("rb") as fp:
                translators[lang] = Translator(lang, Translations(fp, domain=DOMAIN))
        return cls(translators)

    def __getitem__(self, lang: str) -> Translator:
        return self._translators.get(lang) or self._translators[DEFAULT_LANGUAGE]
