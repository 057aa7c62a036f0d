"""Feedback screens: the rating poll's texts, the comment offer, the /feedback picker."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.features.feedback.actions import FeedbackTap, Rate, RateDay, RateTheme
from bot.programme.model import Session
from bot.ui.actions import Action, Go
from bot.ui.layout import fitted, rows_of
from bot.ui.menus import main_menu_row
from bot.ui.model import QUESTION_CHARS, Button, PollRequest, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.sessions import list_line, timed_rows, written_out
from bot.ui.view import View, bold, clip

COMMENT_CHARS = 1000
RATING_KEYS = ("5", "4", "3", "2", "1", "absent")
ABSENT = "absent"


def rating_poll(view: View, session: Session, subject: str) -> PollRequest:
    _ = view._
    template = _("How was “%(title)s”?")
    room = QUESTION_CHARS - len(template % {"title": ""})
    question = template % {"title": clip(session.title_in(view.t.lang), room)}
    options = (
        _("⭐⭐⭐⭐⭐ Excellent"),
        _("⭐⭐⭐⭐ Good"),
        _("⭐⭐⭐ Fair"),
        _("⭐⭐ Poor"),
        _("⭐ Very poor"),
        _("I did not attend"),
    )
    return PollRequest(subject, "rating", view.t.lang, question, options, RATING_KEYS)


def comment_offer(view: View) -> Screen:
    _ = view._
    text = _(
        "Thank you! Would you like to add a comment for the organizers? Just type it "
        "(up to %(count)d characters)."
    ) % {"count": COMMENT_CHARS}
    return Screen(text, ((Button(_("Skip"), Go.SKIP_COMMENT),),))


def comment_saved(view: View) -> Screen:
    return Screen(view._("Thank you, your comment has been passed on to the organizers."))


def comment_skipped(view: View) -> Screen:
    return Screen(view._("All right, no comment. Thank you!"))


def comment_too_long(view: View, length: int) -> Screen:
    _ = view._
    text = _(
        "Your comment has %(length)d characters; please keep it to %(count)d. "
        "Nothing was saved yet: send a shorter version, or skip."
    ) % {"length": length, "count": COMMENT_CHARS}
    return Screen(text, ((Button(_("Skip"), Go.SKIP_COMMENT),),))


def picker(view: View) -> Screen:
    """/feedback: choose a day or a theme, then a session that has started."""
    _ = view._
    started = [s for s in view.schedule.sessions if s.start <= view.now]
    if not started:
        return Screen(
            _("No session has started yet: you can rate a session once it has begun."),
            (main_menu_row(view),),
        )
    days = [d for d in view.schedule.days if any(s.day_index == d.index for s in started)]
    rows: list[Row] = [
        (
            Button(
                view.t.day(_first(started, d.index).start, view.schedule.zone),
                RateDay(d.index).encode(),
            ),
        )
        for d in days
    ]
    themes = [
        Button(t.name_in(view.t.lang), RateTheme(t.index).encode())
        for t in view.schedule.tracks
        if any(s.track == t for s in started)
    ]
    rows += rows_of(themes)
    rows.append(main_menu_row(view))
    text = bold(_("Rate a session")) + "\n\n" + _("Choose a day or a theme:")
    return Screen(text, tuple(rows))


def picker_page(
    view: View,
    heading: str,
    sessions: Sequence[Session],
    page_number: int,
    to_page: Callable[[int], Action],
    *,
    with_day: bool,
) -> Screen:
    """One day's or theme's sessions that have started; a tap sends that session's poll."""
    _ = view._
    page = page_of(sessions, page_number)
    lines = [bold(heading), "", _("Which session would you like to rate?"), ""]
    if written_out(view):
        lines += [list_line(view, s, with_day=with_day) for s in page.items]
    rows = timed_rows(view, page.items, lambda s: Rate(s.key).encode(), with_day=with_day)
    nav = navigation(page, to_page)
    if nav:
        rows.append(nav)
    rows += fitted([(Button(_("‹ Back"), FeedbackTap.PICKER), *main_menu_row(view))])
    return Screen("\n".join(lines), tuple(rows))


def _first(sessions: Sequence[Session], day_index: int) -> Session:
    return next(s for s in sessions if s.day_index == day_index)


def day_page(view: View, day_index: int, page: int) -> Screen | None:
    """The sessions of one day that have started; None if the programme has no such day."""
    day = view.schedule.day(day_index)
    if day is None:
        return None
    sessions = [s for s in _started(view) if s.day_index == day.index]
    heading = view.t.date(day.date)
    return picker_page(
        view, heading, sessions, page, lambda p: RateDay(day_index, p), with_day=False
    )


def theme_page(view: View, track_index: int, page: int) -> Screen | None:
    """The sessions of one theme that have started; None if the programme has no such theme."""
    track = view.schedule.track(track_index)
    if track is None:
        return None
    sessions = [s for s in _started(view) if s.track == track]
    heading = track.name_in(view.t.lang)
    return picker_page(
        view, heading, sessions, page, lambda p: RateTheme(track_index, p), with_day=True
    )


def _started(view: View) -> list[Session]:
    return [s for s in view.schedule.sessions if s.start <= view.now]
