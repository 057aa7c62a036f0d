"""Exhibitors take part as companies: a staff member of booth B12 opens /matching and finds
their exhibitor's name already as the organization (in their language), publishes, and the
others see "🏢 Exhibitor, booth B12" on the suggestion and the card; nobody else is marked."""

from __future__ import annotations

from standin.telegram import StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.exhibition.test_leads import ORGANIZER, STAFF_B12, grant
from tests.e2e.matching.test_matching import press, quick_profile

COMPANY_VI = "Đơn vị triển lãm K — Trung tâm giám sát an ninh mạng"


async def test_an_exhibitor_takes_part_as_its_company(
    start_bot: RunningBot, standin: StandIn
) -> None:
    staff = standin.user(STAFF_B12, language_code="vi")
    guest = standin.user(7401, first_name="G", language_code="fr")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        deps = bot.bot_data.deps
        await staff.ask("/start")
        await guest.ask("/start")
        await grant(standin, "B12", STAFF_B12)
        home = await staff.ask("/matching")
        assert COMPANY_VI in (home.text or "")  # prefilled: nothing typed
        assert "🏢 Đơn vị triển lãm, gian hàng B12" in (home.text or "")
        shown = await press(staff, home, "✅ Công khai hồ sơ")
        assert "Quý vị" in (shown.text or "")
        await quick_profile(deps, 7402, "Sony")  # not an exhibitor: never marked

        await guest.ask("/matching")
        await quick_profile(deps, 7401, "Acme Robotics")
        suggestions = await press(guest, await guest.ask("/matching"), "👥")
        lines = (suggestions.text or "").splitlines()
        company = next(line for line in lines if COMPANY_VI in line)
        assert "🏢 Exposant, stand B12" in company
        assert "🏢" not in next(line for line in lines if "Sony" in line)
        card = await press(guest, suggestions, "Đơn vị triển lãm K")
        assert "🏢 Exposant, stand B12" in (card.text or "")
        mine = await deps.storage.matching.profile(STAFF_B12)
        assert mine is not None and mine.organization == COMPANY_VI and mine.visible
