"""What the exhibition shows: its front page, the themes, the booth areas, a page of
exhibitors, an exhibitor's card."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.features.exhibition.actions import (
    ExhibitionTap,
    ExhibitorsPage,
    Listing,
    OpenExhibitor,
    ShareContact,
    WithdrawLead,
)
from bot.features.exhibition.catalogue import Catalogue, Exhibitor, Seeks
from bot.i18n import N_
from bot.ui.actions import AnyAction, Back, Go, data_of
from bot.ui.finds import Found
from bot.ui.layout import FULL_ROW_CHARS
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.places import VenuePlace
from bot.ui.view import View, bold, clip, italic

SEEKS = {
    Seeks.PARTNERS: N_("partners"),
    Seeks.INVESTORS: N_("investors"),
    Seeks.PUBLIC_BUYERS: N_("public buyers"),
}


def front(view: View, catalogue: Catalogue, venue: int | None) -> Screen:
    _ = view._
    lines = [bold(_("Exhibition")), ""]
    lines.append(
        _(
            "Vietnamese technology companies show their digital transformation and AI "
            "products at the outdoor exhibition. Browse them by theme or by booth area, or "
            "send a booth code such as %(booth)s."
        )
        % {"booth": catalogue.exhibitors[0].booth if catalogue.exhibitors else "B12"}
    )
    lines += ["", italic(catalogue.notes[view.t.lang])]
    count = len(catalogue.exhibitors)
    rows: list[Row] = [
        (Button(_("🏷 By theme"), ExhibitionTap.THEMES),),
        (Button(_("🗺 By booth area"), ExhibitionTap.AREAS),),
        (
            Button(
                view.t.ngettext("📋 All %(count)d exhibitor", "📋 All %(count)d exhibitors", count)
                % {"count": count},
                ExhibitorsPage(Listing.ALL, 0, 0).encode(),
            ),
        ),
    ]
    if venue is not None:
        rows.append((Button(_("📍 Where is the exhibition"), VenuePlace(venue).encode()),))
    rows.append(main_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def themes(view: View, catalogue: Catalogue) -> Screen:
    _ = view._
    lang = view.t.lang
    rows: list[Row] = [
        (
            Button(
                f"{theme.names[lang]} ({len(catalogue.in_theme(index))})",
                ExhibitorsPage(Listing.THEME, index, 0).encode(),
            ),
        )
        for index, theme in enumerate(catalogue.themes)
        if catalogue.in_theme(index)
    ]
    rows.append(_back_row(view))
    text = "\n".join([bold(_("Exhibitors by theme")), "", _("Choose a theme.")])
    return Screen(text, tuple(rows))


def areas(view: View, catalogue: Catalogue) -> Screen:
    _ = view._
    lang = view.t.lang
    lines = [bold(_("Exhibitors by booth area")), ""]
    rows: list[Row] = []
    for index, area in enumerate(catalogue.areas):
        lines.append(f"• {bold(area.names[lang])} — {escape(area.where[lang])}")
        count = len(catalogue.in_area(index))
        label = f"{area.names[lang]} ({count})"
        rows.append((Button(label, ExhibitorsPage(Listing.AREA, index, 0).encode()),))
    rows.append(_back_row(view))
    return Screen("\n".join(lines), tuple(rows))


def listing(view: View, catalogue: Catalogue, action: ExhibitorsPage) -> Screen | None:
    """A page of the exhibitors of a theme, an area, or all; None for one that is gone."""
    _ = view._
    lang = view.t.lang
    note = None
    if action.listing is Listing.THEME:
        if not 0 <= action.of < len(catalogue.themes):
            return None
        heading = catalogue.themes[action.of].names[lang]
        chosen = catalogue.in_theme(action.of)
        back: AnyAction = ExhibitionTap.THEMES
    elif action.listing is Listing.AREA:
        if not 0 <= action.of < len(catalogue.areas):
            return None
        area = catalogue.areas[action.of]
        heading, note = area.names[lang], area.where[lang]
        chosen = catalogue.in_area(action.of)
        back = ExhibitionTap.AREAS
    else:
        heading, chosen, back = (
            _("All exhibitors"),
            list(range(len(catalogue.exhibitors))),
            Go.EXHIBITION,
        )
    page = page_of(chosen, action.page)
    here = ExhibitorsPage(action.listing, action.of, page.number)
    lines = [bold(heading), ""]
    if note:
        lines += ["📍 " + escape(note), ""]
    if not chosen:
        lines.append(_("No exhibitors here yet."))
    if view.channel.buttons:  # numbered text: the choices are the list
        lines += [line(view, catalogue.exhibitors[i]) for i in page.items]
    rows: list[Row] = [
        (exhibitor_button(view, catalogue.exhibitors[i], OpenExhibitor(i, here)),)
        for i in page.items
    ]
    nav = navigation(page, lambda n: ExhibitorsPage(action.listing, action.of, n))
    if nav:
        rows.append(nav)
    rows.append((Button(_("‹ Back"), data_of(back)), *main_menu_row(view)))
    return Screen("\n".join(lines).rstrip("\n"), tuple(rows))


def line(view: View, exhibitor: Exhibitor) -> str:
    """'<b>B12</b> Exhibitor K — …: what it shows'."""
    lang = view.t.lang
    return f"<b>{escape(exhibitor.booth)}</b> {escape(exhibitor.names[lang])}"


def exhibitor_button(view: View, exhibitor: Exhibitor, action: OpenExhibitor) -> Button:
    label = f"{exhibitor.booth} · {exhibitor.names[view.t.lang]}"
    if view.channel.buttons:  # numbered text has room for the whole name
        label = clip(label, FULL_ROW_CHARS)
    return Button(label, action.encode())


def card(
    view: View,
    catalogue: Catalogue,
    index: int,
    back: Back,
    venue: int | None,
    shared: bool = False,
) -> Screen:
    """Booth, area, description, website, what they seek, 📍 where; sharing one's contact
    (`shared`: the reader's contact is shared with this exhibitor)."""
    _ = view._
    lang = view.t.lang
    exhibitor = catalogue.exhibitors[index]
    area = catalogue.area_of(exhibitor)
    lines = [bold(exhibitor.names[lang]), italic(exhibitor.short[lang]), ""]
    booth = _("Booth %(booth)s, %(area)s") % {"booth": exhibitor.booth, "area": area.names[lang]}
    lines.append("📌 " + escape(booth))
    where = exhibitor.location[lang] or area.where[lang]
    lines.append("📍 " + escape(where))
    lines.append("🏷 " + escape(", ".join(catalogue.theme_names(exhibitor, lang))))
    lines += ["", escape(exhibitor.long[lang])]
    if exhibitor.website:
        lines += ["", "🔗 " + escape(exhibitor.website)]
    if exhibitor.seeks:
        wanted = ", ".join(_(SEEKS[s]) for s in exhibitor.seeks)
        lines.append("🤝 " + escape(_("Looking for: %(what)s") % {"what": wanted}))
    code = _("Booth code %(booth)s: send it to the bot to open this card.") % {
        "booth": exhibitor.booth
    }
    lines += ["", escape(code)]
    if shared:
        lines += ["", "✅ " + escape(_("Your contact is shared with this exhibitor."))]
    lines += ["", italic(catalogue.notes[lang])]
    rows: list[Row] = []
    if venue is not None:
        rows.append((Button(_("📍 Where"), VenuePlace(venue).encode()),))
    if shared:
        rows.append((Button(_("↩️ Withdraw my contact"), WithdrawLead(index).encode()),))
    else:
        label = _("📇 Share my contact with this exhibitor")
        rows.append((Button(label, ShareContact(index).encode()),))
    if back is None or back == Go.HOME:
        rows.append((Button(_("‹ Exhibition"), Go.EXHIBITION), *main_menu_row(view)))
    else:
        rows.append((Button(_("‹ Back"), data_of(back)), *main_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))


def found(view: View, catalogue: Catalogue, indexes: Sequence[int]) -> list[Found]:
    """Search results: '🏢 Exhibitor: …, booth B12'."""
    lang = view.t.lang
    results = []
    for index in indexes:
        exhibitor = catalogue.exhibitors[index]
        text = view._("Exhibitor: %(name)s, booth %(booth)s") % {
            "name": exhibitor.names[lang],
            "booth": exhibitor.booth,
        }
        button = exhibitor_button(view, exhibitor, OpenExhibitor(index, Go.HOME))
        results.append(Found("🏢 " + escape(text), Button("🏢 " + button.label, button.action)))
    return results


def not_found(view: View, booth: str) -> str:
    return view._("There is no exhibitor at the booth %(booth)s.") % {"booth": escape(booth[:16])}


def _back_row(view: View) -> Row:
    return (Button(view._("‹ Exhibition"), Go.EXHIBITION), *main_menu_row(view))
