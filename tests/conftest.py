"""Shared fixtures: the real catalogs compiled once, real schedule files, a movable clock."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.clock import Clock
from bot.i18n import LANGUAGES, Catalogs

os.environ.setdefault("PTB_TIMEDELTA", "1")  # as bot.cli does for the real bot

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
