"""Feedback polls over the stand-in: in each language, one result, re-votes, comments."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.clock import Clock
from bot.features.feedback.service import VoteOutcome, rating_result
from bot.programme.loader import load_schedule
from bot.programme.model import Session
from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, SimUser, StandIn
from tests.conftest import SCHEDULE, at
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import until_done

TIMEOUT = 10.0


def is_poll(message: ChatMessage) -> bool:
    return message.poll is not None


async def follow(user: SimUser, key: str) -> None:
    card = await user.ask(f"/start s_{key}")
    await user.press(card, data=f"F:{key}")


async def settled(bot: BotApplication, session: Session, counts: dict[str, int]) -> None:
    """Wait until the stored result matches (answers are handled concurrently)."""
    async with asyncio.timeout(TIMEOUT):
        while (await rating_result(bot.bot_data.deps.storage, session)).counts != counts:
            await asyncio.sleep(0.02)


def roundtable() -> Session:
    session = load_schedule(SCHEDULE).session("AIGOV")
    assert session is not None
    return session


async def test_followers_get_the_poll_in_their_language_and_answers_make_one_result(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    people = {
        lang: standin.user(500 + i, language_code=lang) for i, lang in enumerate(("vi", "en", "fr"))
    }
    async with start_bot():
        for user in people.values():
            await follow(user, "AIGOV")
    marks = {lang: user.seq for lang, user in people.items()}
    clock.set(at("2025-10-27T12:04:58.5+07:00"))  # AIGOV ends 12:00; polls 5 minutes later
    async with start_bot() as bot:
        polls = {
            lang: await user.wait_for(is_poll, since=marks[lang], timeout=TIMEOUT)
            for lang, user in people.items()
        }
        assert (
            polls["vi"]
            .poll["question"]
            .startswith("Quý vị đánh giá thế nào về phiên “Hội nghị bàn tròn")
        )
        assert polls["en"].poll["question"] == "How was “Ministerial Roundtable on AI Governance”?"
        assert (
            polls["fr"].poll["question"].startswith("Comment avez-vous trouvé «\u00a0Table ronde")
        )
        assert [o["text"] for o in polls["fr"].poll["options"]][-1] == "Je n’y ai pas assisté"
        assert polls["vi"].poll["is_anonymous"] is False

        offer_marks = {lang: user.seq for lang, user in people.items()}
        await people["vi"].answer_poll(polls["vi"].poll["id"], [0])  # 5
        await people["en"].answer_poll(polls["en"].poll["id"], [1])  # 4
        await people["fr"].answer_poll(polls["fr"].poll["id"], [0])  # 5
        offers = {
            lang: await user.wait_for(since=offer_marks[lang], timeout=TIMEOUT)
            for lang, user in people.items()
        }
        assert offers["vi"].text.startswith("Trân trọng cảm ơn Quý vị!")
        assert offers["fr"].buttons == [[("Passer", "skipc")]]
        result = await rating_result(bot.bot_data.deps.storage, roundtable())
        assert result.counts == {"5": 2, "4": 1}
        assert result.by_language == {"5": {"vi": 1, "fr": 1}, "4": {"en": 1}}
        assert result.mean is not None and round(result.mean, 2) == 4.67

        # Answering again replaces; retracting removes.
        await people["en"].answer_poll(polls["en"].poll["id"], [2])  # 3
        await people["fr"].answer_poll(polls["fr"].poll["id"], [])
        await settled(bot, roundtable(), {"5": 1, "3": 1})


async def test_a_comment_or_skip_after_rating(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    commenter, skipper = (
        standin.user(510, language_code="vi"),
        standin.user(511, language_code="en"),
    )
    async with start_bot():
        await follow(commenter, "AIGOV")
        await follow(skipper, "AIGOV")
    marks = commenter.seq, skipper.seq
    clock.set(at("2025-10-27T12:04:58.5+07:00"))
    async with start_bot() as bot:
        poll_c = await commenter.wait_for(is_poll, since=marks[0], timeout=TIMEOUT)
        poll_s = await skipper.wait_for(is_poll, since=marks[1], timeout=TIMEOUT)
        mark = commenter.seq
        await commenter.answer_poll(poll_c.poll["id"], [1])
        await commenter.wait_for(since=mark, timeout=TIMEOUT)
        too_long = await commenter.ask("x" * 1001)
        assert "1001 ký tự" in too_long.text
        saved = await commenter.ask("Phiên thảo luận rất bổ ích, cảm ơn Ban Tổ chức!")
        assert saved.text == "Trân trọng cảm ơn Quý vị, góp ý đã được chuyển tới Ban Tổ chức."
        mark = skipper.seq
        await skipper.answer_poll(poll_s.poll["id"], [0])
        offer = await skipper.wait_for(since=mark, timeout=TIMEOUT)
        skipped = await skipper.press(offer, "Skip")
        assert skipped.text == "All right, no comment. Thank you!"
        search = await skipper.ask("roundtable")  # plain text is a search again
        assert "found for “roundtable”" in search.text
        comments = await bot.bot_data.deps.storage.feedback.comments(f"session:{roundtable().guid}")
    assert comments == [(510, "vi", "Phiên thảo luận rất bổ ích, cảm ơn Ban Tổ chức!")]


async def test_did_not_attend_and_answers_to_unknown_polls(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    user = standin.user(520, language_code="fr")
    async with start_bot():
        await follow(user, "AIGOV")
    mark = user.seq
    clock.set(at("2025-10-27T12:04:58.5+07:00"))
    async with start_bot() as bot:
        poll = await user.wait_for(is_poll, since=mark, timeout=TIMEOUT)
        await user.answer_poll(poll.poll["id"], [5])  # "I did not attend": no comment offer
        # A poll the bot sent outside the feedback flow, answered: ignored, no crash.
        stray = await bot.bot.send_poll(520, "Stray?", ["a", "b"], is_anonymous=False)
        assert stray.poll is not None
        await user.answer_poll(stray.poll.id, [0])
        reply = await user.ask("/help")
        assert "Comment utiliser ce bot" in reply.text
        feedback = bot.bot_data.deps.feedback
        unknown = await feedback.on_answer("no-such-poll", 520, [0])
        not_theirs = await feedback.on_answer(poll.poll["id"], 999, [0])
        assert unknown.outcome is not_theirs.outcome is VoteOutcome.UNKNOWN
        result = await rating_result(bot.bot_data.deps.storage, roundtable())
    assert result.counts == {"absent": 1}
    assert not any(m.buttons == [[("Passer", "skipc")]] for m in user.messages)  # no offer


async def test_rate_any_started_session_from_the_feedback_picker(
    bot,
    standin: StandIn,  # type: ignore[no-untyped-def]
) -> None:
    user = standin.user(530, language_code="en")  # the clock says 10:00 on day 1
    picker = await user.ask("/feedback")
    assert "Monday 27 October 2025" in picker.labels
    day = await user.press(picker, "Monday 27 October 2025")
    assert "Opening ceremony" in day.text
    assert "Ministerial Roundtable" not in day.text  # starts at 10:30: not yet
    mark = user.seq
    await user.press(day, next(label for label in day.labels if "Opening" in label))
    poll = await user.wait_for(is_poll, since=mark, timeout=TIMEOUT)
    assert poll.poll["question"].startswith("How was “Opening ceremony")
    await user.answer_poll(poll.poll["id"], [0])
    opening = load_schedule(SCHEDULE).session("OPEN")
    assert opening is not None
    await settled(bot, opening, {"5": 1})


async def test_blocked_followers_and_old_polls(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    keen, gone = standin.user(540, language_code="en"), standin.user(541, language_code="en")
    async with start_bot():
        await follow(keen, "AIGOV")
        await follow(gone, "AIGOV")
    standin.block(541)
    mark = keen.seq
    clock.set(at("2025-10-27T12:04:58.5+07:00"))
    async with start_bot() as bot:
        poll = await keen.wait_for(is_poll, since=mark, timeout=TIMEOUT)
        progress = await until_done(bot.bot_data.deps.delivery, f"feedback:{roundtable().guid}")
    assert (progress.sent, progress.blocked) == (1, 1)
    clock.set(clock.now() + timedelta(days=7, minutes=1))
    async with start_bot() as bot:
        await until_done(bot.bot_data.deps.delivery, "close-polls")
    assert keen.message(poll.message_id).poll["is_closed"] is True
