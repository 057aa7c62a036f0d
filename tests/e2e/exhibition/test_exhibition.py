"""The exhibition end to end: browse by theme and by booth area in vi/en/fr, a card and its
📍, exhibitors in search, a booth's t.me link and its code typed on Zalo, an invalid exhibitors
file refused naming file, entry and field (at start; later the last good list stays)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.core import load_startup_files
from bot.features.exhibition.loader import ExhibitorsError, ExhibitorsFile
from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.zalo.test_zalo import channel, choose, meet

EXHIBITORS = PROJECT_ROOT / "data" / "exhibitors.json"


@pytest.mark.parametrize(
    ("language", "menu", "by_theme", "theme", "booth", "seeks"),
    [
        (
            "en",
            "🏢 Exhibition",
            "🏷 By theme",
            "Artificial intelligence",
            "Booth B12",
            "Looking for",
        ),
        ("vi", "🏢 Triển lãm", "🏷 Theo chủ đề", "Trí tuệ nhân tạo", "Gian hàng B12", "Đang tìm"),
        (
            "fr",
            "🏢 Exposition",
            "🏷 Par thème",
            "Intelligence artificielle",
            "Stand B12",
            "Recherche",
        ),
    ],
)
async def test_from_the_menu_by_theme_to_a_card_and_its_place(
    bot: BotApplication,
    standin: StandIn,
    language: str,
    menu: str,
    by_theme: str,
    theme: str,
    booth: str,
    seeks: str,
) -> None:
    user = standin.user(740, language_code=language)
    home = await user.ask("/start")
    front = await user.press(home, menu)
    assert "illustrative" in front.text or "minh họa" in front.text or "indicatif" in front.text
    themes = await user.press(front, by_theme)
    first = await user.press(themes, next(la for la in themes.labels if la.startswith(theme)))
    assert "B1 " in first.text and "1/2" in first.labels  # six a page
    listing = await user.press(first, "›")
    card = await user.press(listing, next(la for la in listing.labels if la.startswith("B12 ")))
    assert booth in card.text and seeks in card.text
    assert "https://example.com/exhibitor-k" in card.text
    back = await user.press(card, card.labels[-2])  # ‹ Back: the theme's page again
    assert back.text == listing.text
    where = await user.press(card, card.labels[0])  # 📍
    assert "Ninh B" in where.text and "Wi-Fi" in where.text  # the venue of the exhibition


async def test_by_booth_area_with_pages(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(741, language_code="en")
    front = await user.ask("/exhibition")
    areas = await user.press(front, "🗺 By booth area")
    assert "Under the large canopy" in areas.text or "under the large canopy" in areas.text
    area_b = await user.press(areas, "Area B — Artificial intelligence (7)")
    assert "B1 " in area_b.text and "B12" not in area_b.text  # six a page
    second = await user.press(area_b, "›")
    assert "B12 Exhibitor K" in second.text
    everyone = await user.press(front, "📋 All 20 exhibitors")
    assert "1/4" in everyone.labels


@pytest.mark.parametrize(
    ("language", "query", "label"),
    [
        ("en", "speech recognition", "🏢 B1 · Exhibitor E"),
        ("vi", "nhận dạng tiếng nói", "🏢 B1 · Đơn vị triển lãm E"),
        ("fr", "reconnaissance vocale", "🏢 B1 · Exposant E"),
    ],
)
async def test_typed_words_find_an_exhibitor(
    bot: BotApplication, standin: StandIn, language: str, query: str, label: str
) -> None:
    user = standin.user(742, language_code=language)
    found = await user.ask(query)
    button = next(la for la in found.labels if la.startswith(label))
    card = await user.press(found, button)
    assert "B1" in card.text


async def test_a_search_with_sessions_offers_the_exhibitor_below_them(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(743, language_code="en")
    found = await user.ask("heritage")
    assert "session" in found.text  # the programme first
    exhibitor = next(i for i, label in enumerate(found.labels) if label.startswith("🏢 B6"))
    assert exhibitor > 0 and found.labels[0][:2].isdigit()  # below a session (its time)


async def test_a_booth_link_opens_the_card_or_says_there_is_none(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(744, language_code="en")
    card = await user.ask("/start x_B12")
    missing = await user.ask("/start x_Z9")
    assert "Exhibitor K" in card.text and "Booth B12" in card.text
    assert "There is no exhibitor at the booth Z9." in missing.text
    typed = await user.ask("b 12")
    assert "Exhibitor K" in typed.text


async def test_zalo_a_typed_booth_code_opens_the_exhibitor(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345640", name="Lan", name_field="display_name")
    async with start_bot(zalo=channel(zalo)):
        await meet(lan, "vi")
        card = await lan.ask("B12")
        front = await choose(lan, card, "Triển lãm")
        area = await choose(lan, await choose(lan, front, "Theo khu gian hàng"), "Khu D")
    assert "Gian hàng B12" in card.text and "<b>" not in card.text
    assert "Mã gian hàng B12" in card.text
    assert "D4 · Đơn vị triển lãm T" in area.text


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["exhibitors"][3].pop("short"), "exhibitor 4 (booth A4), field '(the entry)'"),
        (
            lambda d: d["exhibitors"][0].__setitem__("website", "http://x"),
            "exhibitor 1 (booth A1), field 'website'",
        ),
        (
            lambda d: d["exhibitors"][2]["name"].pop("fr"),
            "exhibitor 3 (booth A3), field 'name'",
        ),
        (
            lambda d: d["exhibitors"][1].__setitem__("booth", "A1"),
            "exhibitor 2 (booth A1), field 'booth'",
        ),
        (
            lambda d: d["exhibitors"][5]["themes"].append("blockchain"),
            "exhibitor 6 (booth B2), field 'themes.2'",
        ),
        (lambda d: d["exhibitors"][0].__setitem__("seeks", ["money"]), "field 'seeks.0'"),
        (lambda d: d.__setitem__("venue", "da-nang"), "field 'venue'"),
    ],
)
def test_an_invalid_exhibitors_file_stops_the_start_naming_file_entry_and_field(
    settings: Settings, tmp_path: Path, change: object, where: str
) -> None:
    document = json.loads(EXHIBITORS.read_text(encoding="utf-8"))
    change(document)  # type: ignore[operator]
    broken = tmp_path / "exhibitors.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ExhibitorsError) as caught:
        load_startup_files(replace(settings, exhibitors_path=broken))
    assert str(broken) in str(caught.value)
    assert where in str(caught.value)


def test_a_file_that_becomes_invalid_keeps_the_last_good_list(tmp_path: Path) -> None:
    path = tmp_path / "exhibitors.json"
    document = json.loads(EXHIBITORS.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document), encoding="utf-8")
    exhibits = ExhibitorsFile(path)
    assert len(exhibits.catalogue.exhibitors) == 20
    path.write_text("{not json", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a new stamp, whatever the file system's resolution
    assert len(exhibits.catalogue.exhibitors) == 20
    assert exhibits.problem is not None and "not valid JSON at line 1" in exhibits.problem
    del document["exhibitors"][0]
    path.write_text(json.dumps(document), encoding="utf-8")
    os.utime(path, ns=(2, 2))
    assert len(exhibits.catalogue.exhibitors) == 19 and exhibits.problem is None


def test_no_exhibitors_file_stops_the_start(settings: Settings, tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(ExhibitorsError, match="cannot read the exhibitors file"):
        load_startup_files(replace(settings, exhibitors_path=missing))
