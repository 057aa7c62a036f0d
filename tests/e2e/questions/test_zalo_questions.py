"""A question to the panel asked from Zalo, as numbered text, and voted for there."""

from __future__ import annotations

from bot.channels import ZALO
from bot.features.questions.rules import Move
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.zalo.test_zalo import TIMEOUT, channel, choose, meet

ORGANIZER = 9900


async def test_a_zalo_attendee_asks_and_votes_in_numbered_text(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345001", name="Lan")
    async with start_bot(zalo=channel(zalo), organizers=frozenset({ORGANIZER})) as bot:
        deps = bot.bot_data.deps
        await meet(lan, "vi")
        card = await lan.ask("S-MRAIG", timeout=TIMEOUT)  # the card's short code
        listed = await choose(lan, card, "❓")
        prompt = await choose(lan, listed, "Đặt câu hỏi")
        assert "Vui lòng nhập câu hỏi" in prompt.text
        asked = await lan.ask("Việt Nam sẽ hợp tác với ASEAN về AI như thế nào?", timeout=TIMEOUT)
        assert "Xin cảm ơn Quý vị" in asked.text and "<b>" not in asked.text
        guid = deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
        (question,) = await deps.storage.questions.of_session(guid, ("pending",))
        assert question.language == "vi"
        user_id, _ = await deps.storage.channel_users.user_id(ZALO, lan.id)
        assert question.user_id == user_id
        assert await deps.questions.move(ORGANIZER, question.id, Move.APPROVE, "pending")
        listed = await choose(lan, asked, "Câu hỏi")
        assert "hợp tác với ASEAN" in listed.text
        voted = await choose(lan, listed, "👍 1")
        assert "1 lượt bình chọn" in voted.text
