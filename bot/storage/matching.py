"""Business matching: opt-in profiles, meeting requests, confirmed meetings and their tables.

No double booking is the database's rule, not only the code's: a confirmed meeting holds one
row per person and slot (`matching_bookings`) and one per table and slot (`matching_tables`),
both primary keys, written in the same transaction as the acceptance. Two acceptances racing
for a person, a table or the last free table: one commits, the other rolls back whole.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.database import Database

PENDING, ACCEPTED, DECLINED, EXPIRED, CANCELLED = (
    "pending",
    "accepted",
    "declined",
    "expired",
    "cancelled",
)


@dataclass(frozen=True)
class Profile:
    id: int
    user_id: int
    organization: str
    role: str
    country: str
    themes: frozenset[str]
    offering: frozenset[str]
    seeking: frozenset[str]
    about: str
    visible: bool
    booth: str = ""  # an exhibitor's staff: their booth (exhibitor_staff, not this table)


@dataclass(frozen=True)
class MeetingRequest:
    id: int
    from_user: int
    to_user: int
    slot: int  # minutes since 1970, UTC
    message: str
    status: str
    awaiting: int
    table_no: int | None
    no_show: bool
    expires_at: datetime

    def other(self, user_id: int) -> int:
        return self.to_user if user_id == self.from_user else self.from_user

    def involves(self, user_id: int) -> bool:
        return user_id in (self.from_user, self.to_user)


@dataclass(frozen=True)
class Confirmed:
    """A confirmed meeting as one side's agenda shows it (bot/ui/meetings.py)."""

    id: int
    slot: int
    table_no: int | None
    with_whom: str  # the other side's organization


class Booked(Exception):
    """The acceptance lost: a person is booked in that slot, or no table is free."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what  # "person" or "table"


_PROFILE = "id, user_id, organization, role, country, themes, offering, seeking, about, visible"
_REQUEST = "id, from_user, to_user, slot, message, status, awaiting, table_no, no_show, expires_at"


def _set(text: str) -> frozenset[str]:
    return frozenset(part for part in text.split(",") if part)


def _text(values: frozenset[str] | set[str]) -> str:
    return ",".join(sorted(values))


def _profile(r: aiosqlite.Row) -> Profile:
    return Profile(
        int(r[0]),
        int(r[1]),
        str(r[2]),
        str(r[3]),
        str(r[4]),
        _set(str(r[5])),
        _set(str(r[6])),
        _set(str(r[7])),
        str(r[8]),
        bool(r[9]),
    )


def _request(r: aiosqlite.Row) -> MeetingRequest:
    return MeetingRequest(
        int(r[0]),
        int(r[1]),
        int(r[2]),
        int(r[3]),
        str(r[4]),
        str(r[5]),
        int(r[6]),
        None if r[7] is None else int(r[7]),
        bool(r[8]),
        datetime.fromisoformat(r[9]),
    )


class MatchingStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        # The opted-in profiles, read once and kept while no profile changed: suggestions
        # rank them all at every tap. Valid while this store wrote no profile (`_writes`)
        # and no other connection committed anything (SQLite's data_version).
        self._visible: tuple[tuple[int, int], list[Profile]] | None = None
        self._writes = 0

    # Profiles ---------------------------------------------------------------------------

    async def profile(self, user_id: int) -> Profile | None:
        row = await self._db.one(
            f"SELECT {_PROFILE} FROM matching_profiles WHERE user_id = ?", (user_id,)
        )
        return None if row is None else _profile(row)

    async def profile_by_id(self, profile_id: int) -> Profile | None:
        row = await self._db.one(
            f"SELECT {_PROFILE} FROM matching_profiles WHERE id = ?", (profile_id,)
        )
        return None if row is None else _profile(row)

    async def visible_profiles(self) -> list[Profile]:
        version = await self._db.one("PRAGMA data_version")
        key = (self._writes, int(version[0]) if version else 0)
        if self._visible is not None and self._visible[0] == key:
            return self._visible[1]
        rows = await self._db.all(f"SELECT {_PROFILE} FROM matching_profiles WHERE visible = 1")
        found = [_profile(r) for r in rows]
        self._visible = (key, found)
        return found

    async def all_profiles(self) -> list[Profile]:
        return [
            _profile(r) for r in await self._db.all(f"SELECT {_PROFILE} FROM matching_profiles")
        ]

    async def ensure(self, user_id: int, now: datetime) -> Profile:
        created = await self._db.write(
            "INSERT INTO matching_profiles (user_id, updated_at) VALUES (?, ?)"
            " ON CONFLICT (user_id) DO NOTHING",
            (user_id, now.isoformat()),
        )
        self._writes += created  # bumped after the write: a read meanwhile is not kept
        found = await self.profile(user_id)
        assert found is not None
        return found

    async def save(
        self,
        user_id: int,
        now: datetime,
        *,
        organization: str | None = None,
        role: str | None = None,
        country: str | None = None,
        themes: frozenset[str] | None = None,
        offering: frozenset[str] | None = None,
        seeking: frozenset[str] | None = None,
        about: str | None = None,
        visible: bool | None = None,
    ) -> None:
        """Change the given fields of a profile (created if need be)."""
        await self.ensure(user_id, now)
        changes: dict[str, object] = {
            "organization": organization,
            "role": role,
            "country": country,
            "themes": None if themes is None else _text(themes),
            "offering": None if offering is None else _text(offering),
            "seeking": None if seeking is None else _text(seeking),
            "about": about,
            "visible": None if visible is None else int(visible),
        }
        given = {k: v for k, v in changes.items() if v is not None}
        sets = ", ".join(f"{column} = ?" for column in given)
        await self._db.write(
            f"UPDATE matching_profiles SET {sets}, updated_at = ? WHERE user_id = ?",
            (*given.values(), now.isoformat(), user_id),
        )
        self._writes += 1

    async def add_profiles(self, profiles: Sequence[Profile], now: datetime) -> None:
        """Many profiles at once (the benchmark)."""
        await self._db.write_many(
            "INSERT INTO matching_profiles (user_id, organization, role, country, themes,"
            " offering, seeking, about, visible, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    p.user_id,
                    p.organization,
                    p.role,
                    p.country,
                    _text(p.themes),
                    _text(p.offering),
                    _text(p.seeking),
                    p.about,
                    int(p.visible),
                    now.isoformat(),
                )
                for p in profiles
            ],
        )
        self._writes += 1

    async def typing(self, user_id: int) -> str | None:
        row = await self._db.one(
            "SELECT typing FROM matching_profiles WHERE user_id = ?", (user_id,)
        )
        return None if row is None else row[0]

    async def set_typing(self, user_id: int, expecting: str | None) -> None:
        await self._db.write(
            "UPDATE matching_profiles SET typing = ? WHERE user_id = ?", (expecting, user_id)
        )

    # Requests ---------------------------------------------------------------------------

    async def request(self, request_id: int) -> MeetingRequest | None:
        row = await self._db.one(
            f"SELECT {_REQUEST} FROM matching_requests WHERE id = ?", (request_id,)
        )
        return None if row is None else _request(row)

    async def requests_of(self, user_id: int) -> list[MeetingRequest]:
        rows = await self._db.all(
            f"SELECT {_REQUEST} FROM matching_requests WHERE from_user = ? OR to_user = ?"
            " ORDER BY slot, id",
            (user_id, user_id),
        )
        return [_request(r) for r in rows]

    async def confirmed(self, user_id: int) -> list[Confirmed]:
        rows = await self._db.all(
            "SELECT r.id, r.slot, r.table_no, coalesce(p.organization, '')"
            " FROM matching_requests r LEFT JOIN matching_profiles p ON p.user_id ="
            " CASE WHEN r.from_user = ? THEN r.to_user ELSE r.from_user END"
            " WHERE r.status = 'accepted' AND ? IN (r.from_user, r.to_user) ORDER BY r.slot",
            (user_id, user_id),
        )
        return [Confirmed(int(r[0]), int(r[1]), r[2], str(r[3])) for r in rows]

    async def all_requests(self) -> list[MeetingRequest]:
        rows = await self._db.all(f"SELECT {_REQUEST} FROM matching_requests ORDER BY slot, id")
        return [_request(r) for r in rows]

    async def pending_between(self, a: int, b: int) -> MeetingRequest | None:
        row = await self._db.one(
            f"SELECT {_REQUEST} FROM matching_requests WHERE status = 'pending'"
            " AND min(from_user, to_user) = min(?, ?) AND max(from_user, to_user) = max(?, ?)",
            (a, b, a, b),
        )
        return None if row is None else _request(row)

    async def add_request(
        self,
        from_user: int,
        to_user: int,
        slot: int,
        message: str,
        now: datetime,
        expires_at: datetime,
    ) -> int | None:
        """The new request's id; None if one is pending between the two (the index says)."""
        try:
            rows = await self._db.write_returning(
                "INSERT INTO matching_requests (from_user, to_user, slot, message, awaiting,"
                " expires_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                (
                    from_user,
                    to_user,
                    slot,
                    message,
                    to_user,
                    expires_at.isoformat(),
                    now.isoformat(),
                    now.isoformat(),
                ),
            )
        except sqlite3.IntegrityError:
            return None
        return int(rows[0][0])

    async def counter(
        self, request_id: int, by: int, slot: int, now: datetime, expires_at: datetime
    ) -> bool:
        """Another slot proposed by the one who was to answer; the other side answers next."""
        changed = await self._db.write(
            "UPDATE matching_requests SET slot = ?, awaiting ="
            " CASE WHEN from_user = ? THEN to_user ELSE from_user END,"
            " expires_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND awaiting = ?",
            (slot, by, expires_at.isoformat(), now.isoformat(), request_id, by),
        )
        return changed == 1

    async def decline(self, request_id: int, by: int, now: datetime) -> bool:
        changed = await self._db.write(
            "UPDATE matching_requests SET status = 'declined', updated_at = ?"
            " WHERE id = ? AND status = 'pending' AND awaiting = ?",
            (now.isoformat(), request_id, by),
        )
        return changed == 1

    async def accept(
        self, request_id: int, by: int, tables: Sequence[int], now: datetime
    ) -> int | None:
        """Confirm the meeting with the first free table: the table's number; None if the
        request is no longer waiting for `by`. Raises Booked (nothing changed) when a person
        is booked in the slot or no table is free."""
        async with self._db.transaction() as sql:
            async with sql.execute(
                "UPDATE matching_requests SET status = 'accepted', updated_at = ?"
                " WHERE id = ? AND status = 'pending' AND awaiting = ?"
                " RETURNING from_user, to_user, slot",
                (now.isoformat(), request_id, by),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return None
            from_user, to_user, slot = int(row[0]), int(row[1]), int(row[2])
            try:
                await sql.executemany(
                    "INSERT INTO matching_bookings (user_id, slot, request_id) VALUES (?, ?, ?)",
                    [(from_user, slot, request_id), (to_user, slot, request_id)],
                )
            except sqlite3.IntegrityError:
                raise Booked("person") from None
            async with sql.execute(
                "INSERT INTO matching_tables (slot, table_no, request_id)"
                " SELECT ?, t.value, ? FROM json_each(?) t WHERE t.value NOT IN"
                " (SELECT table_no FROM matching_tables WHERE slot = ?)"
                " ORDER BY t.value LIMIT 1 RETURNING table_no",
                (slot, request_id, json.dumps(list(tables)), slot),
            ) as cursor:
                table = await cursor.fetchone()
            if table is None:
                raise Booked("table")
            await sql.execute(
                "UPDATE matching_requests SET table_no = ? WHERE id = ?", (table[0], request_id)
            )
        return int(table[0])

    async def cancel(self, request_id: int, by: int, now: datetime) -> MeetingRequest | None:
        """Cancel a confirmed meeting (or withdraw a pending request) of `by`: the person and
        the table are free again. The request as it was; None if there was nothing to cancel."""
        async with self._db.transaction() as sql:
            async with sql.execute(
                f"SELECT {_REQUEST} FROM matching_requests WHERE id = ?"
                " AND status IN ('pending', 'accepted') AND ? IN (from_user, to_user)",
                (request_id, by),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return None
            await sql.execute(
                "UPDATE matching_requests SET status = 'cancelled', updated_at = ? WHERE id = ?",
                (now.isoformat(), request_id),
            )
            await sql.execute("DELETE FROM matching_bookings WHERE request_id = ?", (request_id,))
            await sql.execute("DELETE FROM matching_tables WHERE request_id = ?", (request_id,))
        return _request(row)

    async def expire(self, now: datetime) -> list[MeetingRequest]:
        """Pending requests past their time, now expired (each returned once)."""
        rows = await self._db.write_returning(
            "UPDATE matching_requests SET status = 'expired', updated_at = ?"
            f" WHERE status = 'pending' AND expires_at <= ? RETURNING {_REQUEST}",
            (now.isoformat(), now.isoformat()),
        )
        return [_request(r) for r in rows]

    async def next_expiry(self) -> datetime | None:
        row = await self._db.one(
            "SELECT min(expires_at) FROM matching_requests WHERE status = 'pending'"
        )
        return None if row is None or row[0] is None else datetime.fromisoformat(row[0])

    async def meetings_between(self, first: int, last: int) -> list[MeetingRequest]:
        """Confirmed meetings whose slot starts in [first, last] (minutes)."""
        rows = await self._db.all(
            f"SELECT {_REQUEST} FROM matching_requests WHERE status = 'accepted'"
            " AND slot BETWEEN ? AND ? ORDER BY slot",
            (first, last),
        )
        return [_request(r) for r in rows]

    async def meeting_slots_after(self, slot: int) -> list[int]:
        rows = await self._db.all(
            "SELECT DISTINCT slot FROM matching_requests WHERE status = 'accepted' AND slot > ?",
            (slot,),
        )
        return [int(r[0]) for r in rows]

    async def booked_slots(self, user_id: int) -> set[int]:
        rows = await self._db.all(
            "SELECT slot FROM matching_bookings WHERE user_id = ?", (user_id,)
        )
        return {int(r[0]) for r in rows}

    async def mark_no_show(self, request_id: int, no_show: bool) -> bool:
        changed = await self._db.write(
            "UPDATE matching_requests SET no_show = ? WHERE id = ? AND status = 'accepted'",
            (int(no_show), request_id),
        )
        return changed == 1

    async def double_bookings(self) -> int:
        """Confirmed meetings that share a person or a table in one slot (must be 0)."""
        row = await self._db.one(
            "SELECT (SELECT count(*) FROM (SELECT p, slot FROM (SELECT from_user p, slot FROM"
            " matching_requests WHERE status = 'accepted' UNION ALL SELECT to_user, slot FROM"
            " matching_requests WHERE status = 'accepted') GROUP BY p, slot HAVING count(*) > 1))"
            " + (SELECT count(*) FROM (SELECT slot, table_no FROM matching_requests"
            " WHERE status = 'accepted' GROUP BY slot, table_no HAVING count(*) > 1))"
        )
        return 0 if row is None else int(row[0])

    async def forget(self, user_id: int) -> None:
        """Everything matching keeps about a person (the other side is told first)."""
        async with self._db.transaction() as sql:
            mine = "(SELECT id FROM matching_requests WHERE ? IN (from_user, to_user))"
            await sql.execute(
                f"DELETE FROM matching_bookings WHERE request_id IN {mine}", (user_id,)
            )
            await sql.execute(f"DELETE FROM matching_tables WHERE request_id IN {mine}", (user_id,))
            await sql.execute(
                "DELETE FROM matching_requests WHERE ? IN (from_user, to_user)", (user_id,)
            )
            await sql.execute("DELETE FROM matching_profiles WHERE user_id = ?", (user_id,))
        self._writes += 1
