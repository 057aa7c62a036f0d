"""A personal agenda: the sessions someone follows, directly or through a theme, and clashes."""

from __future__ import annotations

from collections.abc import Sequence

from bot.programme.model import Schedule, Session


def followed_sessions(
    schedule: Schedule, session_guids: set[str], theme_slugs: set[str]
) -> list[Session]:
    """In time order. A theme covers every session in it, including ones added later."""
    return [s for s in schedule.sessions if s.guid in session_guids or s.track_slug in theme_slugs]


def clashes(sessions: Sequence[Session]) -> dict[str, list[Session]]:
    """For each session (by guid), the others in the list that overlap it in time."""
    ordered = sorted(sessions, key=lambda s: s.start)
    found: dict[str, list[Session]] = {}
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.start >= first.end:
                break  # sorted by start: nothing later can overlap `first`
            found.setdefault(first.guid, []).append(second)
            found.setdefault(second.guid, []).append(first)
    return found
