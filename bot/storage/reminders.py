"""Who is due a reminder for a session, and who missed one."""

from __future__ import annotations

from bot.storage.database import Database

# Reachable, reminders on, following the session, its theme, or — for a featured session —
# not having turned highlight reminders off; and not reminded yet (no outbox row for the key).
_WANTS_REMINDER = """
    u.blocked = 0 AND u.reminders_on = 1
    AND (
        EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id AND f.session_guid = :guid)
        OR EXISTS (SELECT 1 FROM theme_follows t
                   WHERE t.user_id = u.id AND t.track_slug = :track)
        OR (:featured AND u.featured_on = 1))
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key = :prefix || u.id)
    AND NOT EXISTS (
        SELECT 1 FROM outbox o
        WHERE o.batch = :batch AND o.chat_id = u.id AND o.status IN ('sent', 'sending')
          AND (julianday(:start) - julianday(o.expires_at)) * 86400 <= u.lead_minutes * 60)
"""
# The second NOT EXISTS is for a session that moved: a reminder already sent for an earlier
# start counts, unless the session moved later by more than the user's lead time.


def reminder_batch(session_guid: str) -> str:
    """The outbox batch of a session's reminders (its rows record which start each was for)."""
    return f"reminder:{session_guid}"


class ReminderStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def due(
        self,
        session_guid: str,
        track_slug: str | None,
        featured: bool,
        seconds_to_start: float,
        key_prefix: str,
        start: str,
    ) -> list[tuple[int, str]]:
        """(user id, language) of everyone due a reminder now and not yet given one:
        reminders on, their lead time reached, and following the session, its theme, or —
        for a featured session — not having turned featured reminders off.

        `key_prefix` + user id is the reminder's dedupe key in the outbox; `start` is the
        session's start (UTC text, as the outbox stores a reminder's expiry)."""
        rows = await self._db.all(
            f"SELECT u.id, u.language FROM users u WHERE {_WANTS_REMINDER}"
            " AND u.lead_minutes * 60 >= :seconds ORDER BY u.id",
            {
                "seconds": seconds_to_start,
                **_who_wants(session_guid, track_slug, featured, key_prefix, start),
            },
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    async def missed(
        self, session_guid: str, track_slug: str | None, featured: bool, key_prefix: str, start: str
    ) -> int:
        """How many who wanted a reminder for this (now started) session never got one queued."""
        row = await self._db.one(
            f"SELECT count(*) FROM users u WHERE {_WANTS_REMINDER}",
            _who_wants(session_guid, track_slug, featured, key_prefix, start),
        )
        return int(row[0]) if row else 0


def _who_wants(
    session_guid: str, track_slug: str | None, featured: bool, key_prefix: str, start: str
) -> dict[str, object]:
    """The named parameters of _WANTS_REMINDER."""
    return {
        "guid": session_guid,
        "track": track_slug,
        "featured": int(featured),
        "prefix": key_prefix,
        "batch": reminder_batch(session_guid),
        "start": start,
    }
