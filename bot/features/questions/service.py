"""The rules of questions to the panel, for every channel and the console.

- Asking is open from 30 minutes before a session starts until it ends; a question has 3 to
  500 characters with at least three letters or digits (not only emoji); an attendee asks at
  most 5 questions a session, one every 20 seconds, never the same twice.
- Questions are anonymous unless their author signs them with the name and organization they
  type (the bot keeps no messenger names).
- Only approved questions are listed to the room and can be voted for (one vote each, which
  can be taken back). Moderators act from the state they saw: two at once, one wins.
- Authors are told when their question is rejected (with the reason, if given) or edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock
from bot.delivery.service import Delivery
from bot.features.questions import screens
from bot.features.questions.language import detect, has_words
from bot.features.questions.rules import (
    FROM,
    MAX_CHARS,
    MIN_GAP,
    PER_SESSION,
    REASON_CHARS,
    SIGNATURE_CHARS,
    TO,
    Move,
    Refusal,
    window,
)
from bot.outgoing import Outgoing, Text
from bot.programme.current import CurrentProgramme
from bot.programme.model import Session
from bot.roles import Roles
from bot.storage import Storage
from bot.storage.questions import (
    APPROVED,
    OPEN,
    Question,
)
from bot.ui.keywords import folded
from bot.ui.sessions import takes_questions
from bot.ui.view import View

KIND = "question"  # the outbox kind of what authors are told


@dataclass(frozen=True)
class Asked:
    question: Question


class Questions:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        roles: Roles,
        view_of: Callable[..., View],
    ) -> None:
        self._programme = programme
        self._storage = storage
        self.store = storage.questions
        self._delivery = delivery
        self._clock = clock
        self.roles = roles
        self._view_of = view_of  # a user's profile → the view they read in
        self.changed: list[Callable[[str], None]] = []  # told a session's guid on any change
        self._sessions_of: dict[int, str] = {}  # question id → its session's guid

    def session(self, key: str) -> Session | None:
        return self._programme.schedule.session(key)

    def open_sessions(self, now: datetime) -> list[Session]:
        """The sessions taking questions now."""
        return [s for s in self._programme.schedule.sessions if takes_questions(s, now)]

    def by_guid(self, guid: str) -> Session | None:
        return self._programme.schedule.session_by_guid(guid)

    # Attendees ---------------------------------------------------------------------------

    async def ask(
        self, user_id: int, session: Session, text: str, language: str
    ) -> Asked | Refusal:
        now = self._clock.now()
        closed = window(session, now)
        if closed is not None:
            return closed
        text = " ".join(text.split())
        if not text:
            return Refusal.EMPTY
        if len(text) > MAX_CHARS:
            return Refusal.TOO_LONG
        if not has_words(text):
            return Refusal.NO_WORDS
        mine = [q for q in await self.store.by_author(user_id, session.guid)]
        if any(folded(q.asked_text) == folded(text) for q in mine if q.status != "withdrawn"):
            return Refusal.DUPLICATE
        if len([q for q in mine if q.status != "withdrawn"]) >= PER_SESSION:
            return Refusal.TOO_MANY
        if mine and now - max(q.created_at for q in mine) < MIN_GAP:
            return Refusal.TOO_SOON
        question_id = await self.store.add(session.guid, user_id, detect(text, language), text, now)
        self._tell_changed(session.guid)
        question = await self.store.get(question_id)
        assert question is not None
        return Asked(question)

    async def withdraw(self, user_id: int, question_id: int) -> Question | None:
        """The question withdrawn, or None if it is not theirs or not open any more."""
        if not await self.store.withdraw(question_id, user_id, self._clock.now()):
            return None
        question = await self.store.get(question_id)
        if question is not None:
            self._tell_changed(question.session_guid)
        return question

    async def sign(self, user_id: int, question_id: int, signature: str) -> Question | None:
        signature = " ".join(signature.split())[:SIGNATURE_CHARS]
        if not has_words(signature, 2):
            return None
        if not await self.store.sign(question_id, user_id, signature, self._clock.now()):
            return None
        question = await self.store.get(question_id)
        if question is not None:
            self._tell_changed(question.session_guid)
        return question

    async def toggle_vote(self, user_id: int, question_id: int) -> bool | None:
        """True: voted; False: vote taken back; None: the question is not open to votes.
        One write in the usual case (a room votes hundreds of times a second)."""
        guid = await self._session_of(question_id)
        if guid is None:
            return None
        if await self.store.vote(question_id, user_id, self._clock.now()):
            self._tell_changed(guid)
            return True
        if await self.store.unvote(question_id, user_id):
            self._tell_changed(guid)
            return False
        return None  # not approved (pending, rejected, …): nothing to vote for

    async def _session_of(self, question_id: int) -> str | None:
        """A question's session never changes: asked once, then remembered."""
        guid = self._sessions_of.get(question_id)
        if guid is None:
            question = await self.store.get(question_id)
            if question is None:
                return None
            guid = self._sessions_of[question_id] = question.session_guid
        return guid

    async def listed(self, session: Session, limit: int = -1) -> list[Question]:
        """What the room sees: the approved questions, pinned first, then most wanted."""
        return await self.store.of_session(session.guid, (APPROVED,), limit)

    async def mine(self, user_id: int, session: Session) -> list[Question]:
        return await self.store.by_author(user_id, session.guid)

    async def voted(self, user_id: int, session: Session) -> set[int]:
        return await self.store.voted(user_id, session.guid)

    async def get(self, question_id: int) -> Question | None:
        return await self.store.get(question_id)

    # Moderators --------------------------------------------------------------------------

    def may_moderate(self, user_id: int, session_guid: str) -> bool:
        return self.roles.moderates(user_id, session_guid)

    async def queue(self, session: Session, status: str, limit: int = -1) -> list[Question]:
        """The questions of one state the moderators handle, pinned and most wanted first."""
        return await self.store.of_session(session.guid, (status,), limit)

    async def move(
        self, moderator: int, question_id: int, move: Move, seen: str, reason: str = ""
    ) -> bool:
        """False: another moderator (or the author) changed the question first, or `seen` is
        not a state the move starts from."""
        if seen not in FROM[move]:
            return False
        question = await self.store.get(question_id)
        if question is None or not self.may_moderate(moderator, question.session_guid):
            return False
        reason = " ".join(reason.split())[:REASON_CHARS]
        done = await self.store.moderate(
            question_id, (seen,), TO[move], moderator, self._clock.now(), reason or None
        )
        if not done:
            return False
        self._tell_changed(question.session_guid)
        if move is Move.REJECT:
            await self._tell_author(question, "rejected", reason)
        return True

    async def edit(self, moderator: int, question_id: int, text: str) -> bool:
        question = await self.store.get(question_id)
        text = " ".join(text.split())
        if (
            question is None
            or not self.may_moderate(moderator, question.session_guid)
            or not 1 <= len(text) <= MAX_CHARS
            or question.status not in OPEN
        ):
            return False
        if text == question.text:
            return True
        if not await self.store.edit(question_id, text, moderator, self._clock.now()):
            return False
        self._tell_changed(question.session_guid)
        await self._tell_author(question, "edited", text)
        return True

    async def merge(self, moderator: int, duplicate: int, into: int) -> bool:
        question = await self.store.get(duplicate)
        if question is None or not self.may_moderate(moderator, question.session_guid):
            return False
        if not await self.store.merge(duplicate, into, moderator, self._clock.now()):
            return False
        self._tell_changed(question.session_guid)
        return True

    async def pin(self, moderator: int, question_id: int) -> bool:
        question = await self.store.get(question_id)
        if question is None or not self.may_moderate(moderator, question.session_guid):
            return False
        if not await self.store.pin(question_id, moderator, self._clock.now()):
            return False
        self._tell_changed(question.session_guid)
        return True

    async def unpin(self, moderator: int, session: Session) -> bool:
        if not self.may_moderate(moderator, session.guid):
            return False
        await self.store.unpin(session.guid, self._clock.now())
        self._tell_changed(session.guid)
        return True

    async def counts(self) -> dict[str, dict[str, int]]:
        return await self.store.counts()

    # Telling ------------------------------------------------------------------------------

    async def _tell_author(self, question: Question, what: str, detail: str) -> None:
        profile = await self._storage.users.get(question.user_id)
        if profile is None or profile.blocked:
            return
        view = self._view_of(profile)
        session = self.by_guid(question.session_guid)
        text = screens.told(view, session, question, what, detail)
        stamp = self._clock.now().isoformat()
        item = Outgoing(question.user_id, Text(text), f"question:{question.id}:{what}:{stamp}")
        await self._delivery.enqueue(KIND, KIND, [item], urgent=True)

    def _tell_changed(self, session_guid: str) -> None:
        for listener in self.changed:
            listener(session_guid)
