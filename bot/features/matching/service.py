"""The rules of business matching with their storage, for every channel and the console.

- A profile is seen only by other participants who opted in, and only while its owner is
  opted in: hiding it (opt-out) takes it out of every suggestion at once.
- A meeting request names a free slot of the business-matching sessions, in the future; one
  request at a time between two people; the other side accepts, declines or proposes another
  slot (then the first answers); a request not answered in 24 h expires.
- Accepting books both people and the first free table in one transaction: the database
  refuses a second booking of a person or a table in one slot (bot/storage/matching.py).
- The other side is told of every request, answer, expiry and cancellation.
- An exhibitor's staff member takes part as the company: their profile is prefilled with the
  exhibitor's name and shown with its booth (exhibitor_staff, read from storage).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.clock import Clock
from bot.delivery.service import Delivery
from bot.features.matching import screens
from bot.features.matching.actions import Facet
from bot.features.matching.interests import CODES
from bot.features.matching.rules import (
    ABOUT_CHARS,
    ANSWER_WITHIN,
    Details,
    Refusal,
    clashing_slots,
    open_slots,
    ranked,
    slot_refusal,
)
from bot.outgoing import Outgoing, screen_payload
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.storage.matching import ACCEPTED, PENDING, Booked, MeetingRequest, Profile
from bot.ui.model import Screen
from bot.ui.view import View

KIND = "matching"  # the outbox kind of what the other side is told


@dataclass(frozen=True)
class DeskRow:
    request: MeetingRequest
    asker: Profile | None
    asked: Profile | None


class Matching:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        view_of: Callable[..., View],
        tables: Sequence[int],
        exhibitor_name: Callable[[str, str], str | None] = lambda _booth, _lang: None,
    ) -> None:
        """`exhibitor_name`: (booth, language) → the exhibitor's name, None if no such booth
        (the exhibition's data, handed over by bot/core.py)."""
        self.programme = programme
        self.storage = storage
        self.store = storage.matching
        self.delivery = delivery
        self.clock = clock
        self.view_of = view_of  # a user's profile → the view they read in
        self.tables = tuple(tables)
        self.exhibitor_name = exhibitor_name

    # Profiles -----------------------------------------------------------------------------

    async def profile(self, user_id: int) -> Profile:
        """One's own profile (created if need be); an exhibitor's staff member without an
        organization yet gets the exhibitor's name, in their language."""
        profile = await self.store.ensure(user_id, self.clock.now())
        booth = await self.storage.leads.booth_of(user_id)
        if booth is None:
            return profile
        if not profile.organization:
            person = await self.storage.users.get(user_id)
            name = self.exhibitor_name(booth, person.language if person else "en")
            if name:
                await self.store.save(user_id, self.clock.now(), organization=name)
                profile = replace(profile, organization=name)
        return replace(profile, booth=booth)

    async def _as_companies(self, profiles: list[tuple[Profile, int]]) -> list[tuple[Profile, int]]:
        """The profiles of exhibitors' staff marked with their booth."""
        booths = {user: booth for booth, user in await self.storage.leads.all_staff()}
        if not booths:
            return profiles
        return [
            (replace(p, booth=booths[p.user_id]), n) if p.user_id in booths else (p, n)
            for p, n in profiles
        ]

    async def toggle(self, user_id: int, facet: Facet, item: int) -> Profile | None:
        """Turn a theme or an interest on or off; None if it names none."""
        profile = await self.profile(user_id)
        if facet is Facet.THEMES:
            track = self.programme.schedule.track(item)
            if track is None:
                return None
            code, current = track.slug, profile.themes
        else:
            if not 0 <= item < len(CODES):
                return None
            code = CODES[item]
            current = profile.offering if facet is Facet.OFFERING else profile.seeking
        chosen = current - {code} if code in current else current | {code}
        now = self.clock.now()
        if facet is Facet.THEMES:
            await self.store.save(user_id, now, themes=chosen)
            return replace(profile, themes=chosen)
        if facet is Facet.OFFERING:
            await self.store.save(user_id, now, offering=chosen)
            return replace(profile, offering=chosen)
        await self.store.save(user_id, now, seeking=chosen)
        return replace(profile, seeking=chosen)

    async def set_details(self, user_id: int, details: Details) -> None:
        await self.store.save(
            user_id,
            self.clock.now(),
            organization=details.organization,
            role=details.role,
            country=details.country,
        )

    async def set_about(self, user_id: int, text: str) -> bool:
        about = " ".join(text.split())
        if len(about) > ABOUT_CHARS:
            return False
        await self.store.save(user_id, self.clock.now(), about=about)
        return True

    async def opt_in(self, user_id: int) -> bool:
        """Show the profile to other opted-in participants; False until it names an
        organization (a suggestion must say who it is)."""
        if not (await self.profile(user_id)).organization:
            return False
        await self.store.save(user_id, self.clock.now(), visible=True)
        return True

    async def opt_out(self, user_id: int) -> None:
        await self.store.save(user_id, self.clock.now(), visible=False)

    async def suggestions(self, user_id: int) -> list[tuple[Profile, int]] | None:
        """Opted-in others, best match first; None if this person has not opted in."""
        mine = await self.store.profile(user_id)
        if mine is None or not mine.visible:
            return None
        return await self._as_companies(ranked(mine, await self.store.visible_profiles()))

    async def other(self, user_id: int, profile_id: int) -> Profile | Refusal:
        """The opted-in profile `profile_id`, as `user_id` (opted in) may see it."""
        mine = await self.store.profile(user_id)
        if mine is None or not mine.visible:
            return Refusal.NO_PROFILE
        theirs = await self.store.profile_by_id(profile_id)
        if theirs is None or not theirs.visible:
            return Refusal.NOT_OPTED_IN
        if theirs.user_id == user_id:
            return Refusal.SELF
        booth = await self.storage.leads.booth_of(theirs.user_id)
        return theirs if booth is None else replace(theirs, booth=booth)

    # Requests -----------------------------------------------------------------------------

    async def free_slots(self, a: int, b: int) -> list[int]:
        """The slots to offer: not booked for either, not taken by a session either follows."""
        followed = await self.storage.follows.sessions(a) | await self.storage.follows.sessions(b)
        busy = await self.store.booked_slots(a) | await self.store.booked_slots(b)
        busy |= clashing_slots(self.programme.schedule, followed)
        return open_slots(self.programme.schedule, self.clock.now(), busy)

    async def check(self, user_id: int, profile_id: int, slot: int) -> Profile | Refusal:
        """Whom a request for `slot` would go to, or why it would be refused."""
        theirs = await self.other(user_id, profile_id)
        if isinstance(theirs, Refusal):
            return theirs
        refused = slot_refusal(self.programme.schedule, slot, self.clock.now())
        if refused is not None:
            return refused
        if await self.store.pending_between(user_id, theirs.user_id) is not None:
            return Refusal.PENDING
        if slot in await self.store.booked_slots(theirs.user_id) | await self.store.booked_slots(
            user_id
        ):
            return Refusal.PERSON_BOOKED
        return theirs

    async def send(
        self, user_id: int, profile_id: int, slot: int, message: str
    ) -> MeetingRequest | Refusal:
        theirs = await self.check(user_id, profile_id, slot)
        if isinstance(theirs, Refusal):
            return theirs
        now = self.clock.now()
        text = " ".join(message.split())
        if len(text) > ABOUT_CHARS:
            return Refusal.TOO_LONG
        added = await self.store.add_request(
            user_id, theirs.user_id, slot, text, now, now + ANSWER_WITHIN
        )
        if added is None:  # another request between the two landed first
            return Refusal.PENDING
        request = await self.store.request(added)
        assert request is not None
        await self._tell_request(request, theirs.user_id, "request")
        return request

    async def request_of(self, user_id: int, request_id: int) -> MeetingRequest | None:
        """The request if this person is one of its two sides (a forged id reads nothing)."""
        request = await self.store.request(request_id)
        return request if request is not None and request.involves(user_id) else None

    async def awaiting(self, user_id: int, request_id: int) -> MeetingRequest | None:
        """The request if it waits for this person's answer (accept, decline, another slot)."""
        request = await self.request_of(user_id, request_id)
        waits = request is not None and request.status == PENDING and request.awaiting == user_id
        return request if waits else None

    async def accept(self, user_id: int, request_id: int) -> MeetingRequest | Refusal:
        request = await self.awaiting(user_id, request_id)
        if request is None:
            return Refusal.NOT_YOURS
        if slot_refusal(self.programme.schedule, request.slot, self.clock.now()) is not None:
            return Refusal.PAST
        try:
            table = await self.store.accept(request_id, user_id, self.tables, self.clock.now())
        except Booked as booked:
            return Refusal.PERSON_BOOKED if booked.what == "person" else Refusal.NO_TABLE
        if table is None:
            return Refusal.NOT_YOURS
        confirmed = replace(request, status=ACCEPTED, table_no=table)
        await self._tell_request(confirmed, request.other(user_id), "accepted")
        return confirmed

    async def decline(self, user_id: int, request_id: int) -> MeetingRequest | None:
        request = await self.request_of(user_id, request_id)
        if request is None or not await self.store.decline(request_id, user_id, self.clock.now()):
            return None
        await self._tell_request(request, request.other(user_id), "declined")
        return request

    async def counter(self, user_id: int, request_id: int, slot: int) -> MeetingRequest | Refusal:
        request = await self.awaiting(user_id, request_id)
        if request is None:
            return Refusal.NOT_YOURS
        refused = slot_refusal(self.programme.schedule, slot, self.clock.now())
        if refused is not None:
            return refused
        if slot not in await self.free_slots(request.from_user, request.to_user):
            return Refusal.PERSON_BOOKED
        now = self.clock.now()
        if not await self.store.counter(request_id, user_id, slot, now, now + ANSWER_WITHIN):
            return Refusal.NOT_YOURS
        moved = await self.store.request(request_id)
        assert moved is not None
        await self._tell_request(moved, moved.awaiting, "counter")
        return moved

    async def cancel(self, user_id: int, request_id: int) -> MeetingRequest | None:
        """Cancel a confirmed meeting or withdraw a pending request; the other side is told."""
        cancelled = await self.store.cancel(request_id, user_id, self.clock.now())
        if cancelled is not None:
            await self._tell_request(cancelled, cancelled.other(user_id), "cancelled")
        return cancelled

    async def forget(self, user_id: int) -> None:
        """/forget: the other side of each open request or meeting is told, then it all goes."""
        for request in await self.store.requests_of(user_id):
            if request.status in (PENDING, ACCEPTED):
                await self._tell_request(request, request.other(user_id), "cancelled")
        await self.store.forget(user_id)

    # The organizers' desk (web/console/matching.py) -----------------------------------------

    async def desk(self) -> list[DeskRow]:
        """Every request with both sides' profiles, by slot then table."""
        profiles = {p.user_id: p for p in await self.store.all_profiles()}
        rows = [
            DeskRow(r, profiles.get(r.from_user), profiles.get(r.to_user))
            for r in await self.store.all_requests()
        ]
        return sorted(rows, key=lambda row: (row.request.slot, row.request.table_no or 0))

    async def mark_no_show(self, request_id: int, no_show: bool) -> bool:
        return await self.store.mark_no_show(request_id, no_show)

    # Telling ------------------------------------------------------------------------------

    async def tell(self, user_id: int, key: str, render: Callable[[View], Screen]) -> None:
        """One message to one person in their language (through the outbox, urgent)."""
        person = await self.storage.users.get(user_id)
        if person is None or person.blocked:
            return
        screen = render(self.view_of(person))
        item = Outgoing(user_id, screen_payload(screen), key)
        await self.delivery.enqueue(KIND, KIND, [item], urgent=True)

    async def _tell_request(self, request: MeetingRequest, to: int, what: str) -> None:
        sender = await self.store.profile(request.other(to))
        stamp = self.clock.now().isoformat()

        def render(view: View) -> Screen:
            return screens.told(view, what, request, sender, to)

        await self.tell(to, f"matching:{request.id}:{what}:{to}:{stamp}", render)
