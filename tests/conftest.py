"""Shared fixtures: the real catalogs compiled once, real schedule files, a movable clock."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, settings

from bot.clock import Clock
from bot.i18n import LANGUAGES, Catalogs

os.environ.setdefault("PTB_TIMEDELTA", "1")  # as bot.cli does for the real bot

# Property-based tests. "ci", the default: the same examples on every run (derandomize), so a
# test fails for a change in the code and never for a new draw; no per-example deadline (the
# machine is shared); examples share the bot a test started (function-scoped fixtures).
# HYPOTHESIS_PROFILE=explore draws new examples, ten times as many, to hunt for bugs.
_PROPERTY_DEFAULTS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "print_blob": True,
}
settings.register_profile(
    "ci", max_examples=30, derandomize=True, database=None, **_PROPERTY_DEFAULTS
)
settings.register_profile("explore", max_examples=300, **_PROPERTY_DEFAULTS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SCHEDULE = ROOT / "schedule.json"
SHARED = ROOT.parent / "shared"
DEMOCON = SHARED / "schedule-format" / "pretalx-democon.json"
# A copy of the real export ships with the tests, so they do not depend on ../shared.
DEMOCON_COPY = Path(__file__).resolve().parent / "data" / "pretalx-democon.json"


def democon_path() -> Path:
    return DEMOCON if DEMOCON.is_file() else DEMOCON_COPY


@pytest.fixture(scope="session")
def compiled_locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .po files compiled to .mo in a temporary folder, as `make catalogs` does."""
    out = tmp_path_factory.mktemp("locales")
    for lang in LANGUAGES:
        po = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        target = out / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        with po.open("rb") as src:
            catalog = read_po(src, locale=lang)
        with (target / "messages.mo").open("wb") as dst:
            write_mo(dst, catalog)
    shutil.copy(LOCALES / "messages.pot", out / "messages.pot")
    return out


@pytest.fixture(scope="session")
def catalogs(compiled_locales: Path) -> Catalogs:
    return Catalogs.load(compiled_locales)


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


@pytest.fixture
def clock() -> Clock:
    """Mid-morning of day 1 in Ninh Binh, while the programme runs."""
    return Clock(at("2025-10-27T10:00:00+07:00"))


def mark_folder(items: list[pytest.Item], folder: Path, mark: pytest.MarkDecorator) -> None:
    """Give `mark` to every collected test under `folder` (a folder conftest's hook calls it)."""
    for item in items:
        if item.path.is_relative_to(folder):
            item.add_marker(mark)
