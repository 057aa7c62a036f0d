"""Sharing end to end: inline mode offers session cards within Telegram's limits, their link
opens the card in the bot, the ↗️ Share button starts inline mode, Zalo's short codes, and
what a forged link or code gets."""

from __future__ import annotations

import re
from typing import Any

import pytest

from standin.telegram import StandIn
from standin.telegram.users import InlineAnswer
from standin.zalo import ZaloStandIn
from tests.conftest import democon_path
from tests.e2e.conftest import RunningBot
from tests.e2e.zalo.test_zalo import channel, meet

# Telegram's rule for a start parameter: 1-64 of A-Z a-z 0-9 _ -.
START_LINK = re.compile(r"https://t\.me/standin_bot\?start=([A-Za-z0-9_-]{1,64})")


def link_of(result: dict[str, Any]) -> str:
    """The start parameter of the one URL button under a posted card."""
    (row,) = result["reply_markup"]["inline_keyboard"]
    (button,) = row
    found = START_LINK.fullmatch(button["url"])
    assert found, button["url"]
    return found.group(1)


def within_limits(answer: InlineAnswer) -> None:
    assert len(answer.results) <= 50
    ids = [r["id"] for r in answer.results]
    assert len(set(ids)) == len(ids)
    assert all(1 <= len(i.encode()) <= 64 for i in ids)
    assert answer.is_personal and answer.cache_time is not None and answer.cache_time <= 60


@pytest.mark.parametrize(
    ("language", "title", "open_label", "when"),
    [
        ("en", "Ministerial Roundtable on AI Governance", "Open in the bot", "Monday 27 October"),
        ("vi", "Hội nghị bàn tròn cấp Bộ trưởng", "Mở trong bot", "Thứ Hai, ngày 27/10"),
        ("fr", "Table ronde ministérielle", "Ouvrir dans le bot", "Lundi 27 octobre"),
    ],
)
async def test_an_inline_query_offers_cards_whose_link_opens_the_card(
    start_bot: RunningBot,
    standin: StandIn,
    language: str,
    title: str,
    open_label: str,
    when: str,
) -> None:
    user = standin.user(1901, language_code=language)
    async with start_bot():
        answer = await user.ask_inline("roundtable")
        best = answer.results[0]
        card = await user.ask("/start " + link_of(best))
    within_limits(answer)
    assert best["id"] == "AIGOV" and best["title"].startswith(title)
    assert best["reply_markup"]["inline_keyboard"][0][0]["text"] == open_label
    posted = best["input_message_content"]
    assert posted["parse_mode"] == "HTML" and title in posted["message_text"]
    assert when in posted["message_text"]
    assert title in card.text and "📍" in card.text  # the card in the bot


async def test_nothing_typed_offers_what_is_on_now_then_next(bot: object, standin: StandIn) -> None:
    user = standin.user(1902, language_code="en")
    answer = await user.ask_inline("")
    within_limits(answer)
    # 10:00 on day 1: the exhibition (08:00-17:00) runs; the keynote at 10:00 starts now.
    ids = [r["id"] for r in answer.results]
    assert ids[:2] == ["EXPO1", "GILL"]
    assert "AIGOV" in ids and "CLOSE" not in ids[:5]


async def test_an_over_long_or_pointless_query_is_answered_within_limits(
    bot: object, standin: StandIn
) -> None:
    user = standin.user(1903, language_code="en")
    long = await user.ask_inline("roundtable " * 60)  # 660 characters: more than Telegram allows
    nothing = await user.ask_inline("zzzqqq")
    forged_offset = await user.ask_inline("ai", offset="-7; drop table")
    within_limits(long)
    assert long.results and long.results[0]["id"] == "AIGOV"
    assert nothing.results == [] and nothing.next_offset == ""
    within_limits(forged_offset)
    assert forged_offset.results  # read as the first page


async def test_the_share_button_starts_inline_mode_with_the_sessions_code(
    bot: object, standin: StandIn
) -> None:
    user = standin.user(1904, language_code="fr")
    card = await user.ask("/start s_AIGOV")
    share = [b for row in card.raw["reply_markup"]["inline_keyboard"] for b in row][-1]
    assert share == {"text": "↗️ Partager", "switch_inline_query": "S-MRAIG"}
    answer = await user.ask_inline(share["switch_inline_query"])
    assert [r["id"] for r in answer.results] == ["AIGOV"]
    # a typed code opens the card on Telegram too
    typed = await user.ask("s-mraig")
    assert "Table ronde ministérielle" in typed.text


async def test_the_inline_answer_is_in_the_stored_language_over_the_apps(
    bot: object, standin: StandIn
) -> None:
    user = standin.user(1905, language_code="fr")
    picker = await user.ask("/language")
    await user.press(picker, next(label for label in picker.labels if "Tiếng Việt" in label))
    answer = await user.ask_inline("roundtable")
    assert answer.results[0]["title"].startswith("Hội nghị bàn tròn")


async def test_a_code_or_link_that_names_nothing_says_so_with_the_main_menu(
    bot: object, standin: StandIn
) -> None:
    user = standin.user(1906, language_code="en")
    since = user.seq
    code = await user.ask("S-ZZZZ")
    menu = await user.wait_for(lambda m: "🌐 Language" in m.labels, since=since)
    forged = await user.ask("/start zz_9$")  # no t.me link carries a "$"
    campaign = await user.ask("/start poster_hall_b")  # a poster's own code: the welcome
    session = await user.ask("/start s_NOPE")
    assert code.text == "No session has the code S-ZZZZ. Here is the main menu."
    assert menu.message_id == code.message_id + 1  # the main menu, below the notice
    assert forged.text.startswith("This link does not open anything in the bot.")
    assert campaign.text.startswith("Hello Ana!")
    assert "There is no session with the code NOPE" in session.text


async def test_zalo_prints_a_short_code_that_opens_the_card(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345619", name="Lan", name_field="display_name")
    async with start_bot(zalo=channel(zalo)):
        await meet(lan, "vi")
        card = await lan.ask("/start s_AIGOV")
        typed = await lan.ask("S-MRAIG")
        wrong = await lan.ask("s-nope9")
    assert "↗️ Để chia sẻ phiên này: gửi S-MRAIG cho bot." in card.text
    assert "Chia sẻ" not in card.text.split("↗️")[0]  # no Share choice on numbered text
    assert "Hội nghị bàn tròn cấp Bộ trưởng" in typed.text
    assert "S-NOPE9" in wrong.text


async def test_a_speaker_the_search_ranks_first_is_offered_with_a_link_to_their_card(
    start_bot: RunningBot, standin: StandIn
) -> None:
    user = standin.user(1907, language_code="en")
    async with start_bot(schedule_path=democon_path()):
        answer = await user.ask_inline("curtis")
        speaker, *sessions = answer.results
        card = await user.ask("/start " + link_of(speaker))
    within_limits(answer)
    assert speaker["title"] == "🎤 Curtis Andrews" and speaker["description"] == "5 sessions"
    assert (
        "Triple-buffered methodical superstructure"
        in (speaker["input_message_content"]["message_text"])
    )
    assert len(sessions) == 5 and all(
        START_LINK.fullmatch(r["reply_markup"]["inline_keyboard"][0][0]["url"]) for r in sessions
    )
    assert card.text.startswith("🎤 Curtis Andrews")
