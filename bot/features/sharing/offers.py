"""What inline mode offers for a query: the programme's own search, best first, page by page
(a speaker it ranks above every session first, as search results show them); nothing typed
yet: what is on now and next; a short code: that one session."""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.sharing.screens import posted_card, posted_speaker
from bot.programme.codes import codes_of, speaker_code, typed_code
from bot.programme.model import Session, Speaker
from bot.programme.search import search
from bot.programme.search_index import EntityKind
from bot.ui.actions import MAX_NUMBER
from bot.ui.sessions import SESSION_LINK, SPEAKER_LINK
from bot.ui.view import View, clip

MAX_QUERY_CHARS = 256  # what Telegram lets a user type after @bot
PAGE = 20  # results per answer (Telegram takes 50); a client asks for more as one scrolls
NOW_AND_NEXT = 20
TITLE_CHARS = 100


@dataclass(frozen=True)
class Offer:
    """One card to post, channel-neutral: the channel renders it (Telegram: an article)."""

    id: str  # unique in an answer, ≤ 64 bytes: a session's key (≤ 40 characters), p_<code>
    title: str  # plain text
    description: str  # plain text: when and where
    text: str  # the message posted, HTML with <b> and <i>
    start: str  # the deep link payload that opens the card in the bot: s_<key>, p_<code>
    open_label: str  # the button under the posted card


@dataclass(frozen=True)
class Offers:
    offers: tuple[Offer, ...]
    next_offset: str  # "" when this was the last page


def offers(view: View, query: str, offset: str = "") -> Offers:
    """The cards for `query` (as typed after @bot), from the page `offset` names."""
    found = matching(view, query[:MAX_QUERY_CHARS])
    first = _start(offset)
    page = found[first : first + PAGE]
    more = first + PAGE < len(found)
    return Offers(tuple(offer(view, item) for item in page), str(first + PAGE) if more else "")


def matching(view: View, query: str) -> list[Session | Speaker]:
    """The sessions the search ranks, after the speakers it finds better than any of them."""
    schedule = view.schedule
    if not query.strip():
        return list(now_and_next(view))
    if typed_code(query) is not None:
        found = codes_of(schedule).session(query)
        return [found] if found is not None else []
    results = search(schedule, query, view.t.lang)
    speakers: list[Session | Speaker] = [
        Speaker(hit.entity.name) for hit in results.entities if hit.kind is EntityKind.SPEAKER
    ]
    return speakers + list(results.found())


def now_and_next(view: View) -> list[Session]:
    """On now, then the next to start; after the last one, the highlights, else the first."""
    schedule = view.schedule
    sessions = schedule.running(view.now) + schedule.upcoming(view.now, NOW_AND_NEXT)
    return (sessions or schedule.featured() or list(schedule.sessions))[:NOW_AND_NEXT]


def offer(view: View, item: Session | Speaker) -> Offer:
    return (
        speaker_offer(view, item.name) if isinstance(item, Speaker) else session_offer(view, item)
    )


def speaker_offer(view: View, name: str) -> Offer:
    count = len(view.schedule.by_speaker(name))
    sessions = view.t.ngettext("%(count)d session", "%(count)d sessions", count) % {"count": count}
    link = SPEAKER_LINK + speaker_code(name)
    return Offer(
        id=link,
        title="🎤 " + clip(name, TITLE_CHARS),
        description=sessions,
        text=posted_speaker(view, name),
        start=link,
        open_label=view._("Open in the bot"),
    )


def session_offer(view: View, session: Session) -> Offer:
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
