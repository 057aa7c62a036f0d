"""What the venues guide shows: the venues, one venue, the coaches, the practical topics."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from bot.features.venues.actions import OpenTopic, OpenVenue, VenuePin, VenuePlan, VenuesTap
from bot.features.venues.guide import Coach, Guide, Venue
from bot.programme.model import Session
from bot.ui.actions import Go
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, MapPin, Row, Screen
from bot.ui.sessions import list_line, session_rows
from bot.ui.view import View, bold, italic

TODAY_LIMIT = 6  # sessions of today shown on a venue, the next ones first


def venues(view: View, guide: Guide) -> Screen:
    _ = view._
    lang = view.t.lang
    lines = [bold(_("Venues and practical information")), ""]
    lines.append(_("Choose a venue to see its address, halls and what is on there today."))
    lines += ["", italic(guide.notes[lang])]
    rows: list[Row] = [
        (Button("📍 " + venue.names[lang], OpenVenue(index).encode()),)
        for index, venue in enumerate(guide.venues)
    ]
    rows.append((Button(_("🚌 Coaches between the cities"), VenuesTap.TRANSPORT),))
    if guide.topics:
        rows.append((Button(_("ℹ️ Practical information"), VenuesTap.TOPICS),))
    rows.append(main_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def venue(view: View, guide: Guide, index: int, plan: str | None = None) -> Screen:
    """Address, map, hours, help desk, Wi-Fi, the halls, and what is on there today; `plan`:
    the public URL of its floor plan (a button where the messenger shows photos, else a link)."""
    _ = view._
    lang = view.t.lang
    place = guide.venues[index]
    lines = [bold(place.names[lang]), "", "📍 " + escape(place.addresses[lang])]
    lines.append("🗺 " + escape(place.map_url))
    if plan is not None and not view.channel.photos:
        lines.append("🧭 " + _("Floor plan: %(url)s") % {"url": escape(plan)})
    if place.hours[lang]:
        lines.append("🕘 " + _("Open: %(hours)s") % {"hours": escape(place.hours[lang])})
    if place.help_desk[lang]:
        lines.append("🛎 " + escape(place.help_desk[lang]))
    if place.wifi is not None:
        lines.append(
            "📶 "
            + _("Wi-Fi: %(network)s, password %(password)s")
            % {"network": escape(place.wifi.network), "password": escape(place.wifi.password)}
        )
    lines += ["", bold(_("Halls"))]
    for hall in place.halls:
        lines.append(f"• {escape(room_name(view, hall.room))} — {escape(hall.where[lang])}")
    today = on_today(view, place)
    lines += ["", bold(_("Today here"))]
    if today:
        lines += [list_line(view, s, with_day=False) for s in today]
    else:
        lines.append(_("Nothing is on here today."))
    lines += ["", italic(guide.notes[lang])]
    here = OpenVenue(index)
    rows: list[Row] = [(Button(_("📍 Map pin"), VenuePin(index).encode()),)]
    if plan is not None and view.channel.photos:
        rows[0] += (Button(_("🧭 Floor plan"), VenuePlan(index).encode()),)
    rows += session_rows(view, today, here)
    rows.append((Button(_("‹ Venues"), Go.VENUES), *main_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))


def floor_plan(view: View, place: Venue, url: str) -> Screen:
    """The photo sent above the venue (its caption: the venue's name)."""
    return Screen(
        bold(view._("Floor plan: %(venue)s") % {"venue": place.names[view.t.lang]}), photo=url
    )


def pin(view: View, place: Venue) -> MapPin:
    lang = view.t.lang
    return MapPin(place.latitude, place.longitude, place.names[lang], place.addresses[lang])


def room_name(view: View, room: str) -> str:
    """The room as the programme names it in the reader's language."""
    session = next((s for s in view.schedule.sessions if s.room == room), None)
    return session.room_in(view.t.lang) if session is not None else room


def on_today(view: View, place: Venue) -> list[Session]:
    """Today's sessions in the venue's halls that have not ended, the soonest first."""
    day = view.schedule.today(view.now)
    if day is None:
        return []
    rooms = place.rooms
    found = [s for s in view.schedule.on_day(day) if s.room in rooms and s.end > view.now]
    return found[:TODAY_LIMIT]


def venue_not_found(view: View, venue_id: str) -> str:
    return view._("There is no venue %(venue)s in the venues guide.") % {
        "venue": escape(venue_id[:32])
    }


def room_not_listed(view: View) -> str:
    return view._("The room of this session is not in the venues guide yet.")


# -- coaches ------------------------------------------------------------------------------------


def coaches_ahead(guide: Guide, now: datetime) -> list[Coach]:
    """The coaches of today and tomorrow that have not left, the next first; when there are
    none on those days, the next one planned (if any)."""
    zone = now.tzinfo
    assert zone is not None
    today = now.astimezone(zone).date()
    ahead = [c for c in guide.coaches if c.departs > now]
    soon = [c for c in ahead if c.departs.date() - today <= timedelta(days=1)]
    return soon or ahead[:1]


def transport(view: View, guide: Guide) -> Screen:
    _ = view._
    lang = view.t.lang
    now = view.now.astimezone(view.schedule.zone)
    lines = [bold(_("Coaches between the cities")), ""]
    ahead = coaches_ahead(guide, now)
    if not ahead:
        lines.append(_("No more coaches are planned."))
    for position, coach in enumerate(ahead):
        if position == 0:
            lines.append("🚌 " + bold(_("Next departure")))
        elif position == 1:
            lines += ["", bold(_("Later"))]
        lines.append(coach_line(view, guide, coach))
    lines += ["", italic(guide.notes[lang])]
    rows: list[Row] = [(Button(_("‹ Venues"), Go.VENUES), *main_menu_row(view))]
    return Screen("\n".join(lines), tuple(rows))


def coach_line(view: View, guide: Guide, coach: Coach) -> str:
    _ = view._
    lang = view.t.lang
    zone = view.schedule.zone
    names = {v.id: v.names[lang] for v in guide.venues}
    when = f"{view.t.short_day(coach.departs, zone)} {view.t.time(coach.departs, zone)}"
    route = f"{names[coach.origin]} → {names[coach.destination]}"
    return (
        f"<b>{escape(when)}</b> {escape(route)}\n"
        + "     "
        + _("Pick-up: %(place)s; arrives about %(time)s")
        % {"place": escape(coach.pickup[lang]), "time": view.t.time(coach.arrives, zone)}
    )


# -- practical topics ---------------------------------------------------------------------------


def topics(view: View, guide: Guide) -> Screen:
    _ = view._
    lang = view.t.lang
    rows: list[Row] = [
        (Button(topic.titles[lang], OpenTopic(index).encode()),)
        for index, topic in enumerate(guide.topics)
    ]
    rows.append((Button(_("‹ Venues"), Go.VENUES), *main_menu_row(view)))
    text = "\n".join([bold(_("Practical information")), "", _("Choose a topic.")])
    return Screen(text, tuple(rows))


def topic(view: View, guide: Guide, index: int) -> Screen:
    _ = view._
    lang = view.t.lang
    chosen = guide.topics[index]
    text = "\n".join([bold(chosen.titles[lang]), "", escape(chosen.texts[lang])])
    rows: list[Row] = [
        (Button(_("‹ Practical information"), VenuesTap.TOPICS), *main_menu_row(view))
    ]
    return Screen(text, (*rows,))
