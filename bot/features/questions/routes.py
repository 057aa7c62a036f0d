"""Questions to the panel in the chat: the session's list (❓ on its card), asking, signing,
withdrawing and voting. Moderation is in the console (web/console/questions.py)."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import Clock
from bot.features.questions import screens
from bot.features.questions.actions import (
    AskQuestion,
    CancelAsking,
    Decide,
    Decision,
    ModerateSession,
    MyQuestions,
    SignQuestion,
    VoteQuestion,
    WithdrawQuestion,
)
from bot.features.questions.rules import Move, window
from bot.features.questions.service import Asked, Questions
from bot.programme.model import Session
from bot.storage.questions import PENDING
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.refusals import refusal
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, TypedText, Who, on
from bot.ui.sessions import SessionQuestions

# A question (or signature) is expected this long after the button: a text typed later is a
# search again, not a question sent by surprise.
TYPING_WINDOW = timedelta(minutes=10)


def routes(questions: Questions, clock: Clock) -> FeatureRoutes:
    store = questions.store

    async def show(request: Request, session: Session, page: int = 0) -> Screen:
        listed = await questions.listed(session)
        voted = await questions.voted(request.user_id, session)
        return screens.listed(request.view, session, listed, voted, page)

    async def open_list(request: Request, action: SessionQuestions) -> Screen | None:
        session = questions.session(action.key)
        return None if session is None else await show(request, session, action.page)

    async def ask(request: Request, action: AskQuestion) -> Screen | None:
        session = questions.session(action.key)
        if session is None:
            return None
        closed = window(session, clock.now())
        if closed is not None:
            return screens.refused(request.view, session, closed)
        await store.set_asking(request.user_id, _expecting("q", session.guid, clock))
        return screens.ask(request.view, session)

    async def cancel(request: Request, action: CancelAsking) -> Screen | None:
        await store.set_asking(request.user_id, None)
        return await open_list(request, SessionQuestions(action.key))

    async def sign(request: Request, action: SignQuestion) -> Screen | None:
        question = await questions.get(action.question)
        if question is None or question.user_id != request.user_id:
            return None
        session = questions.by_guid(question.session_guid)
        if session is None:
            return None
        await store.set_asking(request.user_id, _expecting("s", str(question.id), clock))
        return screens.sign(request.view, session)

    async def withdraw(request: Request, action: WithdrawQuestion) -> Answer | Screen | None:
        question = await questions.get(action.question)
        if question is None or question.user_id != request.user_id:
            return None
        session = questions.by_guid(question.session_guid)
        if session is None:
            return None
        if await questions.withdraw(request.user_id, question.id) is None:
            return Answer(await show(request, session), notice=screens.gone(request.view))
        return screens.withdrawn(request.view, session)

    async def vote(request: Request, action: VoteQuestion) -> Answer | None:
        question = await questions.get(action.question)
        session = questions.by_guid(question.session_guid) if question else None
        if session is None:
            return None
        outcome = await questions.toggle_vote(request.user_id, action.question)
        notice = screens.not_votable(request.view) if outcome is None else None
        return Answer(await show(request, session, action.page), notice=notice)

    async def mine(request: Request, action: MyQuestions) -> Screen | None:
        session = questions.session(action.key)
        if session is None:
            return None
        return screens.mine(request.view, session, await questions.mine(request.user_id, session))

    async def moderation(request: Request) -> Screen:
        """/moderate: for moderators on the move (the console has the whole queue)."""
        roles = questions.roles
        if not roles.moderates(request.user_id):
            return refusal(request.view, Who.STAFF)
        now = clock.now()
        counts = await questions.counts()
        mine = [
            (s, counts.get(s.guid, {}).get(PENDING, 0))
            for s in questions.open_sessions(now)
            if roles.moderates(request.user_id, s.guid)
        ]
        return screens.moderation_sessions(request.view, mine)

    async def next_waiting(request: Request, session: Session) -> Screen:
        waiting = await questions.queue(session, PENDING)
        oldest = min(waiting, key=lambda q: q.id) if waiting else None
        return screens.moderation_next(request.view, session, oldest, len(waiting))

    async def moderate(request: Request, action: ModerateSession) -> Screen | None:
        session = questions.session(action.key)
        if session is None or not questions.may_moderate(request.user_id, session.guid):
            return None if session is None else refusal(request.view, Who.STAFF)
        return await next_waiting(request, session)

    async def decide(request: Request, action: Decide) -> Answer | Screen | None:
        question = await questions.get(action.question)
        session = questions.by_guid(question.session_guid) if question else None
        if question is None or session is None:
            return None
        if not questions.may_moderate(request.user_id, session.guid):
            return refusal(request.view, Who.STAFF)  # checked before anything changes
        move = Move.APPROVE if action.decision is Decision.APPROVE else Move.REJECT
        done = await questions.move(request.user_id, question.id, move, PENDING)
        notice = None if done else screens.handled_elsewhere(request.view)
        return Answer(await next_waiting(request, session), notice=notice)

    async def typed(request: Request, text: TypedText) -> Screen | None:
        expecting = await store.asking(request.user_id)
        if expecting is None:
            return None
        what, _, rest = expecting.partition(":")
        target, _, until = rest.rpartition(":")
        await store.set_asking(request.user_id, None)
        if not until.isdigit() or int(until) < int(clock.now().timestamp()):
            return None  # typed long after the button: read as anything else
        if what == "s":
            return await signed(request, int(target) if target.isdigit() else 0, text.text)
        session = questions.by_guid(target)
        if session is None:
            return None
        outcome = await questions.ask(request.user_id, session, text.text, request.view.t.lang)
        if isinstance(outcome, Asked):
            return screens.asked(request.view, session, outcome.question)
        return screens.refused(request.view, session, outcome)

    async def signed(request: Request, question_id: int, signature: str) -> Screen | None:
        question = await questions.sign(request.user_id, question_id, signature)
        if question is None:
            return None
        session = questions.by_guid(question.session_guid)
        return None if session is None else screens.asked(request.view, session, question)

    return FeatureRoutes(
        commands=(
            # Open to everyone in the route table: moderators of one session are not staff.
            Command("moderate", None, moderation, channels=TELEGRAM_ONLY),
        ),
        buttons=(
            on(SessionQuestions, open_list),
            on(AskQuestion, ask),
            on(CancelAsking, cancel),
            on(SignQuestion, sign),
            on(WithdrawQuestion, withdraw),
            on(VoteQuestion, vote),
            on(MyQuestions, mine),
            on(ModerateSession, moderate),
            on(Decide, decide),
        ),
        reads_text=typed,
    )


def _expecting(what: str, target: str, clock: Clock) -> str:
    until = int((clock.now() + TYPING_WINDOW).timestamp())
    return f"{what}:{target}:{until}"
