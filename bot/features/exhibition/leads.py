"""Leads, with consent: an attendee types the contact they choose to share with one exhibitor,
sees exactly what will be shared, and confirms; nothing reaches the exhibitor before. The
exhibitor's staff (each tied to one booth by an organizer) get each lead in the chat and
download their booth's leads, never another booth's. Withdrawing (or /forget) removes the lead
from the bot; the copy already sent is the exhibitor's."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import Enum

from bot.channels import TELEGRAM_ID_LIMIT
from bot.clock import Clock
from bot.delivery.service import Delivery
from bot.features.exhibition.catalogue import Exhibitor
from bot.outgoing import Outgoing, screen_payload
from bot.roles import Roles
from bot.storage import Storage, UserProfile
from bot.storage.leads import Draft, Lead
from bot.ui.model import Screen
from bot.ui.view import View

KIND = "lead"
FIELDS = ("name", "organization", "role", "contact")
MAX_FIELD_CHARS = 100
TYPING_WINDOW = timedelta(minutes=30)  # typed later, text is read as anything else
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9(][0-9 ().-]{5,22}")


class Problem(Enum):
    """Why a typed field is not taken (the attendee is asked again, nothing is lost)."""

    TOO_LONG = "too-long"
    NOT_A_CONTACT = "not-a-contact"


@dataclass(frozen=True)
class Typing:
    """The next field to type (after `problem`, the same one again)."""

    draft: Draft
    field: str
    problem: Problem | None = None


@dataclass(frozen=True)
class Ready:
    """Every field typed: what will be shared, awaiting the attendee's confirmation."""

    draft: Draft


def checked(field: str, text: str) -> tuple[str, Problem | None]:
    value = " ".join(text.split())
    if len(value) > MAX_FIELD_CHARS:
        return value, Problem.TOO_LONG
    if field == "contact" and not (
        _EMAIL.fullmatch(value)
        or (_PHONE.fullmatch(value) and sum(c.isdigit() for c in value) >= 6)
    ):
        return value, Problem.NOT_A_CONTACT
    return value, None


def booth_and_user(args: tuple[str, ...]) -> tuple[str, int] | None:
    """'B12 42' as typed after /exhibitor_staff: the booth and a user id, else None."""
    if len(args) != 2 or not args[1].isdigit():
        return None
    user_id = int(args[1])
    return (args[0].upper(), user_id) if 0 < user_id < TELEGRAM_ID_LIMIT else None


class Leads:
    def __init__(
        self,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        roles: Roles,
        view_of: Callable[[UserProfile], View],
    ) -> None:
        self._store = storage.leads
        self._users = storage.users
        self._delivery = delivery
        self._clock = clock
        self._roles = roles
        self._view_of = view_of

    # The attendee ---------------------------------------------------------------------------

    async def visited(self, user_id: int, booth: str) -> None:
        """The attendee opened the booth's card (the organizers see how many did)."""
        await self._store.visited(user_id, booth, self._clock.now())

    async def shared(self, user_id: int, booth: str) -> bool:
        return await self._store.lead(user_id, booth) is not None

    async def start(self, user_id: int, booth: str, *, retype: bool) -> Typing | Ready:
        """A new draft for `booth`: the details last shared with another exhibitor, to
        confirm, or (retype, or none yet) the first field to type."""
        until = self._clock.now() + TYPING_WINDOW
        latest = None if retype else await self._store.latest_of(user_id)
        if latest is not None:
            fields = {f: getattr(latest, f) for f in FIELDS}
            draft = Draft(booth, fields, until)
            await self._store.keep_draft(user_id, draft)
            return Ready(draft)
        draft = Draft(booth, {}, until)
        await self._store.keep_draft(user_id, draft)
        return Typing(draft, FIELDS[0])

    async def typed(self, user_id: int, text: str) -> Typing | Ready | None:
        """A field typed; None when no draft awaits one (the text is read as anything else)."""
        draft = await self._store.draft(user_id)
        now = self._clock.now()
        if draft is None or draft.until < now or len(draft.fields) == len(FIELDS):
            return None
        field = FIELDS[len(draft.fields)]
        value, problem = checked(field, text)
        if problem is not None:
            return Typing(draft, field, problem)
        draft = replace(draft, fields={**draft.fields, field: value}, until=now + TYPING_WINDOW)
        await self._store.keep_draft(user_id, draft)
        if len(draft.fields) == len(FIELDS):
            return Ready(draft)
        return Typing(draft, FIELDS[len(draft.fields)])

    async def cancel(self, user_id: int) -> str | None:
        """Drop the draft; the booth it was for."""
        draft = await self._store.draft(user_id)
        await self._store.drop_draft(user_id)
        return None if draft is None else draft.booth

    async def confirm(
        self, user_id: int, exhibitor: Exhibitor, told: Callable[[View, Lead], Screen]
    ) -> Lead | None:
        """Share the draft for this exhibitor, and tell its staff; None without a complete
        draft for it (a stale or forged confirmation shares nothing)."""
        draft = await self._store.draft(user_id)
        if draft is None or draft.booth != exhibitor.booth or len(draft.fields) != len(FIELDS):
            return None
        lead = Lead(user_id, draft.booth, **draft.fields, shared_at=self._clock.now())
        await self._store.share(lead)
        await self._tell_staff(lead, told)
        return lead

    async def withdraw(self, user_id: int, booth: str) -> bool:
        return await self._store.withdraw(user_id, booth)

    async def _tell_staff(self, lead: Lead, told: Callable[[View, Lead], Screen]) -> None:
        items = []
        for staff in await self._store.staff_of(lead.booth):
            profile = await self._users.get(staff)
            if profile is None or profile.blocked:
                continue  # never talked to the bot: their download has it
            screen = told(self._view_of(profile), lead)
            key = f"lead:{lead.booth}:{lead.user_id}:{staff}:{lead.shared_at.isoformat()}"
            items.append(Outgoing(staff, screen_payload(screen), key))
        if items:
            await self._delivery.enqueue(KIND, KIND, items, urgent=True)

    # Exhibitor staff ------------------------------------------------------------------------

    async def booth_of(self, user_id: int) -> str | None:
        return await self._store.booth_of(user_id)

    async def leads_for(self, user_id: int, booth: str | None) -> list[Lead] | str | None:
        """The leads `user_id` may download: their booth's (organizers: any booth asked for).
        None: they may download none; a booth's code: the only one they may (another's asked)."""
        own = await self._store.booth_of(user_id)
        if self._roles.is_organizer(user_id) and booth is not None:
            return await self._store.of_booth(booth)
        if own is None:
            return None
        if booth is not None and booth != own:
            return own
        return await self._store.of_booth(own)

    # Organizers -----------------------------------------------------------------------------

    async def grant(
        self, organizer: int, booth: str, user_id: int, welcome: Callable[[View], Screen]
    ) -> str | None:
        """Tie `user_id` to `booth` (organizers only: checked by the route); the booth they
        leave, if any. The person is told, if they ever talked to the bot."""
        before = await self._store.grant(user_id, booth, organizer, self._clock.now())
        profile = await self._users.get(user_id)
        if profile is not None and not profile.blocked:
            stamp = self._clock.now().isoformat()
            item = Outgoing(
                user_id,
                screen_payload(welcome(self._view_of(profile))),
                f"xstaff:{user_id}:{stamp}",
            )
            await self._delivery.enqueue(KIND, KIND, [item], urgent=True)
        return before

    async def revoke(self, user_id: int) -> str | None:
        return await self._store.revoke(user_id)

    async def staff(self) -> list[tuple[str, int]]:
        return await self._store.all_staff()

    async def counts(self) -> dict[str, int]:
        """Contacts shared per booth, for the organizers."""
        return await self._store.counts()


def leads_csv(
    leads: list[Lead], name_of: Callable[[str], str], header: list[str], view: View
) -> bytes:
    """UTF-8 with a BOM, so that Excel reads the Vietnamese letters right; `name_of`: the
    exhibitor's name at a booth."""
    zone = view.schedule.zone
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for lead in leads:
        shared = lead.shared_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        row = [lead.booth, name_of(lead.booth), shared, lead.name, lead.organization, lead.role]
        writer.writerow([_cell(value) for value in (*row, lead.contact)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value: str) -> str:
    """Text a spreadsheet would run as a formula ("=…", "+84…") kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
