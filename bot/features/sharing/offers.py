"""What inline mode offers for a query: the programme's own search, best first, page by page;
nothing typed yet: what is on now and next; a short code: that one session."""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.sharing.screens import posted_card
from bot.programme.codes import codes_of, typed_code
from bot.programme.model import Session
from bot.programme.search import search
from bot.ui.actions import MAX_NUMBER
from bot.ui.sessions import SESSION_LINK
from bot.ui.view import View, clip

MAX_QUERY_CHARS = 256  # what Telegram lets a user type after @bot
PAGE = 20  # results per answer (Telegram takes 50); a client asks for more as one scrolls
NOW_AND_NEXT = 20
TITLE_CHARS = 100


@dataclass(frozen=True)
class Offer:
    """One card to post, channel-neutral: the channel renders it (Telegram: an article)."""

    id: str  # unique in an answer, ≤ 64 bytes: the session's key (≤ 40 characters)
    title: str  # plain text
    description: str  # plain text: when and where
    text: str  # the message posted, HTML with <b> and <i>
    start: str  # the deep link payload that opens the card in the bot: s_<key>
    open_label: str  # the button under the posted card


@dataclass(frozen=True)
class Offers:
    offers: tuple[Offer, ...]
    next_offset: str  # "" when this was the last page


def offers(view: View, query: str, offset: str = "") -> Offers:
    """The cards for `query` (as typed after @bot), from the page `offset` names."""
    sessions = matching(view, query[:MAX_QUERY_CHARS])
    first = _start(offset)
    page = sessions[first : first + PAGE]
    more = first + PAGE < len(sessions)
    return Offers(tuple(offer(view, s) for s in page), str(first + PAGE) if more else "")


def matching(view: View, query: str) -> list[Session]:
    schedule = view.schedule
    if not query.strip():
        return now_and_next(view)
    if typed_code(query) is not None:
        found = codes_of(schedule).session(query)
        return [found] if found is not None else []
    return search(schedule, query, view.t.lang).found()


def now_and_next(view: View) -> list[Session]:
    """On now, then the next to start; after the last one, the highlights, else the first."""
    schedule = view.schedule
    sessions = schedule.running(view.now) + schedule.upcoming(view.now, NOW_AND_NEXT)
    return (sessions or schedule.featured() or list(schedule.sessions))[:NOW_AND_NEXT]


def offer(view: View, session: Session) -> Offer:
    lang = view.t.lang
    where = f"{view.when(session, with_day=True)} · {session.room_in(lang)}"
    return Offer(
        id=session.key,
        title=clip(session.title_in(lang), TITLE_CHARS),
        description=where,
        text=posted_card(view, session),
        start=SESSION_LINK + session.key,
        open_label=view._("Open in the bot"),
    )


def _start(offset: str) -> int:
    """The first result of the page; anything but a number we gave is the first page."""
    if not (offset.isascii() and offset.isdigit() and len(offset) <= 5):
        return 0
    value = int(offset)
    return value if value < MAX_NUMBER else 0
