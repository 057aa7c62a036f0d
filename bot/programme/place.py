"""Where the programme happens, in the reader's language: the programme's own words
(`conference.meta.vidw.place`), else the country of its time zone (tzdata's zone.tab, named
by the CLDR through Babel): "Germany" for Europe/Berlin. None for a bare UTC offset."""

from __future__ import annotations

from datetime import tzinfo
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError

from bot.programme.model import Schedule


def place(schedule: Schedule, lang: str) -> str | None:
    own = schedule.places.get(lang)
    if own:
        return own
    country = _country(schedule.zone)
    if country is None:
        return None
    try:
        name = Locale.parse(lang).territories.get(country)
    except (UnknownLocaleError, ValueError):
        return None
    return str(name) if name else None


def _country(zone: tzinfo) -> str | None:
    return _countries().get(zone.key) if isinstance(zone, ZoneInfo) else None


@cache
def _countries() -> dict[str, str]:
    """Zone name -> ISO country code, one country per zone (zone.tab)."""
    try:
        table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        return {}
    found = {}
    for line in table.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and not line.startswith("#"):
            found[parts[2]] = parts[0]
    return found
