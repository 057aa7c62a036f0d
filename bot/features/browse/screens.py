"""Screens for browsing the programme: the main menu, themes, days, now/next, the search prompt
(the results: search_screens.py), and the list of sessions they share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from bot.features.browse.actions import (
    BrowseTap,
    DayPage,
    FollowTheme,
    InterpretedPage,
    LanguagePage,
    ThemePage,
)
from bot.programme.model import Day, Schedule, Session
from bot.ui.actions import AnyAction, Go
from bot.ui.layout import FULL_ROW_CHARS, fitted, rows_of
from bot.ui.menus import main_menu_row as _menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.sessions import list_line, session_action, session_rows, titled, written_out
from bot.ui.view import View, bold, italic

MAX_QUERY_CHARS = 100


def home(view: View, first_name: str) -> Screen:
    _ = view._
    title = view.schedule.title_in(view.t.lang)
    what = _(
        "I can show you the programme by theme or by day, what is on now, "
        "and find sessions for you."
    )
    if view.channel.buttons:  # numbered text says how to choose below its choices
        what += " " + _("Tap a button or type a few words to search.")
    greeting = _("Hello %(name)s! Welcome to %(event)s.") % {
        "name": escape(first_name),
        "event": bold(title),
    }
    featured = [
        (Button(titled(view, s, "⭐ "), session_action(s, Go.HOME)),)
        for s in view.schedule.featured()[:2]
    ]
    menu = (
        Button(_("📅 Programme"), Go.SCHEDULE),
        Button(_("⏱ Now & next"), Go.NOW),
        Button(_("🗓 By day"), Go.DAYS),
        Button(_("📋 My agenda"), Go.AGENDA),
        Button(_("🔎 Search"), Go.SEARCH),
        Button(_("⏰ Reminders"), Go.REMINDERS),
        Button(_("🌐 Language"), Go.LANGUAGE),
        Button(_("❓ Help"), Go.HELP),
        Button(_("📍 Venues & practical info"), Go.VENUES),
        Button(_("🏢 Exhibition"), Go.EXHIBITION),
    )
    return Screen(greeting + "\n\n" + what, (*featured, *rows_of(menu)))


def programme(view: View) -> Screen:
    """The featured sessions first, then one button per theme."""
    _ = view._
    back = Go.SCHEDULE
    lines = [bold(_("Programme")), ""]
    featured = view.schedule.featured()
    if featured and written_out(view):
        lines.append(_("⭐ Highlight:"))
        lines += [list_line(view, s, with_day=True) for s in featured]
        lines.append("")
    lines.append(_("Choose a theme, or browse by day:"))
    rows: list[Row] = [(Button(titled(view, s, "⭐ "), session_action(s, back)),) for s in featured]
    themes = [
        Button(
            f"{t.name_in(view.t.lang)} ({len(view.schedule.in_track(t))})",
            ThemePage(t.index).encode(),
        )
        for t in view.schedule.tracks
    ]
    rows += rows_of(themes)
    rows += fitted([(Button(_("🗓 By day"), Go.DAYS), Button(_("⏱ Now & next"), Go.NOW))])
    if session_languages(view.schedule):
        rows.append((Button(_("🗣 By language"), BrowseTap.LANGUAGES),))
    rows.append(_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def theme(view: View, index: int, page: int, *, following: bool = False) -> Screen | None:
    """A theme's sessions, and following the whole theme (sessions added later included)."""
    track = view.schedule.track(index)
    if track is None:
        return None
    _ = view._
    heading = _("Theme: %(theme)s") % {"theme": track.name_in(view.t.lang)}
    toggle = FollowTheme(index, page).encode()
    if following:
        note = _("✅ You follow this theme: its sessions are in your agenda and remind you.")
        extra = (Button(_("🔕 Unfollow this theme"), toggle),)
    else:
        note = _("Follow the theme to get all its sessions in your agenda, with reminders.")
        extra = (Button(_("🔔 Follow this theme"), toggle),)
    return session_list(
        view,
        heading,
        view.schedule.in_track(track),
        page,
        lambda p: ThemePage(index, p),
        back=Button(_("‹ Programme"), Go.SCHEDULE),
        with_day=True,
        note=note,
        extra=extra,
    )


def days(view: View) -> Screen:
    _ = view._
    today = view.schedule.today(view.now)
    rows: list[Row] = []
    for day in view.schedule.days:
        sessions = view.schedule.on_day(day)
        label = _day_label(view, day, sessions, today == day)
        if len(label) > FULL_ROW_CHARS:  # "Aujourd’hui · mercredi 29 octobre 2025 (10)"
            label = _day_label(view, day, sessions, today == day, year=False)
        rows.append((Button(label, DayPage(day.index).encode()),))
    rows.append(_menu_row(view))
    return Screen(bold(_("Choose a day:")), tuple(rows))


def _day_label(
    view: View, day: Day, sessions: Sequence[Session], today: bool, *, year: bool = True
) -> str:
    """'Monday 27 October 2025 (13)'; after "Today · " the date no longer begins the button
    (French: "lundi", not "Lundi")."""
    if sessions:
        label = view.t.day(sessions[0].start, view.schedule.zone, start=not today, year=year)
    else:
        label = day.date.isoformat()
    if today:
        label = view._("Today · %(day)s") % {"day": label}
    return f"{label} ({len(sessions)})"


def day(view: View, index: int, page: int) -> Screen | None:
    chosen = view.schedule.day(index)
    if chosen is None:
        return None
    sessions = view.schedule.on_day(chosen)
    _ = view._
    heading = (
        view.t.day(sessions[0].start, view.schedule.zone) if sessions else chosen.date.isoformat()
    )
    return session_list(
        view,
        heading,
        sessions,
        page,
        lambda p: DayPage(index, p),
        back=Button(_("‹ Days"), Go.DAYS),
        with_day=False,
    )


def now_and_next(view: View) -> Screen:
    _ = view._
    schedule = view.schedule
    running = schedule.running(view.now)
    upcoming = schedule.upcoming(view.now, limit=4)
    clock = view.t.time(view.now, schedule.zone)
    lines = [bold(_("Now and next")) + " " + italic(_("(at %(time)s)") % {"time": clock}), ""]
    if schedule.sessions and view.now < schedule.sessions[0].start:
        lines += [_("The event has not started yet."), ""]
    running = running[:6]
    same_day = all(
        s.start.astimezone(schedule.zone).date() == view.now.astimezone(schedule.zone).date()
        for s in upcoming
    )
    if running and written_out(view):
        lines.append(_("▶️ On now:"))
        lines += [list_line(view, s, with_day=False) for s in running]
        lines.append("")
    if upcoming and written_out(view):
        lines.append(_("⏭ Coming up:"))
        lines += [list_line(view, s, with_day=not same_day) for s in upcoming]
    if not running and not upcoming:
        lines.append(_("The programme is over. Thank you for taking part!"))
    back = Go.NOW
    rows: list[Row] = [
        (Button(titled(view, s, "▶️ ", with_day=False), session_action(s, back)),) for s in running
    ]
    rows += [
        (Button(titled(view, s, "⏭ ", with_day=not same_day), session_action(s, back)),)
        for s in upcoming
    ]
    rows += fitted([(Button(_("🔄 Refresh"), Go.NOW), *_menu_row(view))])
    return Screen("\n".join(lines).rstrip("\n"), tuple(rows))


def search_prompt(view: View) -> Screen:
    _ = view._
    text = _(
        "Type a few words and I will search titles, abstracts, speakers and rooms in all three "
        "languages. For example: %(examples)s"
    ) % {"examples": italic(_("roundtable, 5G, chuyển đổi số, intelligence artificielle"))}
    return Screen(text, (_menu_row(view),))


def query_too_long(view: View) -> str:
    return view._("That is too long to search: please use at most %(count)d characters.") % {
        "count": MAX_QUERY_CHARS
    }


def session_list(
    view: View,
    heading: str,
    sessions: Sequence[Session],
    page_number: int,
    to_page: Callable[[int], AnyAction],
    back: Button,
    with_day: bool,
    note: str | None = None,
    extra: Row = (),
    first: Sequence[Row] = (),
    hint: Callable[[Session], str | None] | None = None,
    last: Sequence[Row] = (),
) -> Screen:
    """A page of sessions. `first`, `last`: rows above and below the sessions' buttons;
    `hint`: a line under a session (HTML), asked only for the sessions on the page."""
    _ = view._
    page = page_of(sessions, page_number)
    here = to_page(page.number)
    lines = [bold(heading), ""]
    if note:
        lines += [note, ""]
    if not sessions:
        lines.append(_("No sessions here yet."))
    if written_out(view):
        for s in page.items:
            line = list_line(view, s, with_day=with_day)
            below = hint(s) if hint is not None else None
            lines.append(f"{line}\n     {below}" if below else line)

    def notes(session: Session) -> list[str]:
        below = hint(session) if hint is not None else None
        return [below] if below else []

    rows: list[Row] = [
        *first,
        *session_rows(view, page.items, here, with_day=with_day, notes=notes),
        *last,
    ]
    nav = navigation(page, to_page)
    if nav:
        rows.append(nav)
    if extra:
        rows.append(extra)
    rows += fitted([(back,) if back.action == Go.HOME else (back, *_menu_row(view))])
    return Screen("\n".join(lines).rstrip("\n"), tuple(rows))


def session_languages(schedule: Schedule) -> list[str]:
    """The languages sessions are held in, in the order of their first session."""
    return list(dict.fromkeys(s.language for s in schedule.sessions if s.language))


def interpreted_languages(schedule: Schedule) -> list[str]:
    """The languages sessions are interpreted into, in the order of their first session."""
    return list(dict.fromkeys(code for s in schedule.sessions for code in _into(s)))


def _into(session: Session) -> list[str]:
    return [code for code in session.interpretation if code != session.language]


def languages(view: View) -> Screen:
    """One button per language the programme's sessions are held in, then one per language
    they are interpreted into (🎧), with their counts."""
    _ = view._
    found = session_languages(view.schedule)
    rows: list[Row] = []
    for index, code in enumerate(found):
        count = sum(1 for s in view.schedule.sessions if s.language == code)
        label = f"🗣 {view.t.language_name(code)} ({count})"
        rows.append((Button(label, LanguagePage(index).encode()),))
    lines = [bold(_("The programme by language")), "", _("Choose the language of the sessions:")]
    interpreted = interpreted_languages(view.schedule)
    for index, code in enumerate(interpreted):
        count = sum(1 for s in view.schedule.sessions if code in _into(s))
        label = _("🎧 Into %(language)s (%(count)d)") % {
            "language": view.t.language_name(code),
            "count": count,
        }
        rows.append((Button(label, InterpretedPage(index).encode()),))
    if interpreted:
        lines += ["", _("🎧: the sessions with interpretation into a language.")]
    rows.append((Button(_("‹ Programme"), Go.SCHEDULE), *_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))


def language(view: View, index: int, page: int) -> Screen | None:
    found = session_languages(view.schedule)
    if not 0 <= index < len(found):
        return None
    code = found[index]
    return session_list(
        view,
        view._("Sessions in %(language)s") % {"language": view.t.language_name(code)},
        [s for s in view.schedule.sessions if s.language == code],
        page,
        lambda p: LanguagePage(index, p),
        back=Button(view._("‹ Languages"), BrowseTap.LANGUAGES),
        with_day=True,
    )


def interpreted(view: View, index: int, page: int) -> Screen | None:
    found = interpreted_languages(view.schedule)
    if not 0 <= index < len(found):
        return None
    code = found[index]
    name = view.t.language_name(code)
    return session_list(
        view,
        view._("Sessions interpreted into %(language)s") % {"language": name},
        [s for s in view.schedule.sessions if code in _into(s)],
        page,
        lambda p: InterpretedPage(index, p),
        back=Button(view._("‹ Languages"), BrowseTap.LANGUAGES),
        with_day=True,
    )
