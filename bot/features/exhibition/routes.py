"""The exhibition's command, plain words and buttons: /exhibition, the themes, the booth areas,
a page of exhibitors, a card; a booth's t.me link (x_B12) and its code typed as text ("B12")."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.features.exhibition import lead_screens, screens
from bot.features.exhibition.actions import (
    ConfirmLead,
    ExhibitionTap,
    ExhibitorsPage,
    OpenExhibitor,
    ShareContact,
    WithdrawLead,
)
from bot.features.exhibition.finder import find
from bot.features.exhibition.leads import Leads, Ready, Typing, booth_and_user, leads_csv
from bot.features.exhibition.loader import ExhibitorsFile
from bot.i18n import N_
from bot.storage.leads import Lead
from bot.ui.actions import Back, Go
from bot.ui.answer import Answer
from bot.ui.finds import Found
from bot.ui.model import Attachment, Screen
from bot.ui.routes import (
    TELEGRAM_ONLY,
    Command,
    DeepLink,
    FeatureRoutes,
    Redirect,
    Request,
    TypedText,
    Who,
    on,
)
from bot.ui.view import View

BOOTH_LINK = "x_"  # t.me/<bot>?start=x_B12 opens the exhibitor at booth B12
# "B12" as people type it: any case, a space or a dash after the letter.
_TYPED_BOOTH = re.compile(r"\s*([A-Za-z])\s*[-‐–— ]?\s*([0-9]{1,3})\s*")


def typed_booth(text: str) -> str | None:
    """The booth code `text` is, written the one way booths are ("b 12" → "B12"); else None."""
    found = _TYPED_BOOTH.fullmatch(text)
    return found.group(1).upper() + str(int(found.group(2))) if found else None


def finder(exhibits: ExhibitorsFile) -> Callable[[View, str], list[Found]]:
    """What a search of the programme offers besides sessions: the exhibitors it finds."""

    def exhibitors(view: View, query: str) -> list[Found]:
        catalogue = exhibits.catalogue
        return screens.found(view, catalogue, find(catalogue, query))

    return exhibitors


def routes(
    exhibits: ExhibitorsFile, venue_of: Callable[[str], int | None], leads: Leads
) -> FeatureRoutes:
    """`venue_of`: the venues guide's index of a venue id (the exhibition's 📍)."""

    def venue() -> int | None:
        return venue_of(exhibits.catalogue.venue)

    async def shown(request: Request, index: int, back: Back) -> Screen:
        """The card as this reader sees it: whether their contact is shared with it."""
        catalogue = exhibits.catalogue
        booth = catalogue.exhibitors[index].booth
        shared = await leads.shared(request.user_id, booth)
        return screens.card(request.view, catalogue, index, back, venue(), shared)

    async def front(request: Request) -> Screen:
        return screens.front(request.view, exhibits.catalogue, venue())

    async def themes(request: Request) -> Screen:
        return screens.themes(request.view, exhibits.catalogue)

    async def areas(request: Request) -> Screen:
        return screens.areas(request.view, exhibits.catalogue)

    async def listing(request: Request, action: ExhibitorsPage) -> Screen | None:
        return screens.listing(request.view, exhibits.catalogue, action)

    async def card(request: Request, action: OpenExhibitor) -> Screen | None:
        catalogue = exhibits.catalogue
        exhibitor = catalogue.exhibitor(action.exhibitor)
        if exhibitor is None:
            return None
        await leads.visited(request.user_id, exhibitor.booth)
        return await shown(request, action.exhibitor, action.back)

    async def linked(request: Request, booth: str) -> Screen | None:
        """/start x_B12: that booth's exhibitor."""
        catalogue = exhibits.catalogue
        index = catalogue.index_of_booth(booth)
        if index is None:
            return None
        await leads.visited(request.user_id, catalogue.exhibitors[index].booth)
        return await shown(request, index, Go.HOME)

    # Sharing a contact ------------------------------------------------------------------------

    async def share(request: Request, action: ShareContact) -> Screen | None:
        exhibitor = exhibits.catalogue.exhibitor(action.exhibitor)
        if exhibitor is None:
            return None
        step = await leads.start(request.user_id, exhibitor.booth, retype=action.retype)
        return _step(request.view, action.exhibitor, step)

    def _step(view: View, index: int, step: Typing | Ready) -> Screen:
        exhibitor = exhibits.catalogue.exhibitors[index]
        if isinstance(step, Ready):
            return lead_screens.ready(view, exhibitor, index, step)
        return lead_screens.typing(view, exhibitor, step)

    async def confirm(request: Request, action: ConfirmLead) -> Answer | None:
        catalogue = exhibits.catalogue
        exhibitor = catalogue.exhibitor(action.exhibitor)
        if exhibitor is None:
            return None

        def told(view: View, lead: Lead) -> Screen:
            return lead_screens.lead_received(view, catalogue, lead)

        lead = await leads.confirm(request.user_id, exhibitor, told)
        card = await shown(request, action.exhibitor, Go.EXHIBITION)
        if lead is None:
            return Answer(card, lead_screens.not_ready(request.view))
        return Answer(card, lead_screens.shared(request.view, exhibitor))

    async def withdraw(request: Request, action: WithdrawLead) -> Answer | None:
        exhibitor = exhibits.catalogue.exhibitor(action.exhibitor)
        if exhibitor is None:
            return None
        await leads.withdraw(request.user_id, exhibitor.booth)
        card = await shown(request, action.exhibitor, Go.EXHIBITION)
        return Answer(card, lead_screens.withdrawn(request.view))

    async def cancel(request: Request) -> Answer | Redirect:
        booth = await leads.cancel(request.user_id)
        index = None if booth is None else exhibits.catalogue.index_of_booth(booth)
        notice = lead_screens.cancelled(request.view)
        if index is None:
            return Redirect(Go.EXHIBITION, notice)
        return Answer(await shown(request, index, Go.EXHIBITION), notice)

    # Exhibitor staff and organizers -----------------------------------------------------------

    async def download(request: Request) -> Answer | Screen:
        """/leads: the booth's contacts as a CSV (organizers: /leads B12)."""
        view = request.view
        asked = typed_booth(request.args[0]) if request.args else None
        found = await leads.leads_for(request.user_id, asked)
        if found is None:
            return lead_screens.no_leads_role(view)
        if isinstance(found, str):
            return lead_screens.not_your_booth(view, found)
        catalogue = exhibits.catalogue
        booth = asked or await leads.booth_of(request.user_id) or ""
        index = catalogue.index_of_booth(booth)
        if index is None:
            return Screen(screens.not_found(view, booth), ())
        name = catalogue.exhibitors[index].names[view.t.lang]
        content = leads_csv(found, lambda _booth: name, lead_screens.csv_header(view), view)
        caption = lead_screens.leads_caption(view, booth, len(found))
        return Answer(None, attachments=(Attachment(f"leads-{booth}.csv", content, caption),))

    async def exhibitor_staff(request: Request) -> Screen:
        """/exhibitor_staff [B12 <user id> | remove <user id>] (organizers: checked by the
        route table before this runs)."""
        view, args = request.view, request.args
        if not args:
            return lead_screens.staff_list(view, await leads.staff(), await leads.counts())
        if args[0].lower() == "remove" and len(args) == 2 and args[1].isdigit():
            target = int(args[1])
            return lead_screens.staff_revoked(view, target, await leads.revoke(target))
        asked = booth_and_user(args)
        if asked is None:
            return lead_screens.staff_usage(view)
        booth, target = asked
        catalogue = exhibits.catalogue
        if catalogue.index_of_booth(booth) is None:
            return Screen(screens.not_found(view, booth), lead_screens.staff_usage(view).rows)

        def welcome(their: View) -> Screen:
            return lead_screens.staff_welcome(their, catalogue, booth)

        await leads.grant(request.user_id, booth, target, welcome)
        return lead_screens.staff_granted(view, booth, target)

    async def code(request: Request, typed: TypedText) -> Screen | Redirect | None:
        """A contact's field being typed; else a booth code typed as a message (Zalo has no
        t.me links): its card; anything else, or a code no booth has, reads on (a search)."""
        step = await leads.typed(request.user_id, typed.text)
        if step is not None:
            index = exhibits.catalogue.index_of_booth(step.draft.booth)
            if index is not None:
                return _step(request.view, index, step)
        booth = typed_booth(typed.text)
        index = None if booth is None else exhibits.catalogue.index_of_booth(booth)
        return None if index is None else Redirect(OpenExhibitor(index, Go.HOME))

    return FeatureRoutes(
        commands=(
            Command(
                "exhibition",
                N_("The exhibition: exhibitors by theme and booth"),
                front,
                words=(
                    "exhibition",
                    "exhibitors",
                    "trien lam",
                    "gian hang",
                    "exposition",
                    "exposants",
                ),
            ),
            Command("leads", None, download),
            Command(
                "exhibitor_staff",
                N_("Tie a staff member to an exhibitor's booth"),
                exhibitor_staff,
                who=Who.ORGANIZERS,
                channels=TELEGRAM_ONLY,
            ),
        ),
        buttons=(
            on(Go.EXHIBITION, front),
            on(ExhibitionTap.THEMES, themes),
            on(ExhibitionTap.AREAS, areas),
            on(ExhibitorsPage, listing),
            on(OpenExhibitor, card),
            on(ShareContact, share),
            on(ConfirmLead, confirm),
            on(WithdrawLead, withdraw),
            on(ExhibitionTap.CANCEL_LEAD, cancel),
        ),
        reads_text=code,
        deep_links=(DeepLink("start", BOOTH_LINK, linked, screens.not_found),),
    )
