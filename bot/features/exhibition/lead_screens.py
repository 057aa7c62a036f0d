"""What sharing a contact shows: the field to type, exactly what will be shared, the lead as its
exhibitor's staff receive it, the download's caption, and the organizers' /exhibitor_staff."""

from __future__ import annotations

from html import escape

from bot.features.exhibition.actions import (
    ConfirmLead,
    ExhibitionTap,
    OpenExhibitor,
    ShareContact,
)
from bot.features.exhibition.catalogue import Catalogue, Exhibitor
from bot.features.exhibition.leads import MAX_FIELD_CHARS, Problem, Ready, Typing
from bot.i18n import N_
from bot.storage.leads import Lead
from bot.ui.actions import Go
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.view import View, bold

ASK = {
    "name": N_("Please type your full name, as the exhibitor should read it."),
    "organization": N_("Please type the name of your organization."),
    "role": N_("Please type your role or position in it."),
    "contact": N_(
        "Please type an e-mail address or a phone number where the exhibitor may reach you."
    ),
}
LABELS = {
    "name": N_("Name"),
    "organization": N_("Organization"),
    "role": N_("Role"),
    "contact": N_("E-mail or phone"),
}


def consent_note(view: View) -> str:
    return view._(
        "Only what you type here is shared, and only once you confirm. You may withdraw it "
        "at any time; the copy the exhibitor has already received is theirs."
    )


def typing(view: View, exhibitor: Exhibitor, step: Typing) -> Screen:
    _ = view._
    lang = view.t.lang
    lines = [bold(_("Share my contact with %(name)s") % {"name": exhibitor.names[lang]}), ""]
    if not step.draft.fields:
        lines += [escape(consent_note(view)), ""]
    if step.problem is Problem.TOO_LONG:
        lines.append(
            "⚠️ "
            + escape(_("That is longer than %(count)d characters.") % {"count": MAX_FIELD_CHARS})
        )
    elif step.problem is Problem.NOT_A_CONTACT:
        lines.append("⚠️ " + escape(_("That is neither an e-mail address nor a phone number.")))
    lines.append(escape(_(ASK[step.field])))
    if step.field == "contact" and not view.channel.buttons:
        return Screen("\n".join(lines))  # numbered text: "091 234 56 78" is no choice
    return Screen("\n".join(lines), ((Button(_("✖️ Cancel"), ExhibitionTap.CANCEL_LEAD),),))


def ready(view: View, exhibitor: Exhibitor, index: int, step: Ready) -> Screen:
    """Exactly what the exhibitor will receive, and the choice to share it."""
    _ = view._
    lang = view.t.lang
    lines = [
        bold(_("Share my contact with %(name)s") % {"name": exhibitor.names[lang]}),
        "",
        escape(_("This is exactly what the exhibitor will receive:")),
        "",
        *detail_lines(view, step.draft.fields),
        "",
        escape(consent_note(view)),
    ]
    rows: list[Row] = [
        (Button(_("✅ Share with the exhibitor"), ConfirmLead(index).encode()),),
        (Button(_("✏️ Type other details"), ShareContact(index, retype=True).encode()),),
        (Button(_("✖️ Cancel"), ExhibitionTap.CANCEL_LEAD),),
    ]
    return Screen("\n".join(lines), tuple(rows))


def detail_lines(view: View, fields: dict[str, str]) -> list[str]:
    return [
        view._("%(label)s: %(value)s") % {"label": bold(view._(LABELS[f])), "value": escape(v)}
        for f in LABELS
        if (v := fields.get(f)) is not None
    ]


def lead_received(view: View, catalogue: Catalogue, lead: Lead) -> Screen:
    """What an exhibitor's staff get when an attendee shares a contact with them."""
    _ = view._
    fields = {f: getattr(lead, f) for f in LABELS}
    lines = [
        bold(_("📇 A contact shared with booth %(booth)s") % {"booth": lead.booth}),
        "",
        *detail_lines(view, fields),
        "",
        escape(_("All your booth's contacts: /leads")),
    ]
    return Screen("\n".join(lines))


def shared(view: View, exhibitor: Exhibitor) -> str:
    return view._("Your contact is shared with %(name)s.") % {"name": exhibitor.names[view.t.lang]}


def withdrawn(view: View) -> str:
    return view._(
        "Your contact is withdrawn. The copy the exhibitor has already received is theirs."
    )


def cancelled(view: View) -> str:
    return view._("Nothing was shared.")


def not_ready(view: View) -> str:
    return view._("There is no contact waiting to be shared: please start again.")


def back_to(index: int) -> OpenExhibitor:
    return OpenExhibitor(index, Go.EXHIBITION)


# -- exhibitor staff ------------------------------------------------------------------------


def leads_caption(view: View, booth: str, count: int) -> str:
    return view.t.ngettext(
        "%(count)d contact shared with booth %(booth)s",
        "%(count)d contacts shared with booth %(booth)s",
        count,
    ) % {"count": count, "booth": booth}


def csv_header(view: View) -> list[str]:
    _ = view._
    return [_("Booth"), _("Exhibitor"), _("Shared at"), *(_(LABELS[f]) for f in LABELS)]


def not_your_booth(view: View, own: str) -> Screen:
    text = view._(
        "You receive the contacts of booth %(booth)s only; those of other exhibitors are theirs."
    ) % {"booth": own}
    return Screen(escape(text), (main_menu_row(view),))


def no_leads_role(view: View) -> Screen:
    text = view._("Only an exhibitor's staff can download its contacts. The organizers grant it.")
    return Screen(escape(text), (main_menu_row(view),))


def staff_welcome(view: View, catalogue: Catalogue, booth: str) -> Screen:
    _ = view._
    index = catalogue.index_of_booth(booth)
    name = catalogue.exhibitors[index].names[view.t.lang] if index is not None else booth
    text = _(
        "You are now staff of %(name)s (booth %(booth)s): the contacts attendees share with it "
        "come to this chat, and /leads downloads them all."
    ) % {"name": name, "booth": booth}
    return Screen(escape(text), (main_menu_row(view),))


def staff_list(view: View, staff: list[tuple[str, int]], counts: dict[str, int]) -> Screen:
    """Who is staff of which booth, and how many contacts each booth received."""
    _ = view._
    lines = [bold(_("Exhibitor staff")), ""]
    lines += [f"• {escape(booth)}: <code>{user}</code>" for booth, user in staff]
    if not staff:
        lines.append(escape(_("No exhibitor staff yet.")))
    if counts:
        lines += ["", bold(_("Contacts shared"))]
        lines += [
            "• " + escape(_("%(label)s: %(value)s") % {"label": booth, "value": counts[booth]})
            for booth in sorted(counts, key=lambda b: (b[0], int(b[1:])))
        ]
    lines += [
        "",
        escape(
            _("/exhibitor_staff B12 <user id> grants; /exhibitor_staff remove <user id> revokes.")
        ),
    ]
    return Screen("\n".join(lines), (main_menu_row(view),))


def staff_granted(view: View, booth: str, user_id: int) -> Screen:
    text = view._("%(user)s is now staff of booth %(booth)s.") % {"user": user_id, "booth": booth}
    return Screen(escape(text), (main_menu_row(view),))


def staff_revoked(view: View, user_id: int, booth: str | None) -> Screen:
    if booth is None:
        text = view._("%(user)s is not exhibitor staff.") % {"user": user_id}
    else:
        text = view._("%(user)s is no longer staff of booth %(booth)s.") % {
            "user": user_id,
            "booth": booth,
        }
    return Screen(escape(text), (main_menu_row(view),))


def staff_usage(view: View) -> Screen:
    text = view._("Write /exhibitor_staff B12 <user id>, or /exhibitor_staff remove <user id>.")
    return Screen(escape(text), (main_menu_row(view),))
