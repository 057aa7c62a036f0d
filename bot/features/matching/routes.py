"""Business matching in the chat: /matching, the profile, suggestions, requests, meetings."""

from __future__ import annotations

from datetime import timedelta

from bot.features.matching import screens
from bot.features.matching.actions import (
    Accept,
    CancelMeeting,
    ChooseSlot,
    Counter,
    CounterSlots,
    Decline,
    EditFacet,
    MatchingTap,
    OpenProfile,
    OpenRequest,
    RequestSlot,
    SendRequest,
    Suggestions,
    ToggleItem,
)
from bot.features.matching.rules import ABOUT_CHARS, Refusal, read_details
from bot.features.matching.service import Matching
from bot.i18n import N_
from bot.storage.matching import MeetingRequest
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, TypedText, on

# A text is read as the profile's details (or a request's message) this long after the
# button: typed later, it is a search again.
TYPING_WINDOW = timedelta(minutes=10)


def routes(matching: Matching) -> FeatureRoutes:
    store = matching.store
    clock = matching.clock

    async def home(request: Request, notice: str | None = None) -> Screen:
        await store.set_typing(request.user_id, None)
        return screens.home(request.view, await matching.profile(request.user_id), notice)

    async def expect(request: Request, what: str) -> None:
        await matching.profile(request.user_id)
        until = int((clock.now() + TYPING_WINDOW).timestamp())
        await store.set_typing(request.user_id, f"{what}:{until}")

    async def details(request: Request) -> Screen:
        await expect(request, "d")
        return screens.details_prompt(request.view)

    async def about(request: Request) -> Screen:
        await expect(request, "a")
        return screens.about_prompt(request.view)

    async def opt_in(request: Request) -> Screen:
        if not await matching.opt_in(request.user_id):
            return await home(request, screens.needs_organization(request.view))
        return await home(request)

    async def opt_out(request: Request) -> Screen:
        await matching.opt_out(request.user_id)
        return await home(request)

    async def edit(request: Request, action: EditFacet) -> Screen:
        profile = await matching.profile(request.user_id)
        return screens.facet(request.view, profile, action.facet)

    async def toggle(request: Request, action: ToggleItem) -> Screen | None:
        profile = await matching.toggle(request.user_id, action.facet, action.item)
        return None if profile is None else screens.facet(request.view, profile, action.facet)

    async def suggest(request: Request, action: Suggestions) -> Screen:
        found = await matching.suggestions(request.user_id)
        if found is None:
            return screens.refused(request.view, Refusal.NO_PROFILE)
        return screens.suggestions(request.view, found, action.page)

    async def open_profile(request: Request, action: OpenProfile) -> Screen:
        theirs = await matching.other(request.user_id, action.profile)
        if isinstance(theirs, Refusal):
            return screens.refused(request.view, theirs)
        return screens.card(request.view, theirs, action.page)

    async def choose(request: Request, action: ChooseSlot) -> Screen:
        theirs = await matching.other(request.user_id, action.profile)
        if isinstance(theirs, Refusal):
            return screens.refused(request.view, theirs)
        if await store.pending_between(request.user_id, theirs.user_id) is not None:
            return screens.refused(request.view, Refusal.PENDING)
        free = await matching.free_slots(request.user_id, theirs.user_id)
        return screens.slots(request.view, theirs, free, action.page)

    async def pick(request: Request, action: RequestSlot, too_long: bool = False) -> Screen:
        theirs = await matching.check(request.user_id, action.profile, action.slot)
        if isinstance(theirs, Refusal):
            return screens.refused(request.view, theirs)
        await expect(request, f"r:{action.profile}:{action.slot}")
        notice = screens.about_too_long(request.view) if too_long else None
        return screens.message_prompt(request.view, theirs, action.slot, notice)

    async def send(request: Request, profile_id: int, slot: int, message: str) -> Screen:
        await store.set_typing(request.user_id, None)
        outcome = await matching.send(request.user_id, profile_id, slot, message)
        if isinstance(outcome, Refusal):
            return screens.refused(request.view, outcome)
        return screens.sent(request.view, outcome, await matching.store.profile(outcome.to_user))

    async def send_silent(request: Request, action: SendRequest) -> Screen:
        return await send(request, action.profile, action.slot, "")

    async def mine(request: Request) -> Screen:
        listed = [
            (r, await store.profile(r.other(request.user_id)))
            for r in await store.requests_of(request.user_id)
        ]
        return screens.mine(request.view, listed, request.user_id)

    async def shown(request: Request, found: MeetingRequest) -> Screen:
        other = await store.profile(found.other(request.user_id))
        return screens.request_card(request.view, found, other, request.user_id)

    async def open_request(request: Request, action: OpenRequest) -> Screen | None:
        found = await matching.request_of(request.user_id, action.request)
        return None if found is None else await shown(request, found)

    async def accept(request: Request, action: Accept) -> Screen:
        outcome = await matching.accept(request.user_id, action.request)
        if isinstance(outcome, Refusal):
            return screens.refused(request.view, outcome)
        other = await store.profile(outcome.other(request.user_id))
        return screens.confirmed(request.view, outcome, other)

    async def decline(request: Request, action: Decline) -> Screen:
        outcome = await matching.decline(request.user_id, action.request)
        if outcome is None:
            return screens.refused(request.view, Refusal.NOT_YOURS)
        other = await store.profile(outcome.other(request.user_id))
        return screens.done(request.view, "declined", outcome, other)

    async def counter_slots(request: Request, action: CounterSlots) -> Screen:
        found = await matching.awaiting(request.user_id, action.request)
        if found is None:
            return screens.refused(request.view, Refusal.NOT_YOURS)
        free = await matching.free_slots(found.from_user, found.to_user)
        return screens.counter_slots(request.view, found, free, action.page)

    async def counter(request: Request, action: Counter) -> Screen:
        outcome = await matching.counter(request.user_id, action.request, action.slot)
        if isinstance(outcome, Refusal):
            return screens.refused(request.view, outcome)
        other = await store.profile(outcome.other(request.user_id))
        return screens.done(request.view, "counter", outcome, other)

    async def cancel(request: Request, action: CancelMeeting) -> Screen:
        outcome = await matching.cancel(request.user_id, action.request)
        if outcome is None:
            return screens.refused(request.view, Refusal.NOT_YOURS)
        other = await store.profile(outcome.other(request.user_id))
        return screens.done(request.view, "cancelled", outcome, other)

    async def typed(request: Request, text: TypedText) -> Screen | None:
        expecting = await store.typing(request.user_id)
        if expecting is None:
            return None
        what, _, until = expecting.rpartition(":")
        await store.set_typing(request.user_id, None)
        if not until.isdigit() or int(until) < int(clock.now().timestamp()):
            return None  # typed long after the button: read as anything else
        if what == "d":
            found = read_details(text.text)
            if found is None:
                return await home(request, screens.details_invalid(request.view))
            await matching.set_details(request.user_id, found)
            return await home(request)
        if what == "a":
            if not await matching.set_about(request.user_id, text.text):
                return await home(request, screens.about_too_long(request.view))
            return await home(request)
        kind, _, target = what.partition(":")
        profile, _, slot = target.partition(":")
        if kind == "r" and profile.isdigit() and slot.isdigit():
            if len(" ".join(text.text.split())) > ABOUT_CHARS:  # told, and typed again
                return await pick(request, RequestSlot(int(profile), int(slot)), too_long=True)
            return await send(request, int(profile), int(slot), text.text)
        return None

    return FeatureRoutes(
        commands=(
            Command(
                "matching",
                N_("Business matching: your profile, suggestions, meeting requests"),
                home,
                words=("matching", "ket noi doanh nghiep", "rencontres d affaires", "rendez vous"),
            ),
        ),
        buttons=(
            on(MatchingTap.HOME, home),
            on(MatchingTap.DETAILS, details),
            on(MatchingTap.ABOUT, about),
            on(MatchingTap.OPT_IN, opt_in),
            on(MatchingTap.OPT_OUT, opt_out),
            on(MatchingTap.MINE, mine),
            on(EditFacet, edit),
            on(ToggleItem, toggle),
            on(Suggestions, suggest),
            on(OpenProfile, open_profile),
            on(ChooseSlot, choose),
            on(RequestSlot, pick),
            on(SendRequest, send_silent),
            on(OpenRequest, open_request),
            on(Accept, accept),
            on(Decline, decline),
            on(CounterSlots, counter_slots),
            on(Counter, counter),
            on(CancelMeeting, cancel),
        ),
        reads_text=typed,
    )
