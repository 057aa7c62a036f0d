"""Questions to the panel in the chat: ask (in vi, en, fr), sign, withdraw, vote, and the limits.

The clock stands at 10:00 on day 1: the Ministerial Roundtable (AIGOV, 10:30) takes questions,
the opening ceremony (OPEN, 08:30–09:30) has ended.
"""

from __future__ import annotations

from bot.features.questions.rules import Move
from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, SimUser, StandIn
from tests.e2e.conftest import settled

ORGANIZER = 9900


def labels(message: ChatMessage) -> list[str]:
    return [label for row in message.buttons for label, _data in row]


async def questions_of(user: SimUser, code: str = "AIGOV") -> ChatMessage:
    card = await user.ask(f"/start s_{code}")
    button = next(label for label in labels(card) if label.startswith("❓"))
    return await user.press(card, button)


async def ask(user: SimUser, text: str) -> ChatMessage:
    listed = await questions_of(user)
    await user.press(listed, next(b for b in labels(listed) if b.startswith("❓")))
    return await user.ask(text)


async def test_a_question_asked_in_each_language_waits_for_the_moderator(
    bot: BotApplication, standin: StandIn
) -> None:
    asked = {}
    for n, (lang, text) in enumerate(
        (
            ("vi", "Chính phủ sẽ quản lý rủi ro của trí tuệ nhân tạo như thế nào?"),
            ("en", "How will the framework be enforced across ASEAN?"),
            ("fr", "Comment la France peut-elle contribuer au cadre éthique ?"),
        )
    ):
        user = standin.user(6100 + n, first_name="A", language_code=lang)
        answer = await ask(user, text)
        asked[lang] = answer
        assert text in (answer.text or "")
    assert "Xin cảm ơn Quý vị" in (asked["vi"].text or "")
    assert "waiting for the moderator" in (asked["en"].text or "")
    assert "attend la validation du modérateur" in (asked["fr"].text or "")
    stored = await bot.bot_data.deps.storage.questions.of_session(
        bot.bot_data.deps.programme.schedule.session("AIGOV").guid,
        ("pending",),  # type: ignore[union-attr]
    )
    assert sorted(q.language for q in stored) == ["en", "fr", "vi"]
    assert all(q.signature is None for q in stored)  # anonymous by default


async def test_sign_then_withdraw(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(6200, first_name="A", language_code="en")
    answer = await ask(user, "What is the timeline for the national AI law?")
    prompt = await user.press(answer, "✍️ Sign with my name")
    assert "name and organization" in (prompt.text or "")
    signed = await user.ask("Nguyễn Văn An, Ministry of Science and Technology")
    assert "Signed: Nguyễn Văn An, Ministry of Science and Technology" in (signed.text or "")
    withdrawn = await user.press(signed, "↩️ Withdraw")
    assert "withdrawn" in (withdrawn.text or "")
    mine = await questions_of(user)
    mine = await user.press(mine, "📝 My questions")
    assert "withdrawn" in (mine.text or "") and "↩️ Withdraw 1" not in labels(mine)


async def test_limits_are_told_kindly_and_nothing_is_stored(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(6300, first_name="A", language_code="en")
    too_long = await ask(user, "Why " * 130)
    assert "too long" in (too_long.text or "")
    emoji = await ask(user, "🤔🤔🤔 ???")
    assert "in words" in (emoji.text or "")
    first = await ask(user, "Who funds the regional AI sandbox?")
    assert "waiting for the moderator" in (first.text or "")
    again = await ask(user, "who funds the regional  AI sandbox?")
    assert "already asked" in (again.text or "")
    soon = await ask(user, "And who evaluates it?")
    assert "wait a few seconds" in (soon.text or "")
    card = await user.ask("/start s_OPEN")
    assert not [b for b in labels(card) if b.startswith("❓")]  # ended: no questions button
    ended = await user.press(card, data="sq:OPEN:0")  # an old button
    assert "has ended" in (ended.text or "")
    assert not [b for b in labels(ended) if b.startswith("❓")]  # no Ask button
    refused = await user.press(ended, data="Qk:OPEN")
    assert "has ended" in (refused.text or "")
    deps = bot.bot_data.deps
    guid = deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    assert len(await deps.storage.questions.by_author(6300, guid)) == 1


async def test_the_room_votes_for_approved_questions_only(
    bot: BotApplication, standin: StandIn
) -> None:
    deps = bot.bot_data.deps
    author = standin.user(6400, first_name="A", language_code="en")
    await ask(author, "Will the data centres run on renewable energy?")
    guid = deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    (question,) = await deps.storage.questions.of_session(guid, ("pending",))
    voter = standin.user(6401, first_name="B", language_code="fr")
    listed = await questions_of(voter)
    assert "Aucune question n’a encore été approuvée" in (listed.text or "")
    await voter.tap(listed, data=f"Qv:{question.id}:0")  # pending: no vote
    await settled(standin, bot)
    assert await deps.storage.questions.voted(6401, guid) == set()
    assert not await deps.questions.move(9001, question.id, Move.APPROVE, "pending")  # nobody
    staff = deps.navigator.roles
    await staff.grant_moderator(guid, 9002, ORGANIZER, deps.navigator.clock.now())
    assert await deps.questions.move(9002, question.id, Move.APPROVE, "pending")
    assert not await deps.questions.move(9002, question.id, Move.APPROVE, "pending")  # done
    listed = await questions_of(voter)
    assert "renewable energy" in (listed.text or "") and "0\u00a0vote" in (listed.text or "")
    voted = await voter.press(listed, "👍 1")
    assert "1\u00a0vote" in (voted.text or "") and "✅ 1" in labels(voted)
    taken_back = await voter.press(voted, "✅ 1")
    assert "0\u00a0vote" in (taken_back.text or "") and "👍 1" in labels(taken_back)
    assert "pas ouverte aux votes" in " ".join(a or "" for a in voter.callback_answers)


async def test_a_moderator_on_the_move_approves_in_the_chat(
    bot: BotApplication, standin: StandIn
) -> None:
    deps = bot.bot_data.deps
    guid = deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    await deps.navigator.roles.grant_moderator(guid, 6501, ORGANIZER, deps.navigator.clock.now())
    await ask(standin.user(6500, first_name="A", language_code="en"), "Is there a budget for it?")
    attendee = standin.user(6502, first_name="C", language_code="en")
    refused = await attendee.ask("/moderate")
    assert "Approve" not in " ".join(labels(refused))
    moderator = standin.user(6501, first_name="M", language_code="en")
    mine = await moderator.ask("/moderate")
    assert "(1)" in " ".join(labels(mine))
    queue = await moderator.press(mine, next(b for b in labels(mine) if "(1)" in b))
    assert "Is there a budget for it?" in (queue.text or "")
    (question,) = await deps.storage.questions.of_session(guid, ("pending",))
    await attendee.tap(refused, data=f"Qy:{question.id}:1")  # forged: not a moderator
    await settled(standin, bot)
    assert (await deps.storage.questions.get(question.id)).status == "pending"  # type: ignore[union-attr]
    approved = await moderator.press(queue, "✅ Approve")
    assert "No question is waiting" in (approved.text or "")
    assert (await deps.storage.questions.get(question.id)).status == "approved"  # type: ignore[union-attr]
