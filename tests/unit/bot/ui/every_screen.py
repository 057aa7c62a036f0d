"""Every screen the bot can show, built from a programme: each theme, day and search page, every
session card, the organizers' and staff's screens, with large counts (labels grow with them).
The language rules run over all of them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from bot.features.agenda import screens as agenda
from bot.features.broadcast import screens as broadcast
from bot.features.browse import screens as browse
from bot.features.browse import search_screens
from bot.features.changes import screens as changes
from bot.features.feedback import screens as feedback
from bot.features.help import screens as help_screens
from bot.features.language import screens as language
from bot.features.privacy import screens as privacy
from bot.features.reminders import screens as reminders
from bot.features.staff import screens as staff
from bot.features.stats import screens as stats
from bot.features.survey import screens as survey
from bot.i18n import LANGUAGES
from bot.programme.diff import diff
from bot.programme.model import Schedule
from bot.programme.search import search
from bot.storage.broadcasts import Broadcast
from bot.storage.users import UserProfile
from bot.supervise import RESTARTING, TaskHealth
from bot.ui import menus, refusals
from bot.ui.actions import Go
from bot.ui.model import Screen
from bot.ui.paging import PAGE_SIZE
from bot.ui.view import View

MANY = 12345  # recipients, attendees: labels with counts must fit at event scale
SEARCHES = ("AI", "5G", "bilateral", "exhibition", "forum", "digital", "chuyển đổi số", "a")


def pages(count: int) -> range:
    return range(max(1, -(-count // PAGE_SIZE)))


def at_times(schedule: Schedule) -> list[datetime]:
    """Before the event, at each session's start and after the last one."""
    if not schedule.sessions:
        return [datetime(2025, 10, 27, tzinfo=UTC)]
    first, last = schedule.sessions[0].start, max(s.end for s in schedule.sessions)
    return [first - timedelta(days=1), *(s.start for s in schedule.sessions), last]


def every_screen(view: View) -> Iterator[tuple[str, Screen]]:
    schedule = view.schedule
    yield "home", browse.home(view, "Nguyễn Thị Minh Khai")
    yield "programme", browse.programme(view)
    for track in schedule.tracks:
        for page in pages(len(schedule.in_track(track))):
            for following in (False, True):
                screen = browse.theme(view, track.index, page, following=following)
                assert screen is not None
                yield f"theme {track.name} p{page} {following}", screen
    yield "days", browse.days(view)
    for day in schedule.days:
        for page in pages(len(schedule.on_day(day))):
            screen = browse.day(view, day.index, page)
            assert screen is not None
            yield f"day {day.index} p{page}", screen
    yield "search prompt", browse.search_prompt(view)
    for query in (*SEARCHES, "nothing at all matches this", "Blai", "Hall"):
        for page in pages(len(search(schedule, query, view.t.lang).found())):
            yield f"search {query} p{page}", search_screens.search_results(view, query, page)
    for index, name in enumerate(schedule.speakers()):
        for page in pages(len(schedule.by_speaker(name))):
            screen = search_screens.speaker(view, index, page)
            assert screen is not None
            yield f"speaker {name} p{page}", screen
    for index, room in enumerate(schedule.rooms()):
        for page in pages(len(schedule.in_room(room))):
            screen = search_screens.room(view, index, page)
            assert screen is not None
            yield f"room {room} p{page}", screen
    sessions = list(schedule.sessions)
    for page in pages(len(sessions)):
        yield f"agenda p{page}", agenda.agenda(view, sessions, page)
    yield "agenda empty", agenda.agenda(view, [], 0)
    for session in sessions:
        for following in (False, True):
            for back in (None, Go.SCHEDULE):
                card = agenda.session_card(view, session, back, following=following)
                yield f"card {session.key} {following} {back}", card
        yield f"reminder {session.key}", reminders.reminder(view, session, 15)
        yield f"notice added {session.key}", _notice_added(view, session.key)
    for on in (False, True):
        profile = UserProfile(1, view.t.lang, "attendee", view.now, False, 30, on, not on)
        yield f"reminder settings {on}", reminders.reminder_settings(view, profile)
    yield from _feedback(view)
    yield from _organizers(view)
    yield from _staff(view)
    yield "help", help_screens.help_screen(view, ())
    yield "language", language.language_picker(view)
    yield "privacy", privacy.privacy(view, 123456789, exports_show_ids=False)
    yield "privacy ids", privacy.privacy(view, 123456789, exports_show_ids=True)
    yield "forget", privacy.confirm_forget(view)
    yield "forgotten", privacy.forgotten(view)
    yield "unknown command", menus.unknown_command(view, "/nope", ())
    yield "text only", menus.text_only(view)
    yield "not on this channel", menus.not_on_this_channel(view)
    yield "not allowed", refusals.not_allowed(view)
    yield "not allowed staff", refusals.not_allowed_staff(view)


def _notice_added(view: View, key: str) -> Screen:
    schedule = view.schedule
    without = Schedule(
        schedule.title,
        schedule.titles,
        "old",
        schedule.zone,
        schedule.tracks,
        schedule.days,
        tuple(s for s in schedule.sessions if s.key != key),
    )
    (change,) = diff(without, schedule).changes
    screen = changes.notice(view, change)
    assert screen is not None
    return screen


def _feedback(view: View) -> Iterator[tuple[str, Screen]]:
    schedule = view.schedule
    yield "comment offer", feedback.comment_offer(view)
    yield "comment too long", feedback.comment_too_long(view, 1200)
    yield "feedback picker", feedback.picker(view)
    started = [s for s in schedule.sessions if s.start <= view.now]
    for day in schedule.days:
        for page in pages(len([s for s in started if s.day_index == day.index])):
            screen = feedback.day_page(view, day.index, page)
            assert screen is not None
            yield f"feedback day {day.index} p{page}", screen
    for track in schedule.tracks:
        for page in pages(len([s for s in started if s.track == track])):
            screen = feedback.theme_page(view, track.index, page)
            assert screen is not None
            yield f"feedback theme {track.name} p{page}", screen


def _organizers(view: View) -> Iterator[tuple[str, Screen]]:
    schedule = view.schedule
    counts = dict.fromkeys(LANGUAGES, MANY)
    yield "audiences", broadcast.audiences(view, counts)
    yield "session days", broadcast.session_days(view)
    for day in schedule.days:
        on_day = schedule.on_day(day)
        for page in pages(len(on_day)):
            yield (
                f"broadcast day {day.index} p{page}",
                broadcast.session_page(view, day.index, on_day, page),
            )
    yield "broadcast themes", broadcast.themes(view)
    draft = Broadcast(7, 1, "all", {}, None, "en", "draft", "2025-10-27T03:00:00+00:00", None, None)
    written = Broadcast(
        7, 1, "all", {"vi": "a", "fr": "b"}, None, "vi", "sending", draft.created_at, None, None
    )
    for version in ("all", *LANGUAGES):
        yield f"write {version}", broadcast.write_prompt(view, 7, "everyone", version)
    yield "versions", broadcast.versions(view, draft)
    yield "versions written", broadcast.versions(view, written)
    yield "summary", broadcast.summary(view, written, "everyone", counts, [])
    yield "summary missing", broadcast.summary(view, written, "everyone", counts, ["en"])
    yield "summary caption", broadcast.summary(view, written, "everyone", counts, [], ["fr"])
    yield "summary nobody", broadcast.summary(view, written, "everyone", {}, [])
    progress = {"sent": MANY, "pending": MANY}
    yield "progress", broadcast.progress(view, written, progress, 754.0, False)
    yield "progress done", broadcast.progress(view, written, progress, 0.0, True)
    yield "history", broadcast.history(view, [(written, progress), (draft, {})])
    yield "survey preview", survey.survey_preview(view, "Survey", counts)
    yield "survey queued", survey.survey_queued(view, MANY)
    new = schedule
    yield "changes summary", changes.summary(view, diff(new, new), MANY)
    yield "unchanged", changes.unchanged(view)
    yield "refused", changes.refused(view, "schedule.json: not valid JSON at line 3")


def _staff(view: View) -> Iterator[tuple[str, Screen]]:
    schedule = view.schedule
    top = [(s, MANY) for s in schedule.sessions[:10]]
    users = dict.fromkeys(LANGUAGES, (MANY, MANY))
    failing = [TaskHealth("sender", RESTARTING, 3, "OSError: gone", view.now, 4)]
    sent = {"reminder": MANY, "feedback": MANY, "announcement": MANY}
    yield "stats", stats.stats(view, users, MANY, top, sent, (MANY, 4321), 3, MANY, failing)
    yield "stats empty", stats.stats(view, {}, 0, [], {}, (0, 0), 0, 0)
    yield "staff", staff.overview(view, [1, 2], [3])
    yield "staff granted", staff.granted(view, 5, new=True)
    yield "staff revoked", staff.revoked(view, 5, removed=False, configured=True)
    yield "staff bad request", staff.bad_request(view)
