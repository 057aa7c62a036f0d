"""Screens for browsing the programme: menu, themes, days, now/next, search, session card."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from bot.programme.model import Session
from bot.ui import actions
from bot.ui.actions import Action
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.view import View, bold, clip, italic

LIST_TITLE_CHARS = 110
BUTTON_TITLE_CHARS = 40
ABSTRACT_CHARS = 1500


def _menu_row(view: View) -> Row:
    return (Button(view._("‹ Main menu"), actions.HOME),)


def home(view: View, first_name: str) -> Screen:
    _ = view._
    title = view.schedule.title_in(view.t.lang)
    text = "\n\n".join(
        [
            _("Hello %(name)s! Welcome to %(event)s.")
            % {"name": escape(first_name), "event": bold(title)},
            _(
                "I can show you the programme by theme or by day, what is on now, "
                "and find sessions for you. Tap a button or type a few words to search."
            ),
        ]
    )
    featured = [
        (
            Button(
                "⭐ " + view.title(s, BUTTON_TITLE_CHARS),
                session_action(s, actions.plain(actions.HOME)),
            ),
        )
        for s in view.schedule.featured()[:2]
    ]
    rows: list[Row] = [
        *featured,
        (Button(_("📅 Programme"), actions.SCHEDULE), Button(_("⏱ Now & next"), actions.NOW)),
        (Button(_("🗓 By day"), actions.DAYS), Button(_("📋 My agenda"), actions.AGENDA)),
        (Button(_("🔎 Search"), actions.SEARCH), Button(_("⏰ Reminders"), actions.REMINDERS)),
        (Button(_("🌐 Language"), actions.LANGUAGE), Button(_("❓ Help"), actions.HELP)),
    ]
    return Screen(text, tuple(rows))


def programme(view: View) -> Screen:
    """The featured sessions first, then one button per theme."""
    _ = view._
    back = actions.plain(actions.SCHEDULE)
    lines = [bold(_("Programme")), ""]
    featured = view.schedule.featured()
    if featured:
        lines.append(_("⭐ Highlight:"))
        lines += [list_line(view, s, with_day=True) for s in featured]
        lines.append("")
    lines.append(_("Choose a theme, or browse by day:"))
    rows: list[Row] = [
        (Button("⭐ " + view.title(s, BUTTON_TITLE_CHARS), session_action(s, back)),)
        for s in featured
    ]
    themes = [
        Button(
            f"{t.name_in(view.t.lang)} ({len(view.schedule.in_track(t))})",
            actions.theme(t.index).encode(),
        )
        for t in view.schedule.tracks
    ]
    rows += [tuple(themes[i : i + 2]) for i in range(0, len(themes), 2)]
    rows.append((Button(_("🗓 By day"), actions.DAYS), Button(_("⏱ Now & next"), actions.NOW)))
    rows.append(_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def theme(view: View, index: int, page: int, *, following: bool = False) -> Screen | None:
    """A theme's sessions, and following the whole theme (sessions added later included)."""
    track = view.schedule.track(index)
    if track is None:
        return None
    _ = view._
    heading = _("Theme: %(theme)s") % {"theme": track.name_in(view.t.lang)}
    toggle = actions.follow_theme(index, page).encode()
    if following:
        note = _("✅ You follow this theme: its sessions are in your agenda and remind you.")
        extra = (Button(_("🔕 Unfollow this theme"), toggle),)
    else:
        note = _("Follow the theme to get all its sessions in your agenda, with reminders.")
        extra = (Button(_("🔔 Follow this theme"), toggle),)
    return _session_list(
        view,
        heading,
        view.schedule.in_track(track),
        page,
        lambda p: actions.theme(index, p),
        back=Button(_("‹ Programme"), actions.SCHEDULE),
        with_day=True,
        note=note,
        extra=extra,
    )


def days(view: View) -> Screen:
    _ = view._
    zone = view.schedule.zone
    today = view.schedule.today(view.now)
    rows: list[Row] = []
    for day in view.schedule.days:
        sessions = view.schedule.on_day(day)
        label = view.t.day(sessions[0].start, zone) if sessions else day.date.isoformat()
        if today == day:
            label = _("Today · %(day)s") % {"day": label}
        rows.append((Button(f"{label} ({len(sessions)})", actions.day(day.index).encode()),))
    rows.append(_menu_row(view))
    return Screen(bold(_("Choose a day:")), tuple(rows))


def day(view: View, index: int, page: int) -> Screen | None:
    chosen = view.schedule.day(index)
    if chosen is None:
        return None
    sessions = view.schedule.on_day(chosen)
    _ = view._
    heading = (
        view.t.day(sessions[0].start, view.schedule.zone) if sessions else chosen.date.isoformat()
    )
    return _session_list(
        view,
        heading,
        sessions,
        page,
        lambda p: actions.day(index, p),
        back=Button(_("‹ Days"), actions.DAYS),
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
    if running:
        lines.append(_("▶️ On now:"))
        lines += [list_line(view, s, with_day=False) for s in running[:6]]
        lines.append("")
    if upcoming:
        lines.append(_("⏭ Coming up:"))
        same_day = all(
            s.start.astimezone(schedule.zone).date() == view.now.astimezone(schedule.zone).date()
            for s in upcoming
        )
        lines += [list_line(view, s, with_day=not same_day) for s in upcoming]
    if not running and not upcoming:
        lines.append(_("The programme is over. Thank you for taking part!"))
    back = actions.plain(actions.NOW)
    rows: list[Row] = [
        (Button("▶️ " + view.title(s, BUTTON_TITLE_CHARS), session_action(s, back)),)
        for s in running[:6]
    ]
    rows += [
        (Button("⏭ " + view.title(s, BUTTON_TITLE_CHARS), session_action(s, back)),)
        for s in upcoming
    ]
    rows.append((Button(_("🔄 Refresh"), actions.NOW), *_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))


def search_prompt(view: View) -> Screen:
    _ = view._
    text = _(
        "Type a few words and I will search titles, abstracts, speakers and rooms in all three "
        "languages. For example: %(examples)s"
    ) % {"examples": italic(_("roundtable, 5G, chuyển đổi số, intelligence artificielle"))}
    return Screen(text, (_menu_row(view),))


def search_results(view: View, query: str, page: int) -> Screen:
    _ = view._
    found = view.schedule.search(query)
    if not found:
        text = _("Nothing found for “%(query)s”. Try fewer or other words, or browse by theme.") % {
            "query": escape(clip(query, 60))
        }
        return Screen(text, ((Button(_("📅 Programme"), actions.SCHEDULE), *_menu_row(view)),))
    heading = view.t.ngettext(
        "%(count)d session found for “%(query)s”",
        "%(count)d sessions found for “%(query)s”",
        len(found),
    ) % {"count": len(found), "query": clip(query, 60)}
    return _session_list(
        view, heading, found, page, actions.results, back=_menu_row(view)[0], with_day=True
    )


def session_card(
    view: View, session: Session, back: Action | None, *, following: bool | None = None
) -> Screen:
    """Everything about one session; `following` None hides the follow button."""
    _ = view._
    lang = view.t.lang
    lines = [("⭐ " if session.featured else "") + bold(session.title_in(lang)), ""]
    lines.append("🗓 " + escape(view.full_when(session)))
    lines.append("📍 " + escape(session.room_in(lang)))
    if session.track is not None:
        lines.append("🏷 " + escape(session.track.name_in(lang)))
    if session.language:
        lines.append(
            "🗣 "
            + _("In %(language)s") % {"language": escape(view.t.language_name(session.language))}
        )
    if session.persons:
        lines.append("🎤 " + escape(", ".join(session.persons)))
    abstract = session.abstract_in(lang)
    if abstract:
        lines += ["", escape(clip(abstract, ABSTRACT_CHARS))]
    if session.is_running(view.now):
        lines += ["", "▶️ " + _("On now")]
    rows: list[Row] = []
    if following is not None:
        toggle = _fitting(actions.follow(session.key, back), actions.follow(session.key))
        label = _("🔕 Unfollow") if following else _("🔔 Follow and remind me")
        rows.append((Button(label, toggle),))
        if following:
            lines += ["", _("✅ In your agenda; you will get a reminder before it starts.")]
    if back is not None:
        rows.append((Button(_("‹ Back"), back.encode()), *_menu_row(view)))
    else:
        rows.append(_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def session_action(session: Session, back: Action | None) -> str:
    """The tap that opens a session card and can come back; the back is dropped if too long."""
    return _fitting(actions.session(session.key, back), actions.session(session.key))


def session_button(view: View, session: Session, here: Action, prefix: str = "") -> Button:
    label = f"{prefix}{view.t.time(session.start, view.schedule.zone)} "
    return Button(label + view.title(session, BUTTON_TITLE_CHARS), session_action(session, here))


def _fitting(full: Action, short: Action) -> str:
    encoded = full.encode()
    return encoded if len(encoded.encode()) <= 64 else short.encode()


def _session_list(
    view: View,
    heading: str,
    sessions: Sequence[Session],
    page_number: int,
    to_page: Callable[[int], Action],
    back: Button,
    with_day: bool,
    note: str | None = None,
    extra: Row = (),
) -> Screen:
    _ = view._
    page = page_of(sessions, page_number)
    here = to_page(page.number)
    lines = [bold(heading), ""]
    if note:
        lines += [note, ""]
    if not sessions:
        lines.append(_("No sessions here yet."))
    lines += [list_line(view, s, with_day=with_day) for s in page.items]
    rows: list[Row] = [(session_button(view, s, here),) for s in page.items]
    nav = navigation(page, to_page)
    if nav:
        rows.append(nav)
    if extra:
        rows.append(extra)
    rows.append((back,) if back.action == actions.HOME else (back, *_menu_row(view)))
    return Screen("\n".join(lines), tuple(rows))


def list_line(view: View, session: Session, *, with_day: bool) -> str:
    star = "⭐ " if session.featured else ""
    return (
        f"{star}<b>{escape(view.when(session, with_day=with_day))}</b> "
        f"{escape(view.title(session, LIST_TITLE_CHARS))}\n"
        f"     📍 {escape(session.room_in(view.t.lang))}"
    )
