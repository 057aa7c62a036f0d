"""A bot whose inline mode is not enabled with @BotFather: cards carry no ↗️ Share button (it
would open an empty chat picker); the rest of the card is as ever."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from standin.telegram import Limits, StandIn


@pytest.fixture
async def standin() -> AsyncIterator[StandIn]:
    async with StandIn(limits=Limits(enforce=False), inline_mode=False) as server:
        yield server


async def test_without_inline_mode_a_card_has_no_share_button(
    bot: object, standin: StandIn
) -> None:
    user = standin.user(1931, language_code="en")
    card = await user.ask("/start s_AIGOV")
    buttons = [b for row in card.raw["reply_markup"]["inline_keyboard"] for b in row]
    assert "↗️ Share" not in card.labels
    assert not any("switch_inline_query" in b for b in buttons)
    assert "🔔 Follow and remind me" in card.labels and "📍 Venue" in card.labels
