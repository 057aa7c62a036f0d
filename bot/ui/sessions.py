"""Sessions in lists, the way every feature shows them: a line of text, a button that opens the
session's card and can come back, and the action behind it (the card itself is the agenda's:
it shows whether you follow the session).

A button has the width of a phone: it shows the session's short title when it has one, cut to
what fits. Numbered text (Zalo) has no width: there a choice is the whole entry — time, full
title, room — and the text above does not list the same sessions again.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from html import escape

from bot.programme.model import Schedule, Session
from bot.ui.actions import Action, AnyAction, Back, SessionKey, data_of
from bot.ui.layout import FULL_ROW_CHARS
from bot.ui.model import MAX_ACTION_BYTES, Button, Row
from bot.ui.view import View, clip

LIST_TITLE_CHARS = 110
# A deep link t.me/<bot>?start=s_<code> opens that session's card.
SESSION_LINK = "s_"
# t.me/<bot>?start=p_<code> opens a speaker's card (the code: bot/programme/codes.py).
SPEAKER_LINK = "p_"


class SessionVerb(StrEnum):
    OPEN = "s"
    PLACE = "sv"
    SPEAKER = "p"
    QUESTIONS = "sq"


@dataclass(frozen=True)
class OpenSession(Action, verb=SessionVerb.OPEN):
    """s:<code>[:<back>]: a session's card, and where its Back button returns to."""

    key: SessionKey
    back: Back = None


@dataclass(frozen=True)
class SessionPlace(Action, verb=SessionVerb.PLACE):
    """sv:<code>: the venue of the session's room (the 📍 button of a card)."""

    key: SessionKey


# A session takes questions to its panel from this long before it starts until it ends.
QUESTIONS_OPEN_BEFORE = timedelta(minutes=30)


def takes_questions(session: Session, now: datetime) -> bool:
    return session.start - QUESTIONS_OPEN_BEFORE <= now < session.end


@dataclass(frozen=True)
class SessionQuestions(Action, verb=SessionVerb.QUESTIONS):
    """sq:<code>:<page>: the questions to the panel of a session (the ❓ button of a card,
    shown while it takes questions: bot/features/questions)."""

    key: SessionKey
    page: int = 0


@dataclass(frozen=True)
class OpenSpeaker(Action, verb=SessionVerb.SPEAKER):
    """p:<speaker>:<page>: a speaker's card (by place in the list by name), and the page of
    the list its Back button returns to."""

    index: int
    page: int = 0


def speakers_by_name(schedule: Schedule) -> list[str]:
    """The programme's speakers by name, accents and case aside (names keep their diacritics)."""
    return sorted(schedule.speakers(), key=lambda n: (folded_name(n), n))


def folded_name(name: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).casefold()


def speaker_buttons(view: View, session: Session, limit: int = 4) -> list[Row]:
    """🎤 one button per speaker of the session, to their card."""
    names = speakers_by_name(view.schedule)
    return [
        (Button("🎤 " + clip(name, 40), OpenSpeaker(names.index(name)).encode()),)
        for name in session.persons[:limit]
        if name in names
    ]


def fitting(full: AnyAction, short: AnyAction) -> str:
    """`full` if it fits a button, else `short` (a long Back is what makes it too long)."""
    encoded = data_of(full)
    return encoded if len(encoded.encode()) <= MAX_ACTION_BYTES else data_of(short)


def session_action(session: Session, back: Back) -> str:
    """The tap that opens a session card and can come back; the back is dropped if too long."""
    return fitting(OpenSession(session.key, back), OpenSession(session.key))


def written_out(view: View) -> bool:
    """Whether a screen lists its sessions in its text as well as in its buttons: not on
    numbered text, where the choices are the list."""
    return view.channel.buttons


def list_line(view: View, session: Session, *, with_day: bool) -> str:
    star = "⭐ " if session.featured else ""
    return (
        f"{star}<b>{escape(view.when(session, with_day=with_day))}</b> "
        f"{escape(view.title(session, LIST_TITLE_CHARS))}\n"
        f"     📍 {escape(session.room_in(view.t.lang))}"
    )


def entry(
    view: View, session: Session, *, with_day: bool, star: bool = True, notes: Sequence[str] = ()
) -> str:
    """A list line as plain text, with its full title: a numbered choice."""
    mark = "⭐ " if star and session.featured else ""
    lines = [
        f"{mark}{view.when(session, with_day=with_day)} {view.title(session)}",
        f"     📍 {session.room_in(view.t.lang)}",
        *(f"     {note}" for note in notes),
    ]
    return "\n".join(lines)


def titled(view: View, session: Session, mark: str, *, with_day: bool = True) -> str:
    """A label without the time ("⭐ Ministerial Roundtable…"): the short title after `mark`."""
    if not view.channel.buttons:
        return mark + entry(view, session, with_day=with_day, star=False)
    return mark + clip(session.short_title_in(view.t.lang), FULL_ROW_CHARS - len(mark))


def timed(
    view: View,
    session: Session,
    prefix: str = "",
    *,
    with_day: bool = False,
    dated: bool = False,
    notes: Sequence[str] = (),
) -> str:
    """'10:30 Ministerial Roundtable…' (with the day when `dated`); on numbered text the entry."""
    if not view.channel.buttons:
        return prefix + entry(view, session, with_day=with_day or dated, notes=notes)
    zone = view.schedule.zone
    when = view.t.time(session.start, zone)
    if dated:
        when = f"{view.t.short_day(session.start, zone, start=not prefix)} {when}"
    head = f"{prefix}{when} "
    return head + clip(session.short_title_in(view.t.lang), FULL_ROW_CHARS - len(head))


def timed_rows(
    view: View,
    sessions: Sequence[Session],
    action: Callable[[Session], str],
    *,
    with_day: bool = False,
    prefix: Callable[[Session], str] = lambda _session: "",
    notes: Callable[[Session], Sequence[str]] = lambda _session: (),
) -> list[Row]:
    """One row per session; two sessions that would read the same (one title at one time on
    two days) are told apart by their day, then by their room, then by their code."""

    def label(session: Session, dated: bool) -> str:
        return timed(
            view,
            session,
            prefix(session),
            with_day=with_day,
            dated=dated,
            notes=notes(session),
        )

    labels = [label(s, False) for s in sessions]
    twice = {text for text, n in Counter(labels).items() if n > 1}
    labels = [
        label(s, True) if text in twice else text for s, text in zip(sessions, labels, strict=True)
    ]
    twice = {text for text, n in Counter(labels).items() if n > 1}
    labels = [
        f"{text} · {s.room_in(view.t.lang)}" if text in twice else text
        for s, text in zip(sessions, labels, strict=True)
    ]
    twice = {text for text, n in Counter(labels).items() if n > 1}
    labels = [  # nothing a reader sees tells them apart: the programme's code does
        f"{text} ({s.key})" if text in twice else text
        for s, text in zip(sessions, labels, strict=True)
    ]
    return [(Button(text, action(s)),) for s, text in zip(sessions, labels, strict=True)]


def session_rows(
    view: View,
    sessions: Sequence[Session],
    here: Back,
    *,
    with_day: bool = False,
    prefix: Callable[[Session], str] = lambda _session: "",
    notes: Callable[[Session], Sequence[str]] = lambda _session: (),
) -> list[Row]:
    """A button per session that opens its card and comes back `here`."""
    return timed_rows(
        view,
        sessions,
        lambda s: session_action(s, here),
        with_day=with_day,
        prefix=prefix,
        notes=notes,
    )


def session_not_found(view: View, key: str) -> str:
    return view._("There is no session with the code %(code)s in the programme.") % {
        "code": escape(key[:20])
    }
