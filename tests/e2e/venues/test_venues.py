"""Venues and practical information end to end: the screens in vi/en/fr, the map pin
(sendVenue), the 📍 of a card, the coaches by the bot's clock, invalid data refused, Zalo."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest

from bot.clock import Clock
from bot.config import PROJECT_ROOT, Settings
from bot.core import load_startup_files
from bot.features.venues.loader import VenuesError
from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from standin.zalo import ZaloStandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot
from tests.e2e.robustness.test_health import free_port
from tests.e2e.zalo.test_zalo import channel, choose, meet

VENUES = PROJECT_ROOT / "data" / "venues.json"


@pytest.mark.parametrize(
    ("language", "title", "hall", "today"),
    [
        ("en", "Venues and practical information", "Halls", "Today here"),
        ("vi", "Địa điểm và thông tin hữu ích", "Hội trường", "Hôm nay tại đây"),
        ("fr", "Lieux et informations pratiques", "Salles", "Aujourd’hui ici"),
    ],
)
async def test_from_the_menu_to_a_venue_and_its_map_pin(
    bot: BotApplication, standin: StandIn, language: str, title: str, hall: str, today: str
) -> None:
    user = standin.user(700, language_code=language)
    home = await user.ask("/start")
    entry = next(label for label in home.labels if label.startswith("📍"))
    venues = await user.press(home, entry)
    assert title in venues.text
    ninh_binh = next(label for label in venues.labels if "Ninh B" in label)
    venue = await user.press(venues, ninh_binh)
    assert hall in venue.text and today in venue.text
    assert "VIDW2025" in venue.text  # the Wi-Fi
    assert any(label.startswith("10:") or label.startswith("11:") for label in venue.labels)
    pin_label = next(label for label in venue.labels if label.startswith("📍"))
    since = user.seq
    await user.tap(venue, pin_label)
    pin = await user.wait_for(lambda m: m.venue is not None, since=since)
    assert pin.venue is not None
    assert pin.venue["location"]["latitude"] == pytest.approx(20.2506)
    assert "Ninh B" in pin.venue["title"] and pin.venue["address"]


async def test_the_pin_of_a_card_opens_its_rooms_venue(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(701, language_code="en")
    card = await user.ask("/start s_AIGOV")
    venue = await user.press(card, "📍 Venue")
    assert "Ninh Binh — main venue" in venue.text
    assert "Ninh Binh — Main Hall" in venue.text


async def test_the_venue_command_and_practical_topics_in_french(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(702, language_code="fr")
    venues = await user.ask("/venue")
    topics = await user.press(venues, "ℹ️ Informations pratiques")
    emergency = await user.press(topics, "Urgences")
    assert "ambulance 115" in emergency.text
    back = await user.press(emergency, "‹ Informations pratiques")
    assert "Veuillez choisir une rubrique." in back.text


@pytest.mark.parametrize(
    ("now", "first", "also", "absent"),
    [
        # the evening before: the two morning coaches from Hanoi, the earlier first
        ("2025-10-26T20:00:00+07:00", "Mon 27/10 05:30", "06:15", "17:30"),
        # between the two coaches of day 2's evening
        ("2025-10-28T18:00:00+07:00", "Tue 28/10 19:00", "Wed 29/10 06:00", "17:30"),
        # after the last coach: none
        ("2025-10-29T10:00:00+07:00", "No more coaches are planned.", "", "06:00"),
    ],
)
async def test_the_next_coach_by_the_clock(
    start_bot: RunningBot,
    standin: StandIn,
    clock: Clock,
    now: str,
    first: str,
    also: str,
    absent: str,
) -> None:
    clock.set(at(now))
    async with start_bot():
        user = standin.user(703, language_code="en")
        transport = await user.ask("/transport")
    text = transport.text
    assert first in text and also in text
    assert absent not in text
    if "Next departure" in text:
        assert text.index("Next departure") < text.index(first)


async def test_vietnamese_transport_by_its_plain_word(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(704, language_code="vi")
    transport = await user.ask("xe đưa đón")
    assert "Xe đưa đón giữa hai thành phố" in transport.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["venues"][0].pop("latitude"), "venues.0"),
        (lambda d: d["venues"][1].__setitem__("latitude", 123), "venues.1.latitude"),
        (lambda d: d["venues"][0]["name"].pop("fr"), "venues.0.name"),
        (lambda d: d["coaches"][0].__setitem__("to", "da-nang"), "coaches.0.to"),
        (lambda d: d["coaches"][2].__setitem__("departs", "25:00"), "coaches.2.departs"),
        (
            lambda d: d["venues"][1]["halls"].append(d["venues"][0]["halls"][0]),
            "venues.1.halls.3.room",
        ),
        (
            lambda d: d["venues"][1].__setitem__("floor_plan", "../secret.png"),
            "venues.1.floor_plan",
        ),
        (lambda d: d["venues"][0].__setitem__("floor_plan", "nowhere.png"), "venues.0.floor_plan"),
    ],
)
def test_invalid_venues_data_stops_the_start_naming_file_and_field(
    settings: Settings, tmp_path: Path, change: object, field: str
) -> None:
    document = json.loads(VENUES.read_text(encoding="utf-8"))
    change(document)  # type: ignore[operator]
    broken = tmp_path / "venues.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    shutil.copytree(VENUES.parent / "floorplans", tmp_path / "floorplans")
    with pytest.raises(VenuesError) as caught:
        load_startup_files(replace(settings, venues_path=broken))
    assert str(broken) in str(caught.value)
    assert f"field '{field}'" in str(caught.value)


async def test_zalo_shows_venues_as_numbered_text_and_the_pin_as_a_link(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345600", name="Lan", name_field="display_name")
    async with start_bot(zalo=channel(zalo)):
        home = await meet(lan, "en")
        venues = await choose(lan, home, "Venues & practical info")
        venue = await choose(lan, venues, "Hanoi")
        pin = await choose(lan, venue, "Map pin")
    assert "1. " in venues.text and "<b>" not in venue.text
    assert "Hanoi — Hall 1" in venue.text
    assert "https://www.google.com/maps/search/?api=1&query=21.006500,105.787600" in pin.text
    assert "21.006500, 105.787600" in pin.text


async def test_the_reminder_of_a_session_in_the_other_city_mentions_the_coach(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    user = standin.user(705, language_code="en")
    near = standin.user(706, language_code="en")
    async with start_bot():
        for who, key in ((user, "EUCOOP"), (near, "AITAL")):
            card = await who.ask(f"/start s_{key}")
            await who.press(card, data=f"F:{key}")
    mark, near_mark = user.seq, near.seq
    clock.set(at("2025-10-29T08:14:58.5+07:00"))  # EUCOOP: Hanoi, 08:30; day 2 was Ninh Binh
    async with start_bot():
        reminder = await user.wait_for(lambda m: m.text.startswith("⏰"), since=mark, timeout=10)
    assert "🚌 This session is in Hanoi — day 3 venue, another city than the day before" in (
        reminder.text
    )
    assert "Tue 28/10 17:30" in reminder.text and "Wed 29/10 06:00" in reminder.text
    # a session in the same city as the day before: no coach
    clock.set(at("2025-10-27T13:14:58.5+07:00"))
    async with start_bot():
        same = await near.wait_for(lambda m: m.text.startswith("⏰"), since=near_mark, timeout=10)
    assert "🚌" not in same.text


async def test_a_deep_link_opens_a_venue_or_says_there_is_none(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(707, language_code="en")
    venue = await user.ask("/start v_hanoi")
    missing = await user.ask("/start v_da-nang")
    assert "Hanoi — day 3 venue" in venue.text and "Hanoi — Hall 1" in venue.text
    assert "There is no venue da-nang in the venues guide." in missing.text


async def test_a_venue_shows_its_floor_plan_served_by_the_console(
    start_bot: RunningBot, standin: StandIn
) -> None:
    port = free_port()
    public = "https://bot.example.org"
    async with start_bot(console_listen=("127.0.0.1", port), console_url=public):
        user = standin.user(760, language_code="fr")
        venue = await user.ask("/start v_hanoi")
        photo = await user.press(venue, "🧭 Plan des lieux")
        assert photo.photo_url == f"{public}/floorplans/hanoi.png"
        assert "Plan des lieux" in str(photo.raw.get("caption", ""))
        async with (
            aiohttp.ClientSession() as client,
            client.get(f"http://127.0.0.1:{port}/floorplans/hanoi.png") as served,
        ):
            assert served.status == 200 and served.content_type == "image/png"
            assert (await served.read())[:8] == b"\x89PNG\r\n\x1a\n"


async def test_no_floor_plan_is_offered_without_a_public_address(
    bot: BotApplication, standin: StandIn
) -> None:
    venue = await standin.user(761, language_code="en").ask("/start v_hanoi")
    assert not [label for label in venue.labels if "Floor plan" in label]
