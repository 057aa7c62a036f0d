"""The coach to a session in the other city: a line for its reminder (the reminders planner
is handed it by the composition; features do not import each other)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import escape

from bot.features.venues.guide import Guide
from bot.features.venues.screens import coach_line
from bot.programme.model import Session
from bot.ui.view import View


def coach_note(guide: Guide) -> Callable[[View, Session], str | None]:
    def note(view: View, session: Session) -> str | None:
        """The coaches to the session's venue, when the day before was in another one."""
        here = guide.venue_of_room(session.room)
        day = view.schedule.day(session.day_index)
        if here is None or day is None:
            return None
        before = {
            guide.venue_of_room(s.room)
            for s in view.schedule.sessions
            if s.day_index == session.day_index - 1
        } - {None}
        if not before or here in before:
            return None
        place = guide.venues[here]
        since = day.date - timedelta(days=1)
        coaches = [
            c
            for c in guide.coaches
            if c.destination == place.id
            and c.arrives <= session.start
            and c.departs.date() >= since
        ]
        if not coaches:
            return None
        lines = [
            "🚌 "
            + view._("This session is in %(venue)s, another city than the day before. Coaches:")
            % {"venue": escape(place.names[view.t.lang])}
        ]
        lines += [coach_line(view, guide, c) for c in coaches]
        return "\n".join(lines)

    return note
