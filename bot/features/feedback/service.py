"""Session feedback: a native poll to each follower once the session has ended, answers stored
by option key (so vi, en and fr answers make one result), an optional comment, and polls closed
after some days.

Like reminders, polls are derived from the database at a handful of instants (each session's
end plus the delay) and go out through the delivery engine with one dedupe key per (user,
session); the poll's id is recorded when Telegram answers, so a PollAnswer maps back to the
session, the question and the language it was asked in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from bot.clock import Clock
from bot.delivery.fan_out import fan_out
from bot.delivery.service import Delivery
from bot.features.feedback import screens as screens
from bot.i18n import Catalogs
from bot.outgoing import Outgoing, Poll, Receipt, StopPoll
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule, Session
from bot.storage import Storage
from bot.storage.feedback import SentPoll
from bot.storage.outbox import OutboxItem
from bot.ui.model import PollRequest, Screen
from bot.ui.view import View

log = logging.getLogger(__name__)

RATING = "rating"
FEEDBACK_KIND = "feedback"
CLOSE_KIND = "close-poll"
# After long downtime, a poll about a session that ended more than this ago is not sent.
STALE_AFTER = timedelta(hours=12)


class VoteOutcome(Enum):
    RATED = "rated"  # a rating: offer a comment
    RECORDED = "recorded"  # "did not attend", or a survey answer
    RETRACTED = "retracted"
    UNKNOWN = "unknown"  # a poll this bot did not send (or not to this user)


@dataclass(frozen=True)
class Answered:
    outcome: VoteOutcome
    poll: SentPoll | None  # the poll answered, when the bot knows it


def subject_of(session: Session) -> str:
    return f"session:{session.guid}"


class Feedback:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        catalogs: Catalogs,
        clock: Clock,
        *,
        delay: timedelta,
        close_after: timedelta,
    ) -> None:
        self._programme = programme
        self._storage = storage
        self._delivery = delivery
        self._catalogs = catalogs
        self._clock = clock
        self._delay = delay
        self._close_after = close_after
        self._lock = asyncio.Lock()
        # Told each answer recorded, whichever feature's poll it was (live polls refresh the
        # hall's screen).
        self.answered: list[Callable[[SentPoll], Awaitable[None]]] = []

    # -- asking -------------------------------------------------------------------------------

    def next_due(self) -> datetime | None:
        now = self._clock.now()
        sessions = self._programme.schedule.sessions
        due = [s.end + self._delay for s in sessions if s.end + self._delay > now]
        return min(due, default=None)

    async def run(self) -> int:
        """Queue the polls that are due and the closings of old polls; returns polls queued."""
        async with self._lock:
            now = self._clock.now()
            schedule = self._programme.schedule
            queued = 0
            for session in schedule.sessions:
                due = session.end + self._delay
                if due <= now < due + STALE_AFTER:
                    queued += await self._ask_followers(schedule, session, now)
            await self._close_old_polls(now)
        return queued

    async def _ask_followers(self, schedule: Schedule, session: Session, now: datetime) -> int:
        prefix = f"feedback:{session.guid}:"
        store = self._storage.feedback
        followers = await store.followers_due(session.guid, session.track_slug, prefix)
        if not followers:
            return 0

        def render(lang: str) -> Poll:
            return Poll(self.rating_request(View(self._catalogs[lang], schedule, now), session))

        items = fan_out(followers, render, prefix)
        return await self._delivery.enqueue(f"feedback:{session.guid}", FEEDBACK_KIND, items)

    async def _close_old_polls(self, now: datetime) -> None:
        old = await self._storage.feedback.due_for_closing(now - self._close_after)
        items = [
            Outgoing(poll.user_id, StopPoll(poll.message_id, poll.poll_id), f"close:{poll.poll_id}")
            for poll in old
        ]
        if items:
            await self._delivery.enqueue("close-polls", CLOSE_KIND, items)

    def rating_request(self, view: View, session: Session) -> PollRequest:
        return screens.rating_poll(view, session, subject_of(session))

    # -- what Telegram tells us back ------------------------------------------------------------

    async def on_sent(self, item: OutboxItem, receipt: Receipt) -> None:
        """Delivery hook: remember which poll went to whom, or that an old poll is closed."""
        match item.payload:
            case StopPoll(poll_id=poll_id):
                await self._storage.feedback.mark_closed(poll_id)
            case Poll(request) if receipt.poll_id is not None and receipt.message_id is not None:
                await self.register(receipt.poll_id, receipt.message_id, item.chat_id, request)
            case _:  # not a poll (the survey's introduction), or no id came back
                pass

    async def register(
        self, poll_id: str, message_id: int, user_id: int, request: PollRequest
    ) -> None:
        poll = SentPoll(
            poll_id,
            request.subject,
            request.question_key,
            user_id,
            request.language,
            request.keys,
            message_id,
        )
        await self._storage.feedback.register(poll, self._clock.now())

    async def on_answer(self, poll_id: str, user_id: int, option_ids: list[int]) -> Answered:
        poll = await self._storage.feedback.poll(poll_id)
        if poll is None or poll.user_id != user_id:
            log.info("answer to unknown poll %s from user %s ignored", poll_id, user_id)
            return Answered(VoteOutcome.UNKNOWN, None)
        outcome = await self._record(poll, user_id, option_ids)
        for listener in self.answered:
            await listener(poll)
        return Answered(outcome, poll)

    async def _record(self, poll: SentPoll, user_id: int, option_ids: list[int]) -> VoteOutcome:
        keys = [poll.options[i] for i in option_ids if 0 <= i < len(poll.options)]
        store = self._storage.feedback
        await store.answer(
            poll.subject, poll.question, user_id, keys, poll.language, self._clock.now()
        )
        if not keys:
            if await store.awaiting_comment(user_id) == poll.subject:
                await store.await_comment(user_id, None)
            return VoteOutcome.RETRACTED
        if poll.question == RATING and keys != [screens.ABSENT]:
            await store.await_comment(user_id, poll.subject)
            return VoteOutcome.RATED
        return VoteOutcome.RECORDED

    # -- comments ---------------------------------------------------------------------------------

    async def comment(self, view: View, user_id: int, text: str) -> Screen | None:
        """The text is a comment if one was offered; None means it is not (search instead)."""
        subject = await self._storage.feedback.awaiting_comment(user_id)
        if subject is None:
            return None
        text = text.strip()
        if len(text) > screens.COMMENT_CHARS:
            return screens.comment_too_long(view, len(text))
        await self._storage.feedback.add_comment(
            subject, user_id, view.t.lang, text, self._clock.now()
        )
        return screens.comment_saved(view)

    async def skip_comment(self, view: View, user_id: int) -> Screen:
        await self._storage.feedback.await_comment(user_id, None)
        return screens.comment_skipped(view)


@dataclass(frozen=True)
class RatingResult:
    """One session's ratings across languages, for figures and exports."""

    counts: dict[str, int]  # option key → answers, all languages together
    by_language: dict[str, dict[str, int]]  # option key → {language: answers}

    @property
    def mean(self) -> float | None:
        rated = {k: n for k, n in self.counts.items() if k.isdigit()}
        total = sum(rated.values())
        return sum(int(k) * n for k, n in rated.items()) / total if total else None


async def rating_result(storage: Storage, session: Session) -> RatingResult:
    by_language = await storage.feedback.results(subject_of(session), RATING)
    counts = {key: sum(per.values()) for key, per in by_language.items()}
    return RatingResult(counts, by_language)
