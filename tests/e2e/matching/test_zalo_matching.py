"""Business matching from Zalo, in numbered text: the profile, a request, and the answer to a
counter-proposal."""

from __future__ import annotations

from bot.features.matching.rules import Details
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.matching.test_matching import FIRST, SECOND
from tests.e2e.zalo.test_zalo import TIMEOUT, channel, choose, meet, user_id_of


async def test_a_zalo_participant_requests_and_accepts_in_numbered_text(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345077", name="Lan")
    async with start_bot(zalo=channel(zalo)) as bot:
        deps = bot.bot_data.deps
        await deps.matching.set_details(7700, Details("Toyota", "CTO", "Japan"))
        assert await deps.matching.opt_in(7700)
        await meet(lan, "vi")
        home = await lan.ask("/matching", timeout=TIMEOUT)
        assert "Kết nối doanh nghiệp" in home.text and "<b>" not in home.text
        await choose(lan, home, "Tổ chức, chức vụ, quốc gia")
        home = await lan.ask("VNPT; Phó Giám đốc; Việt Nam", timeout=TIMEOUT)
        assert "VNPT, Phó Giám đốc (Việt Nam)" in home.text
        listed = await choose(lan, home, "Nhu cầu")
        listed = await choose(lan, listed, "Đầu tư")
        home = await choose(lan, listed, "Kết nối doanh nghiệp")
        home = await choose(lan, home, "Công khai hồ sơ")
        assert "Hồ sơ của Quý vị đang hiển thị" in home.text
        suggestions = await choose(lan, home, "Gợi ý")
        card = await choose(lan, suggestions, "Toyota")
        slots = await choose(lan, card, "Đề nghị gặp")
        prompt = await choose(lan, slots, "08:30–08:50")
        sent = await choose(lan, prompt, "Gửi không kèm lời nhắn")
        assert "Đề nghị gặp đã được gửi tới Toyota" in sent.text
        me = await user_id_of(bot, lan)
        (request,) = await deps.storage.matching.requests_of(me)
        mark = lan.seq
        moved = await deps.matching.counter(7700, request.id, SECOND)
        assert getattr(moved, "slot", None) == SECOND
        proposal = await lan.wait_for(
            lambda m: "đề xuất khung giờ khác" in m.text, since=mark, timeout=TIMEOUT
        )
        confirmed = await choose(lan, proposal, "Nhận lời")
        assert "Đã xác nhận cuộc gặp với Toyota" in confirmed.text and "bàn 1" in confirmed.text
        assert await deps.storage.matching.booked_slots(me) == {SECOND}
        assert FIRST not in await deps.storage.matching.booked_slots(7700)
