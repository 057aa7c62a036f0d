"""Speakers end to end: the list by name in vi/en/fr, a speaker card with the biography from
the pretalx demo export, and a session card linking to its speakers."""

from __future__ import annotations

import pytest

from standin.telegram import StandIn
from tests.conftest import democon_path
from tests.e2e.conftest import RunningBot


async def test_a_card_links_to_its_speaker_with_the_exports_biography(
    start_bot: RunningBot, standin: StandIn
) -> None:
    user = standin.user(720, language_code="en")
    async with start_bot(schedule_path=democon_path()):
        card = await user.ask("/start s_25")
        speaker = await user.press(card, "🎤 Brian Robinson")
        session = await user.press(speaker, next(x for x in speaker.labels if "Focused" in x))
        back = await user.press(session, "‹ Back")
    assert "Brian Robinson" in speaker.text
    assert "Break through direction" in speaker.text  # the biography
    assert "Focused 5thgeneration hardware" in speaker.text
    assert "Brian Robinson" in back.text


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Speakers (27 speakers)"),
        ("vi", "Diễn giả (27 diễn giả)"),
        ("fr", "Intervenants (27 intervenants)"),
    ],
)
async def test_the_speakers_by_name_page_by_page(
    start_bot: RunningBot, standin: StandIn, language: str, title: str
) -> None:
    user = standin.user(721, language_code=language)
    async with start_bot(schedule_path=democon_path()):
        first = await user.ask("/speakers")
        second = await user.press(first, "›")
    assert title in first.text
    assert first.labels[:2] == ["🎤 Adrian Pennington", "🎤 Amy Sanchez"]
    assert "1/5" in first.labels and "2/5" in second.labels
