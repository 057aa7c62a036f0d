"""The event survey: organizers send it, each question in the attendee's language, in order."""

from __future__ import annotations

import asyncio

from bot.clock import Clock
from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, SimUser, StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import until_done

TIMEOUT = 10.0
ORGANIZER = 600


def is_poll(message: ChatMessage) -> bool:
    return message.poll is not None


async def next_poll(user: SimUser, since: int) -> ChatMessage:
    return await user.wait_for(is_poll, since=since, timeout=TIMEOUT)


async def results(bot: BotApplication, question: str) -> dict[str, dict[str, int]]:
    return await bot.bot_data.deps.storage.feedback.results("survey:vidw2025", question)


async def test_an_organizer_sends_the_survey_and_it_goes_question_by_question(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    vi, fr = standin.user(601, language_code="vi"), standin.user(602, language_code="fr")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        for user in (vi, fr):
            await user.ask("/start")
        preview = await organizer.ask("/survey")
        assert "Attendees: 3" in preview.text
        marks = vi.seq, fr.seq
        queued = await organizer.press(preview, "Send to everyone (3)")
        assert queued.text == "The survey is on its way to 3 attendees."

        first_vi, first_fr = await next_poll(vi, marks[0]), await next_poll(fr, marks[1])
        assert first_vi.poll["question"] == "Nhìn chung, Quý vị đánh giá VIDW 2025 thế nào?"
        assert (
            first_fr.poll["question"] == "Dans l’ensemble, comment évaluez-vous la VIDW 2025\u00a0?"
        )
        assert any("Phiếu khảo sát" in (m.text or "") for m in vi.messages)  # the introduction

        mark = vi.seq
        await vi.answer_poll(first_vi.poll["id"], [0])
        themes = await next_poll(vi, mark)
        assert themes.poll["allows_multiple_answers"] is True
        mark = fr.seq
        await fr.answer_poll(first_fr.poll["id"], [0])
        await next_poll(fr, mark)

        mark = vi.seq
        await vi.answer_poll(themes.poll["id"], [2, 3])  # AI, digital transformation
        come_back = await next_poll(vi, mark)
        assert come_back.poll["question"] == "Quý vị có dự định tham dự VIDW 2026 không?"

        # Changing an earlier answer does not send the next question again.
        await vi.answer_poll(themes.poll["id"], [2])
        mark = vi.seq
        await vi.answer_poll(come_back.poll["id"], [0])
        prompt = await vi.wait_for(since=mark, timeout=TIMEOUT)
        assert prompt.buttons == [[("Bỏ qua", "skipc")]]
        saved = await vi.ask("Rất hữu ích, hẹn gặp lại năm sau!")
        assert saved.text.startswith("Trân trọng cảm ơn Quý vị")
        assert (
            sum(1 for m in vi.messages if m.poll and m.poll["question"] == themes.poll["question"])
            == 1
        )

        async with asyncio.timeout(TIMEOUT):
            while (await results(bot, "overall")) != {"5": {"vi": 1, "fr": 1}}:
                await asyncio.sleep(0.02)
        assert await results(bot, "themes") == {"artificial-intelligence": {"vi": 1}}
        comments = await bot.bot_data.deps.storage.feedback.comments("survey:vidw2025")
        assert comments == [(601, "vi", "Rất hữu ích, hẹn gặp lại năm sau!")]


async def test_attendees_cannot_send_the_survey_even_with_a_forged_button(
    start_bot: RunningBot, standin: StandIn
) -> None:
    attendee = standin.user(610, language_code="fr")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        refusal = await attendee.ask("/survey")
        assert (
            refusal.text == "Désolé, cette fonction est réservée aux organisateurs de l’événement."
        )
        for forged in ("svy:0", "svy:1", "svy:3"):
            help_message = await attendee.ask("/help")
            screen = await attendee.press(help_message, data=forged)
            assert screen.text == refusal.text
        progress = await bot.bot_data.deps.delivery.progress("survey:vidw2025")
    assert progress.total == 0


async def test_the_survey_goes_out_by_itself_once_the_last_day_ends(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    user = standin.user(620, language_code="en")
    async with start_bot():
        await user.ask("/start")
    mark = user.seq
    clock.set(at("2025-10-29T17:31:00+07:00"))  # the closing session ends at 17:30
    async with start_bot() as bot:
        poll = await next_poll(user, mark)
        assert poll.poll["question"] == "Overall, how would you rate VIDW 2025?"
        await until_done(bot.bot_data.deps.delivery, "survey:vidw2025")
    async with start_bot() as bot:  # a restart does not send it again
        assert await bot.bot_data.deps.surveys.run() == 0
    assert sum(1 for m in user.messages if is_poll(m)) == 1


async def test_a_bot_started_long_after_the_event_does_not_send_the_survey_by_itself(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    user = standin.user(621, language_code="en")
    async with start_bot():
        await user.ask("/start")
    clock.set(at("2025-11-15T09:00:00+07:00"))  # two weeks after the closing session
    async with start_bot() as bot:
        assert await bot.bot_data.deps.surveys.run() == 0
        await asyncio.sleep(0.3)
    assert not any(is_poll(m) for m in user.messages)


async def test_a_second_send_reaches_nobody_twice_and_stats_count_surveys_apart(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    vi = standin.user(630, language_code="vi")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        await vi.ask("/start")
        queued = await organizer.press(await organizer.ask("/survey"), "Send to everyone (2)")
        assert queued.text == "The survey is on its way to 2 attendees."
        again = await organizer.press(await organizer.ask("/survey"), "Send to everyone (2)")
        assert again.text == "The survey is on its way to 0 attendees."
        await until_done(bot.bot_data.deps.delivery, "survey:vidw2025")
        figures = await organizer.ask("/stats")
    # Two attendees, each an introduction and a first question: two surveys, no feedback poll.
    assert "Surveys: 2" in figures.text
    assert "Feedback polls: 0" in figures.text
    assert sum(1 for m in vi.messages if is_poll(m)) == 1
