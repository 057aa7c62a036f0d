"""What business matching shows: the profile, suggestions, slots, requests and meetings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from html import escape

from bot.features.matching.actions import (
    Accept,
    CancelMeeting,
    ChooseSlot,
    Counter,
    CounterSlots,
    Decline,
    EditFacet,
    Facet,
    MatchingTap,
    OpenProfile,
    OpenRequest,
    RequestSlot,
    SendRequest,
    Suggestions,
    ToggleItem,
)
from bot.features.matching.interests import INTERESTS
from bot.features.matching.rules import ABOUT_CHARS, Refusal
from bot.i18n import N_
from bot.storage.matching import ACCEPTED, PENDING, MeetingRequest, Profile
from bot.ui.layout import fitted, rows_of
from bot.ui.meetings import SLOT_MINUTES, slot_start
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.view import View, bold, italic

_REFUSALS = {
    Refusal.NO_PROFILE: N_(
        "Please publish your business-matching profile first: only participants who take "
        "part see each other."
    ),
    Refusal.NOT_OPTED_IN: N_(
        "This participant does not take part in business matching (or no longer)."
    ),
    Refusal.SELF: N_("You cannot request a meeting with yourself."),
    Refusal.PAST: N_("This slot has already begun. Please choose a later one."),
    Refusal.OUTSIDE: N_(
        "Meetings are held only during the business-matching sessions. Please choose one of "
        "the slots offered."
    ),
    Refusal.PENDING: N_(
        "A meeting request between you and this participant is already waiting for an "
        "answer. Please wait for it to be answered or to expire."
    ),
    Refusal.PERSON_BOOKED: N_(
        "One of you already has a meeting in this slot. Please choose another one."
    ),
    Refusal.NO_TABLE: N_("Every table is taken in this slot. Please propose another one."),
    Refusal.NOT_YOURS: N_("This request is no longer waiting for your answer."),
    Refusal.TOO_LONG: N_("This text is longer than %(count)d characters. Nothing was changed."),
}
_FACETS = {
    Facet.THEMES: N_("🏷 Themes"),
    Facet.OFFERING: N_("🤝 What I offer"),
    Facet.SEEKING: N_("🔎 What I look for"),
}


def _back(view: View) -> Button:
    return Button(view._("‹ Business matching"), MatchingTap.HOME)


def slot_label(view: View, slot: int) -> str:
    """'T3 28/10 09:10–09:30'."""
    start = slot_start(slot)
    zone = view.schedule.zone
    span = view.t.time_range(start, start + timedelta(minutes=SLOT_MINUTES), zone)
    return f"{view.t.short_day(start, zone, start=True)} {span}"


def _labels(view: View, codes: frozenset[str]) -> str:
    return ", ".join(view._(label) for code, label in INTERESTS if code in codes) or "—"


def _themes(view: View, slugs: frozenset[str]) -> str:
    names = [t.name_in(view.t.lang) for t in view.schedule.tracks if t.slug in slugs]
    return ", ".join(names) or "—"


def who(profile: Profile | None) -> str:
    """'Acme, CEO (France)' as escaped HTML."""
    if profile is None:
        return "—"
    head = ", ".join(p for p in (profile.organization, profile.role) if p)
    return escape(f"{head} ({profile.country})" if profile.country else head or "—")


def exhibitor(view: View, profile: Profile) -> str:
    """'🏢 Exhibitor, booth B12' for an exhibitor's staff; '' for anyone else."""
    if not profile.booth:
        return ""
    return view._("🏢 Exhibitor, booth %(booth)s") % {"booth": escape(profile.booth)}


def profile_lines(view: View, profile: Profile) -> list[str]:
    _ = view._
    lines = [
        bold(who(profile)),
        *([exhibitor(view, profile)] if profile.booth else []),
        _("Themes: %(themes)s") % {"themes": escape(_themes(view, profile.themes))},
        _("Offers: %(items)s") % {"items": escape(_labels(view, profile.offering))},
        _("Looks for: %(items)s") % {"items": escape(_labels(view, profile.seeking))},
    ]
    if profile.about:
        lines.append(italic(profile.about))
    return lines


def home(view: View, profile: Profile, notice: str | None = None) -> Screen:
    _ = view._
    status = (
        _("✅ Your profile is visible to the other participants who take part.")
        if profile.visible
        else _(
            "Your profile is hidden: nobody sees it. Publish it to see suggestions and receive "
            "meeting requests; other participants who take part will see it."
        )
    )
    lines = [bold(_("🤝 Business matching")), "", *profile_lines(view, profile), "", status]
    if notice:
        lines = [notice, "", *lines]
    publish = (
        Button(_("🙈 Hide my profile"), MatchingTap.OPT_OUT)
        if profile.visible
        else Button(_("✅ Publish my profile"), MatchingTap.OPT_IN)
    )
    rows: list[Row] = [
        (Button(_("✏️ Organization, role, country"), MatchingTap.DETAILS),),
        *rows_of([Button(_(label), EditFacet(f).encode()) for f, label in _FACETS.items()], 3),
        (Button(_("📝 About"), MatchingTap.ABOUT), publish),
        (
            Button(_("👥 Suggestions"), Suggestions().encode()),
            Button(_("📅 My meetings"), MatchingTap.MINE),
        ),
        main_menu_row(view),
    ]
    return Screen("\n".join(lines), fitted(rows))


def facet(view: View, profile: Profile, which: Facet) -> Screen:
    _ = view._
    if which is Facet.THEMES:
        items = [(t.name_in(view.t.lang), t.slug in profile.themes) for t in view.schedule.tracks]
    else:
        chosen = profile.offering if which is Facet.OFFERING else profile.seeking
        items = [(_(label), code in chosen) for code, label in INTERESTS]
    buttons = [
        (Button(("✅ " if on else "▫️ ") + label, ToggleItem(which, n).encode()),)
        for n, (label, on) in enumerate(items)
    ]
    text = "\n".join([bold(_(_FACETS[which])), _("Tap to choose or remove.")])
    return Screen(text, (*buttons, (_back(view),)))


def details_prompt(view: View) -> Screen:
    _ = view._
    text = _(
        "Please type your organization, your role and your country, separated by “;”, for "
        "example: <i>Viettel; Director of Innovation; Viet Nam</i>"
    )
    return Screen(text, ((_back(view),),))


def details_invalid(view: View) -> str:
    return view._(
        "Please type three parts separated by “;”: organization; role; country (at most 80 "
        "characters each). Nothing was changed."
    )


def about_prompt(view: View) -> Screen:
    text = view._("Please type a short presentation (at most %(count)d characters).") % {
        "count": ABOUT_CHARS
    }
    return Screen(text, ((_back(view),),))


def about_too_long(view: View) -> str:
    return refusal_text(view, Refusal.TOO_LONG)


def needs_organization(view: View) -> str:
    return view._("Please give your organization first: a suggestion must say who you are.")


def refused(view: View, why: Refusal) -> Screen:
    return Screen(refusal_text(view, why), ((_back(view),), main_menu_row(view)))


def refusal_text(view: View, why: Refusal) -> str:
    return view._(_REFUSALS[why]) % {"count": ABOUT_CHARS}  # the one that has a number


def suggestions(view: View, found: Sequence[tuple[Profile, int]], number: int) -> Screen:
    _ = view._
    if not found:
        text = _("No other participant takes part yet. Please come back later.")
        return Screen(text, ((_back(view),),))
    page = page_of(found, number)
    lines = [bold(_("👥 Suggestions")), _("Best matches first (themes, offers and needs).")]
    buttons = []
    for n, (profile, points) in enumerate(page.items, start=page.first_index + 1):
        company = f" · {exhibitor(view, profile)}" if profile.booth else ""
        lines.append(f"{n}. {who(profile)}{company} · {'★' * min(points, 5) or '·'}")
        label = f"{n}. {profile.organization}"[:40]
        buttons.append((Button(label, OpenProfile(profile.id, page.number).encode()),))
    rows = [*buttons, navigation(page, Suggestions), (_back(view),)]
    return Screen("\n".join(lines), tuple(r for r in rows if r))


def card(view: View, profile: Profile, page: int) -> Screen:
    _ = view._
    rows = (
        (Button(_("📅 Request a meeting"), ChooseSlot(profile.id).encode()),),
        (Button(_("‹ Suggestions"), Suggestions(page).encode()), _back(view)),
    )
    return Screen("\n".join(profile_lines(view, profile)), rows)


def slots(view: View, profile: Profile, free: Sequence[int], number: int) -> Screen:
    _ = view._
    if not free:
        text = _("No free slot is left in the business-matching sessions for both of you.")
        return Screen(text, ((_back(view),),))
    page = page_of(free, number)
    text = "\n".join(
        [bold(_("📅 Request a meeting")), who(profile), _("Choose a slot (20 minutes):")]
    )
    buttons = [Button(slot_label(view, s), RequestSlot(profile.id, s).encode()) for s in page.items]
    nav = navigation(page, lambda p: ChooseSlot(profile.id, p))
    return Screen(text, tuple(r for r in (*rows_of(buttons, 1), nav, (_back(view),)) if r))


def message_prompt(view: View, profile: Profile, slot: int, notice: str | None = None) -> Screen:
    _ = view._
    text = "\n".join(
        [
            *([notice, ""] if notice else []),
            bold(_("📅 Request a meeting")),
            who(profile),
            slot_label(view, slot),
            "",
            _("Please type a short message for them (at most %(count)d characters).")
            % {"count": ABOUT_CHARS},
        ]
    )
    rows = (
        (Button(_("Send without a message"), SendRequest(profile.id, slot).encode()),),
        (_back(view),),
    )
    return Screen(text, rows)


def sent(view: View, request: MeetingRequest, profile: Profile | None) -> Screen:
    _ = view._
    text = _(
        "Your meeting request is sent to %(who)s for %(slot)s. They have 24 hours to answer."
    ) % {"who": who(profile), "slot": slot_label(view, request.slot)}
    return Screen(text, ((Button(_("📅 My meetings"), MatchingTap.MINE), _back(view)),))


STATUS = {  # a request's state in words (also the workbook's and the desk's)
    PENDING: N_("waiting for an answer"),
    ACCEPTED: N_("confirmed"),
    "declined": N_("declined"),
    "expired": N_("expired"),
    "cancelled": N_("cancelled"),
}


def status_of(view: View, request: MeetingRequest, user_id: int) -> str:
    if request.status == PENDING and request.awaiting == user_id:
        return view._("waiting for your answer")
    if request.status == ACCEPTED and request.table_no is not None:
        return view._("confirmed, table %(table)d") % {"table": request.table_no}
    return view._(STATUS.get(request.status, request.status))


def mine(
    view: View, requests: Sequence[tuple[MeetingRequest, Profile | None]], user_id: int
) -> Screen:
    _ = view._
    if not requests:
        text = _("No meeting request yet. Open the suggestions to request one.")
        return Screen(text, ((Button(_("👥 Suggestions"), Suggestions().encode()), _back(view)),))
    lines = [bold(_("📅 My meetings"))]
    buttons = []
    for n, (request, other) in enumerate(requests, start=1):
        state = status_of(view, request, user_id)
        lines.append(f"{n}. {slot_label(view, request.slot)} · {who(other)} · {escape(state)}")
        if request.status in (PENDING, ACCEPTED):
            buttons.append(
                Button(f"{n}. {slot_label(view, request.slot)}", OpenRequest(request.id).encode())
            )
    return Screen("\n".join(lines), (*rows_of(buttons, 1), (_back(view),)))


def answer_rows(view: View, request: MeetingRequest, user_id: int) -> tuple[Row, ...]:
    _ = view._
    if request.status == PENDING and request.awaiting == user_id:
        return (
            (
                Button(_("✅ Accept"), Accept(request.id).encode()),
                Button(_("❌ Decline"), Decline(request.id).encode()),
            ),
            (Button(_("🕒 Propose another slot"), CounterSlots(request.id).encode()),),
        )
    if request.status == PENDING:
        return ((Button(_("↩️ Withdraw the request"), CancelMeeting(request.id).encode()),),)
    if request.status == ACCEPTED:
        return ((Button(_("🚫 Cancel the meeting"), CancelMeeting(request.id).encode()),),)
    return ()


def request_card(
    view: View, request: MeetingRequest, other: Profile | None, user_id: int
) -> Screen:
    _ = view._
    lines = [
        bold(slot_label(view, request.slot)),
        who(other),
        escape(status_of(view, request, user_id)),
    ]
    if request.message:
        lines.append(italic(request.message))
    rows = (*answer_rows(view, request, user_id), (Button(_("📅 My meetings"), MatchingTap.MINE),))
    return Screen("\n".join(lines), rows)


def counter_slots(view: View, request: MeetingRequest, free: Sequence[int], number: int) -> Screen:
    _ = view._
    choices = [s for s in free if s != request.slot]
    if not choices:
        return Screen(_("No other free slot is left for both of you."), ((_back(view),),))
    page = page_of(choices, number)
    buttons = [Button(slot_label(view, s), Counter(request.id, s).encode()) for s in page.items]
    nav = navigation(page, lambda p: CounterSlots(request.id, p))
    text = _("Choose the slot to propose instead:")
    return Screen(text, tuple(r for r in (*rows_of(buttons, 1), nav, (_back(view),)) if r))


def confirmed(view: View, request: MeetingRequest, other: Profile | None) -> Screen:
    _ = view._
    text = _("✅ Meeting confirmed with %(who)s: %(slot)s, table %(table)d.") % {
        "who": who(other),
        "slot": slot_label(view, request.slot),
        "table": request.table_no or 0,
    }
    return Screen(text, ((Button(_("📅 My meetings"), MatchingTap.MINE), _back(view)),))


def done(view: View, what: str, request: MeetingRequest, other: Profile | None) -> Screen:
    """What the one who acted sees after declining, proposing or cancelling."""
    _ = view._
    texts = {
        "declined": _("The request of %(who)s is declined; they are told."),
        "counter": _("%(slot)s is proposed to %(who)s; they are told."),
        "cancelled": _("Cancelled; %(who)s is told."),
    }
    text = texts[what] % {"who": who(other), "slot": slot_label(view, request.slot)}
    return Screen(text, ((Button(_("📅 My meetings"), MatchingTap.MINE), _back(view)),))


def told(view: View, what: str, request: MeetingRequest, sender: Profile | None, to: int) -> Screen:
    """What the other side is told: a request, a counter-proposal, an answer, a cancellation."""
    _ = view._
    texts = {
        "request": _("🤝 %(who)s requests a business-matching meeting: %(slot)s."),
        "counter": _("🤝 %(who)s proposes another slot: %(slot)s."),
        "accepted": _("✅ %(who)s accepted the meeting: %(slot)s, table %(table)d."),
        "declined": _("%(who)s declined the meeting request for %(slot)s."),
        "cancelled": _("🚫 %(who)s cancelled the meeting of %(slot)s."),
        "expired": _("Your meeting request to %(who)s for %(slot)s expired without an answer."),
    }
    lines = [
        texts[what]
        % {
            "who": who(sender),
            "slot": slot_label(view, request.slot),
            "table": request.table_no or 0,
        }
    ]
    if what == "request" and request.message:
        lines.append(italic(request.message))
    if what in ("request", "counter"):
        lines.append(_("Please answer within 24 hours."))
    rows = answer_rows(view, request, to) if what in ("request", "counter") else ()
    return Screen("\n".join(lines), (*rows, (Button(_("📅 My meetings"), MatchingTap.MINE),)))


def reminder(view: View, request: MeetingRequest, other: Profile | None) -> Screen:
    _ = view._
    text = _(
        "⏰ Your business-matching meeting with %(who)s starts at %(slot)s, table %(table)d."
    ) % {
        "who": who(other),
        "slot": slot_label(view, request.slot),
        "table": request.table_no or 0,
    }
    return Screen(text, ((Button(_("📅 My meetings"), MatchingTap.MINE),),))
