"""Ranked search end to end, on Telegram and on Zalo: the right session first, what matched,
the theme, speaker or room that matches better, a suggestion when nothing matches."""

from __future__ import annotations

from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, StandIn
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.zalo.test_zalo import TIMEOUT, channel, choose, meet


def label_starting(message: ChatMessage, prefix: str) -> str:
    return next(label for label in message.labels if label.startswith(prefix))


def session_labels(message: ChatMessage) -> list[str]:
    """The buttons that open sessions: they start with the session's time."""
    return [label for label in message.labels if label[:2].isdigit() and label[2] == ":"]


async def test_the_right_session_comes_first_in_each_language(
    bot: BotApplication, standin: StandIn
) -> None:
    vi = standin.user(1700, language_code="vi")
    en = standin.user(1701, language_code="en")
    fr = standin.user(1702, language_code="fr")
    transformation = await vi.ask("chuyen doi so")
    startups = await en.ask("startups")
    governance = await fr.ask("gouvernance de l'IA")
    centres = await en.ask("data center")
    # The theme itself is offered first, then its workshop (not the exhibition's abstract).
    assert transformation.labels[0] == "🏷 Chuyển đổi số (5)"
    assert session_labels(transformation)[0].endswith("Chuyển đổi số dựa trên AI")
    assert "🏷 Chủ đề: Chuyển đổi số (5 phiên)" in transformation.text
    assert session_labels(startups)[0].startswith("08:30 Investing in AI startups")
    assert session_labels(governance)[0].startswith("10:30 Table ronde ministérielle")
    assert session_labels(centres)[0].startswith("15:15 Data centres for AI")
    theme = await vi.press(transformation, "🏷 Chuyển đổi số (5)")
    assert theme.text.startswith("Chủ đề: Chuyển đổi số")


async def test_a_result_says_what_matched_when_it_is_not_the_title(
    bot: BotApplication, standin: StandIn
) -> None:
    en = standin.user(1710, language_code="en")
    vi = standin.user(1711, language_code="vi")
    baker = await en.ask("jonathan baker")
    table = await vi.ask("table ronde")
    assert "🔎 speaker: Jonathan Baker" in baker.text
    assert "🔎 tên phiên (tiếng Pháp): Table ronde ministérielle" in table.text
    assert "Hội nghị bàn tròn cấp Bộ trưởng" in table.text  # listed by its Vietnamese title


async def test_a_speaker_and_a_room_have_their_own_pages(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(1720, language_code="en")
    hall = await user.ask("hall b")
    assert hall.labels[0] == "📍 Ninh Binh — Hall B (5)"
    room = await user.press(hall, "📍 Ninh Binh — Hall B (5)")
    assert room.text.startswith("Room: Ninh Binh — Hall B")
    assert len(session_labels(room)) == 5
    card = await user.press(room, session_labels(room)[0])
    assert "Ninh Binh: from full fibre coverage to 5G" in card.text
    again = await user.press(card, "‹ Back")
    assert again.text.startswith("Room: Ninh Binh — Hall B")
    results = await user.press(again, "‹ Search results")
    assert "found for “hall b”" in results.text


async def test_nothing_found_suggests_the_closest_speaker_or_theme(
    bot: BotApplication, standin: StandIn
) -> None:
    fr = standin.user(1730, language_code="fr")
    nothing = await fr.ask("blair zebra")
    assert "Aucun résultat pour «\u00a0blair zebra\u00a0»" in nothing.text
    assert "Vous cherchez peut-être les interventions de Tony Blair." in nothing.text
    speaker = await fr.press(nothing, "🎤 Tony Blair (1)")
    assert speaker.text.startswith("Intervenant\u00a0: Tony Blair")
    assert session_labels(speaker) == ["09:30 Discours de M. Tony Blair"]
    typo = await fr.ask("goverance")  # one letter missing, in English
    assert session_labels(typo)[0].startswith("10:30 Table ronde ministérielle")


async def test_zalo_gets_the_same_ranked_results(start_bot: RunningBot, zalo: ZaloStandIn) -> None:
    user = zalo.user("7100000000000000001", name="Minh")
    async with start_bot(zalo=channel(zalo)):
        await meet(user, "vi")
        found = await user.ask("khoi nghiep", timeout=TIMEOUT)
        hint = await user.ask("jonathan baker", timeout=TIMEOUT)
        nothing = await user.ask("blair zebra", timeout=TIMEOUT)
        speaker = await choose(user, nothing, "🎤 Tony Blair")
    lines = found.text.splitlines()
    first = next(line for line in lines if line.startswith("1. "))
    assert "Đầu tư cho khởi nghiệp AI" in first  # the startup panel before the open-source one
    assert "🔎 diễn giả: Jonathan Baker" in hint.text
    assert "Có thể Quý vị đang tìm các phiên của diễn giả Tony Blair." in nothing.text
    assert speaker.text.startswith("Diễn giả: Tony Blair")
