"""The exhibition's leads: exhibitor staff by booth, the contacts attendees confirmed sharing
with an exhibitor, and the one an attendee is typing (shared with nobody until confirmed)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from bot.storage.database import Database
from bot.storage.outbox import utc_text


@dataclass(frozen=True)
class Lead:
    user_id: int
    booth: str
    name: str
    organization: str
    role: str
    contact: str
    shared_at: datetime


@dataclass(frozen=True)
class Draft:
    booth: str
    fields: dict[str, str]  # name, organization, role, contact: those typed so far
    until: datetime


class LeadStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Exhibitor staff ------------------------------------------------------------------------

    async def grant(self, user_id: int, booth: str, by: int, now: datetime) -> str | None:
        """Tie `user_id` to `booth`; the booth they had before, if another."""
        async with self._db.transaction() as sql:
            async with sql.execute(
                "SELECT booth FROM exhibitor_staff WHERE user_id = ?", (user_id,)
            ) as cursor:
                row = await cursor.fetchone()
            await sql.execute(
                "INSERT INTO exhibitor_staff (user_id, booth, granted_by, granted_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET booth = excluded.booth,"
                " granted_by = excluded.granted_by, granted_at = excluded.granted_at",
                (user_id, booth, by, now.isoformat()),
            )
        return str(row[0]) if row and row[0] != booth else None

    async def revoke(self, user_id: int) -> str | None:
        """The booth `user_id` was staff of, if any."""
        rows = await self._db.write_returning(
            "DELETE FROM exhibitor_staff WHERE user_id = ? RETURNING booth", (user_id,)
        )
        return str(rows[0][0]) if rows else None

    async def booth_of(self, user_id: int) -> str | None:
        row = await self._db.one("SELECT booth FROM exhibitor_staff WHERE user_id = ?", (user_id,))
        return str(row[0]) if row else None

    async def staff_of(self, booth: str) -> list[int]:
        rows = await self._db.all(
            "SELECT user_id FROM exhibitor_staff WHERE booth = ? ORDER BY user_id", (booth,)
        )
        return [int(row[0]) for row in rows]

    async def all_staff(self) -> list[tuple[str, int]]:
        rows = await self._db.all("SELECT booth, user_id FROM exhibitor_staff ORDER BY booth")
        return [(str(row[0]), int(row[1])) for row in rows]

    # Drafts ---------------------------------------------------------------------------------

    async def draft(self, user_id: int) -> Draft | None:
        row = await self._db.one(
            "SELECT booth, fields, until FROM lead_drafts WHERE user_id = ?", (user_id,)
        )
        if row is None:
            return None
        return Draft(str(row[0]), dict(json.loads(row[1])), datetime.fromisoformat(row[2]))

    async def keep_draft(self, user_id: int, draft: Draft) -> None:
        await self._db.write(
            "INSERT INTO lead_drafts (user_id, booth, fields, until) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET booth = excluded.booth,"
            " fields = excluded.fields, until = excluded.until",
            (user_id, draft.booth, json.dumps(draft.fields), draft.until.isoformat()),
        )

    async def drop_draft(self, user_id: int) -> None:
        await self._db.write("DELETE FROM lead_drafts WHERE user_id = ?", (user_id,))

    # Leads ----------------------------------------------------------------------------------

    async def share(self, lead: Lead) -> None:
        """Record a confirmed lead (again: the new details replace the old) and drop the draft."""
        async with self._db.transaction() as sql:
            await sql.execute(
                "INSERT INTO leads (user_id, booth, name, organization, role, contact, shared_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, booth) DO UPDATE SET"
                " name = excluded.name, organization = excluded.organization,"
                " role = excluded.role, contact = excluded.contact,"
                " shared_at = excluded.shared_at",
                (
                    lead.user_id,
                    lead.booth,
                    lead.name,
                    lead.organization,
                    lead.role,
                    lead.contact,
                    lead.shared_at.isoformat(),
                ),
            )
            await sql.execute("DELETE FROM lead_drafts WHERE user_id = ?", (lead.user_id,))

    async def withdraw(self, user_id: int, booth: str) -> bool:
        changed = await self._db.write(
            "DELETE FROM leads WHERE user_id = ? AND booth = ?", (user_id, booth)
        )
        return changed > 0

    async def lead(self, user_id: int, booth: str) -> Lead | None:
        rows = await self._leads("WHERE user_id = ? AND booth = ?", (user_id, booth))
        return rows[0] if rows else None

    async def latest_of(self, user_id: int) -> Lead | None:
        """The details the attendee last shared (offered again for another exhibitor)."""
        rows = await self._leads("WHERE user_id = ? ORDER BY shared_at DESC LIMIT 1", (user_id,))
        return rows[0] if rows else None

    async def of_booth(self, booth: str) -> list[Lead]:
        return await self._leads("WHERE booth = ? ORDER BY shared_at", (booth,))

    async def counts(self) -> dict[str, int]:
        """How many contacts each booth received (booths with none are absent)."""
        rows = await self._db.all("SELECT booth, count(*) FROM leads GROUP BY booth")
        return {str(row[0]): int(row[1]) for row in rows}

    # Visits ---------------------------------------------------------------------------------

    async def visited(self, user_id: int, booth: str, now: datetime) -> None:
        """An attendee opened the exhibitor's card: one row per attendee, counted again."""
        await self._db.write(
            "INSERT INTO exhibitor_visits (booth, user_id, opened_at) VALUES (?, ?, ?)"
            " ON CONFLICT (booth, user_id) DO UPDATE SET opened_at = excluded.opened_at,"
            " opens = opens + 1",
            (booth, user_id, utc_text(now)),
        )

    async def visits(self) -> dict[str, tuple[int, int]]:
        """Per booth: distinct attendees who opened its card, and all openings (booths never
        opened are absent)."""
        rows = await self._db.all(
            "SELECT booth, count(*), sum(opens) FROM exhibitor_visits GROUP BY booth"
        )
        return {str(row[0]): (int(row[1]), int(row[2])) for row in rows}

    async def staff_counts(self) -> dict[str, int]:
        """How many exhibitor staff each booth has (booths with none are absent)."""
        rows = await self._db.all("SELECT booth, count(*) FROM exhibitor_staff GROUP BY booth")
        return {str(row[0]): int(row[1]) for row in rows}

    async def everyone(self) -> list[Lead]:
        """Every lead, by booth then time (the organizers' download)."""
        return await self._leads("ORDER BY booth, shared_at", ())

    async def _leads(self, where: str, params: tuple[object, ...]) -> list[Lead]:
        rows = await self._db.all(
            "SELECT user_id, booth, name, organization, role, contact, shared_at FROM leads "
            + where,
            params,
        )
        return [
            Lead(int(r[0]), str(r[1]), r[2], r[3], r[4], r[5], datetime.fromisoformat(r[6]))
            for r in rows
        ]
