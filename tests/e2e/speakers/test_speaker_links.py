"""A speaker's deep link, the speakers found by a part of their name, and a speaker's photo
sent as a photo where the export has one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.programme.codes import speaker_code
from standin.telegram import StandIn
from standin.zalo import ZaloStandIn
from tests.conftest import democon_path
from tests.e2e.conftest import RunningBot
from tests.e2e.zalo.test_zalo import channel, choose, meet

PORTRAIT = "https://pretalx.example.org/media/avatars/brian.jpg"


def with_portrait(tmp_path: Path) -> Path:
    """The pretalx demo export, Brian Robinson with an avatar (pretalx exports carry them)."""
    text = democon_path().read_text(encoding="utf-8")
    marked = text.replace(
        '"public_name": "Brian Robinson",',
        f'"public_name": "Brian Robinson", "avatar": {json.dumps(PORTRAIT)},',
    )
    assert marked != text
    path = tmp_path / "democon-portrait.json"
    path.write_text(marked, encoding="utf-8")
    return path


async def test_a_speakers_link_opens_their_card_with_their_photo(
    start_bot: RunningBot, standin: StandIn, tmp_path: Path
) -> None:
    user = standin.user(1911, language_code="en")
    async with start_bot(schedule_path=with_portrait(tmp_path)):
        since = user.seq
        await user.send("/start p_" + speaker_code("Brian Robinson"))
        card = await user.wait_for(lambda m: "Break through direction" in m.text, since=since)
        listed = await user.ask("/speakers")
        tapped = await user.press(listed, "🎤 Amy Sanchez")  # no photo: the card edits in place
    photo, shown = user.events_since(since)[:2]
    assert photo.photo_url == PORTRAIT and photo.caption == "Brian Robinson"
    assert shown.message_id == card.message_id and "🎤 Brian Robinson" in card.text
    assert PORTRAIT not in card.text  # the photo, not its address
    assert tapped.message_id == listed.message_id and "Amy Sanchez" in tapped.text


@pytest.mark.parametrize(
    ("language", "missing", "nothing"),
    [
        (
            "en",
            "No speaker of the programme has the link code 0000000000.",
            "No speaker’s name matches “zzyzx”.",
        ),
        (
            "vi",
            "Không có diễn giả nào trong chương trình mang mã liên kết 0000000000.",
            "Không có diễn giả nào có tên khớp với “zzyzx”.",
        ),
        (
            "fr",
            "Aucun intervenant du programme ne correspond au code de lien 0000000000.",
            "Aucun nom d’intervenant ne correspond à «\u00a0zzyzx\u00a0».",
        ),
    ],
)
async def test_part_of_a_name_finds_the_speakers_and_what_names_no_one_says_so(
    start_bot: RunningBot, standin: StandIn, language: str, missing: str, nothing: str
) -> None:
    user = standin.user(1913, language_code=language)
    async with start_bot(schedule_path=democon_path()):
        found = await user.ask("/speakers MORGAN")
        one = await user.ask("/speakers jef mor")
        none = await user.ask("/speakers zzyzx")
        card = await user.press(one, "🎤 Jeffrey Morgan")
        menu = await user.ask("/start p_0000000000")
    assert found.labels[:2] == ["🎤 Jeffrey Morgan", "🎤 Thomas Morgan"]
    assert one.labels[0] == "🎤 Jeffrey Morgan" and len(one.labels) == 3  # + back, menu
    assert none.text.startswith(nothing)
    assert "🎤 Adrian Pennington" in none.labels  # the whole list below the note
    assert "Expanded client-server moderator" in card.text
    # an unknown speaker's link: the note above the main menu
    assert menu.text.startswith(missing) and len(menu.buttons) > 3


async def test_a_vietnamese_name_is_found_without_its_accents(
    bot: object, standin: StandIn
) -> None:
    user = standin.user(1914, language_code="vi")
    found = await user.ask("/speakers ngoc")
    assert "🎤 Phạm Quang Ngọc" in found.labels


async def test_zalo_finds_a_speaker_by_a_typed_command_and_shows_the_photo_link(
    start_bot: RunningBot, zalo: ZaloStandIn, tmp_path: Path
) -> None:
    lan = zalo.user("8123456789012345621", name="Lan", name_field="display_name")
    async with start_bot(zalo=channel(zalo), schedule_path=with_portrait(tmp_path)):
        await meet(lan, "en")
        found = await lan.ask("/speakers robinson")
        card = await choose(lan, found, "Brian Robinson")
    assert "1. 🎤 Brian Robinson" in found.text
    assert "🎤 Brian Robinson" in card.text and "📷 " + PORTRAIT in card.text
    assert card.photo is None  # numbered text: the photo's link
