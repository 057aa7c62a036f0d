"""The rules of live polls, for the console and the hall's screen.

- Staff, organizers and the session's moderators start a poll while the session takes
  questions (from 30 minutes before it starts until it ends); one poll is open per session at
  a time, until a moderator closes it.
- It goes, through the outbox, to who follows the session (or its theme) or opened its card
  today (the programme's day), and to who opens it while the poll is open, each in their
  language: Telegram a native non-anonymous poll, Zalo numbered text. The answers are the
  feedback polls' (`answers`, by option key, subject 'live:<id>'), so vi, en, fr, Telegram and
  Zalo make one result; no option = vote retracted.
- Closing freezes the results (late answers change nothing) and stops every native poll sent;
  a poll delivered after the closing is stopped as soon as Telegram names it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time
from enum import Enum

from bot.clock import Clock
from bot.delivery.fan_out import fan_out
from bot.delivery.service import Delivery
from bot.features.live_polls.draft import Draft
from bot.i18n import LANGUAGES
from bot.outgoing import Outgoing, Poll, Receipt, StopPoll
from bot.programme.current import CurrentProgramme
from bot.programme.model import Session
from bot.roles import Roles
from bot.storage import Storage
from bot.storage.feedback import SentPoll
from bot.storage.live_polls import LivePollRow
from bot.storage.outbox import OutboxItem
from bot.ui.model import PollRequest
from bot.ui.sessions import takes_questions

LIVE_KIND = "live-poll"  # the outbox kind of the polls sent
STOP_KIND = "live-poll-stop"  # and of their closing (recorded as the feedback polls' are)
QUESTION_KEY = "live"
PREFIX = "live:"

Recorder = Callable[[OutboxItem, Receipt], Awaitable[None]]


class Refusal(Enum):
    NOT_MODERATOR = "not-moderator"
    NOT_RUNNING = "not-running"
    ALREADY_OPEN = "already-open"


@dataclass(frozen=True)
class Tally:
    """A poll's answers, every language and channel together."""

    keys: tuple[str, ...]
    by_language: dict[str, dict[str, int]]  # option key → {language: answers}
    respondents: int

    def count(self, key: str, language: str | None = None) -> int:
        per = self.by_language.get(key, {})
        return per.get(language, 0) if language else sum(per.values())

    @property
    def answers(self) -> int:
        return sum(self.count(key) for key in self.keys)

    def percent(self, key: str) -> int:
        """The share of respondents who chose it (several answers: the shares add past 100)."""
        return round(100 * self.count(key) / self.respondents) if self.respondents else 0


@dataclass(frozen=True)
class LivePoll:
    row: LivePollRow
    tally: Tally

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def open(self) -> bool:
        return self.row.closed_at is None

    def question(self, lang: str) -> str:
        return self.row.question.get(lang) or next(iter(self.row.question.values()))

    def options(self, lang: str) -> list[tuple[str, str]]:
        """(key, text) of each option, in the order typed."""
        options = zip(self.keys, self.row.options, strict=True)
        return [(key, texts.get(lang, key)) for key, texts in options]

    @property
    def keys(self) -> tuple[str, ...]:
        return keys_of(self.row)


def keys_of(row: LivePollRow) -> tuple[str, ...]:
    return tuple(str(n) for n in range(1, len(row.options) + 1))


def subject_of(poll_id: int) -> str:
    return f"{PREFIX}{poll_id}"


async def with_tally(storage: Storage, row: LivePollRow) -> LivePoll:
    """The poll with its answers: as they stood at closing, or as they stand now."""
    if row.results is not None:
        by_language = row.results["by_language"]
        respondents = int(row.results["respondents"])
    else:
        subject = subject_of(row.id)
        by_language = await storage.feedback.results(subject, QUESTION_KEY)
        respondents = await storage.live_polls.respondents(subject)
    return LivePoll(row, Tally(keys_of(row), by_language, respondents))


async def every_poll(storage: Storage) -> list[LivePoll]:
    """Every live poll of the event, in the order started (for the exports)."""
    return [await with_tally(storage, row) for row in await storage.live_polls.every()]


class LivePolls:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        roles: Roles,
        *,
        record_sent: Recorder,
    ) -> None:
        self._programme = programme
        self._storage = storage
        self.store = storage.live_polls
        self._delivery = delivery
        self._clock = clock
        self._roles = roles
        self._record_sent = record_sent  # the feedback polls' hook: a sent poll's id → its subject
        self.changed: list[Callable[[str], None]] = []  # told a session's guid on any change
        self._sessions: dict[int, str] = {}  # poll id → session guid
        self._closed: set[int] = set()
        self._open: dict[str, int] | None = None  # session guid → its open poll

    def may_run(self, user_id: int, session_guid: str) -> bool:
        return self._roles.moderates(user_id, session_guid)

    async def start(self, user_id: int, session: Session, draft: Draft) -> LivePoll | Refusal:
        if not self.may_run(user_id, session.guid):
            return Refusal.NOT_MODERATOR
        now = self._clock.now()
        if not takes_questions(session, now):
            return Refusal.NOT_RUNNING
        poll_id = await self.store.start(
            session.guid, draft.question, draft.options, draft.multiple, user_id, now
        )
        if poll_id is None:
            return Refusal.ALREADY_OPEN
        self._sessions[poll_id] = session.guid
        (await self._open_polls())[session.guid] = poll_id
        row = await self.store.get(poll_id)
        assert row is not None
        audience = await self.store.audience(session.guid, session.track_slug, self._today(now))
        await self._send(row, audience)
        self._tell(session.guid)
        found = await self.get(poll_id)
        assert found is not None
        return found

    async def card_opened(self, user_id: int, session: Session) -> None:
        """Agenda's hook: who opens the card of a session while its poll is open gets the poll
        too (once: its dedupe key), as those who had opened it before the poll started."""
        poll_id = (await self._open_polls()).get(session.guid)
        if poll_id is None:
            return
        profile = await self._storage.users.get(user_id)
        row = await self.store.get(poll_id)
        if profile is None or profile.blocked or row is None or row.closed_at is not None:
            return
        await self._send(row, [(user_id, profile.language)])

    async def _send(self, row: LivePollRow, audience: list[tuple[int, str]]) -> None:
        def render(lang: str) -> Poll:
            language = lang if lang in LANGUAGES else LANGUAGES[0]
            return Poll(
                PollRequest(
                    subject_of(row.id),
                    QUESTION_KEY,
                    language,
                    row.question[language],
                    tuple(texts[language] for texts in row.options),
                    keys_of(row),
                    row.multiple,
                )
            )

        items = fan_out(audience, render, f"live-poll:{row.id}:")
        queued = await self._delivery.enqueue(f"live-poll:{row.id}", LIVE_KIND, items, urgent=True)
        if queued:
            await self.store.add_sent(row.id, queued)
            self._tell(row.session_guid)

    async def _open_polls(self) -> dict[str, int]:
        """Session guid → its open poll: read once, then kept (a card open costs no query)."""
        if self._open is None:
            self._open = await self.store.open_polls()
        return self._open

    async def close(self, user_id: int, session: Session, poll_id: int) -> LivePoll | None:
        """None: not this session's open poll (closed already, by another moderator?)."""
        poll = await self.get(poll_id)
        if poll is None or poll.row.session_guid != session.guid or not poll.open:
            return None
        if not self.may_run(user_id, session.guid):
            return None
        frozen = {"by_language": poll.tally.by_language, "respondents": poll.tally.respondents}
        if not await self.store.close(poll_id, user_id, self._clock.now(), frozen):
            return None
        self._closed.add(poll_id)
        (await self._open_polls()).pop(session.guid, None)
        await self._delivery.cancel(f"live-poll:{poll_id}")  # not delivered yet: never will be
        sent = await self._storage.feedback.open_polls(subject_of(poll_id))
        await self._stop(sent)
        self._tell(session.guid)
        return await self.get(poll_id)

    async def _stop(self, polls: list[SentPoll]) -> None:
        items = [
            Outgoing(p.user_id, StopPoll(p.message_id, p.poll_id), f"live-stop:{p.poll_id}")
            for p in polls
        ]
        if items:
            batch = f"live-poll-stop:{polls[0].subject.removeprefix(PREFIX)}"
            await self._delivery.enqueue(batch, STOP_KIND, items, urgent=True)

    def _today(self, now: datetime) -> datetime:
        """The start of the programme's day (its zone): "opened its card today"."""
        zone = self._programme.schedule.zone
        return datetime.combine(now.astimezone(zone).date(), time(), zone)

    # -- reading -----------------------------------------------------------------------------

    async def get(self, poll_id: int) -> LivePoll | None:
        row = await self.store.get(poll_id)
        return await self._with_tally(row) if row is not None else None

    async def of_session(self, session_guid: str) -> list[LivePoll]:
        """Newest first; the open one (if any) is the first."""
        return [await self._with_tally(row) for row in await self.store.of_session(session_guid)]

    async def _with_tally(self, row: LivePollRow) -> LivePoll:
        return await with_tally(self._storage, row)

    # -- what the channels tell back -----------------------------------------------------------

    async def on_sent(self, item: OutboxItem, receipt: Receipt) -> None:
        """Delivery hook of LIVE_KIND: the poll recorded (its answers map back), and stopped at
        once if the poll was closed while it was on its way."""
        await self._record_sent(item, receipt)
        match item.payload:
            case Poll(request) if receipt.poll_id is not None:
                poll_id = int(request.subject.removeprefix(PREFIX))
                if poll_id in self._closed or await self._is_closed(poll_id):
                    sent = SentPoll(
                        receipt.poll_id,
                        request.subject,
                        QUESTION_KEY,
                        item.chat_id,
                        request.language,
                        request.keys,
                        receipt.message_id or 0,
                    )
                    await self._stop([sent])
            case _:
                pass

    async def _is_closed(self, poll_id: int) -> bool:
        row = await self.store.get(poll_id)
        if row is not None and row.closed_at is not None:
            self._closed.add(poll_id)
            return True
        return False

    async def on_answer(self, poll: SentPoll) -> None:
        """An answer was recorded (feedback's hook): the screens of its session refresh."""
        if not poll.subject.startswith(PREFIX):
            return
        poll_id = int(poll.subject.removeprefix(PREFIX))
        guid = self._sessions.get(poll_id)
        if guid is None:
            row = await self.store.get(poll_id)
            if row is None:
                return
            guid = self._sessions[poll_id] = row.session_guid
        self._tell(guid)

    def _tell(self, session_guid: str) -> None:
        for listener in self.changed:
            listener(session_guid)
