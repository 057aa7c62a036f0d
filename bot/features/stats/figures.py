"""The live figures as data, for the web console's live page (the chat's /stats has its own
screen): read in one go, so every browser watching is sent the same snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, timedelta

from bot.clock import Clock
from bot.programme.current import CurrentProgramme
from bot.programme.model import Session
from bot.storage import Storage

ACTIVE_NOW = timedelta(minutes=15)


@dataclass(frozen=True)
class LiveFigures:
    users: dict[str, tuple[int, int]]  # language → (reachable, blocked)
    channels: dict[str, int]  # channel → reachable attendees
    active_now: int  # seen in the last 15 minutes
    active_today: int  # seen since midnight in the event's zone
    top: list[tuple[Session, int]]  # the most followed sessions and their followers
    outbox: dict[tuple[str, str], int]  # (kind, status) → messages
    polls: tuple[int, int]  # (feedback polls sent, answered)

    def count(self, status: str, *kinds: str) -> int:
        """Outbox messages in `status`, of the given kinds (none given: of every kind)."""
        return sum(
            n
            for (kind, s), n in self.outbox.items()
            if s == status and (not kinds or kind in kinds)
        )

    @property
    def queued(self) -> int:
        return self.count("pending") + self.count("sending")


async def gather(storage: Storage, programme: CurrentProgramme, clock: Clock) -> LiveFigures:
    now = clock.now()
    schedule = programme.schedule
    local = now.astimezone(schedule.zone)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
    stats = storage.stats
    by_guid = {s.guid: s for s in schedule.sessions}
    top = [(by_guid[g], n) for g, n in await stats.top_followed() if g in by_guid]
    return LiveFigures(
        users=await stats.users_by_language(),
        channels=await stats.users_by_channel(),
        active_now=await stats.active_since((now - ACTIVE_NOW).isoformat()),
        active_today=await stats.active_since(midnight.isoformat()),
        top=top,
        outbox=await storage.outbox.depth(),
        polls=await stats.poll_response(),
    )
