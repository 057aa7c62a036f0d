"""What changed between two versions of the programme, session by session (matched by guid)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.programme.model import Schedule, Session


@dataclass(frozen=True)
class SessionChange:
    """One session's change. `old` is None for an added session, `new` None for a removed one;
    a session both moved and given a new room is one change (one notice)."""

    old: Session | None
    new: Session | None

    @property
    def guid(self) -> str:
        session = self.new or self.old
        assert session is not None
        return session.guid

    @property
    def added(self) -> bool:
        return self.old is None

    @property
    def removed(self) -> bool:
        return self.new is None

    @property
    def moved(self) -> bool:
        return self._differs(lambda s: (s.start, s.end))

    @property
    def room_changed(self) -> bool:
        return self._differs(lambda s: (s.room, dict(s.room_names)))

    @property
    def retitled(self) -> bool:
        return self._differs(lambda s: (s.title, dict(s.titles)))

    @property
    def later_by_seconds(self) -> float:
        """How much later the session now starts (negative: earlier)."""
        if self.old is None or self.new is None:
            return 0.0
        return (self.new.start - self.old.start).total_seconds()

    def _differs(self, aspect: Callable[[Session], object]) -> bool:
        old, new = self.old, self.new
        return old is not None and new is not None and aspect(old) != aspect(new)


@dataclass(frozen=True)
class ScheduleDiff:
    old: Schedule
    new: Schedule
    changes: tuple[SessionChange, ...]  # in the new programme's time order, removed ones last

    @property
    def old_version(self) -> str:
        return self.old.version

    @property
    def new_version(self) -> str:
        return self.new.version

    def shown_in(self, change: SessionChange) -> Schedule:
        """The programme whose zone shows the change: a cancelled session keeps its own."""
        return self.old if change.removed else self.new

    @property
    def empty(self) -> bool:
        return not self.changes

    def count(self, kind: str) -> int:
        """How many changes are of `kind`: moved, room_changed, retitled, removed, added."""
        return sum(1 for change in self.changes if getattr(change, kind))


def diff(old: Schedule, new: Schedule) -> ScheduleDiff:
    """Sessions matched by guid; only the changes attendees care about (time, room, title,
    cancelled, added) count — an edited abstract or speaker list is not a notice."""
    before = {s.guid: s for s in old.sessions}
    after = {s.guid: s for s in new.sessions}
    changes: list[SessionChange] = []
    for session in new.sessions:
        previous = before.get(session.guid)
        change = SessionChange(previous, session)
        if previous is None or change.moved or change.room_changed or change.retitled:
            changes.append(change)
    changes += [SessionChange(s, None) for s in old.sessions if s.guid not in after]
    return ScheduleDiff(old, new, tuple(changes))
