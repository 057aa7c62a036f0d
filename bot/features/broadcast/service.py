"""Organizer announcements: audience, one text or one per language, preview, send, progress.

Every step checks the organizer role again on the server: a forged button from anyone else
gets a refusal and nothing is created or queued. Sending goes through the delivery engine, so
a broadcast survives restarts and its report (counts by status) stays right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.clock import Clock
from bot.delivery.fan_out import fan_out
from bot.delivery.service import Delivery
from bot.features.broadcast import screens as screens
from bot.features.broadcast.actions import AudienceKind
from bot.i18n import LANGUAGES
from bot.outgoing import Outgoing, Payload, screen_payload
from bot.programme.current import CurrentProgramme
from bot.programme.model import Schedule
from bot.roles import Roles
from bot.storage import Storage
from bot.storage.broadcasts import Broadcast
from bot.ui.menus import LANGUAGE_NAMES
from bot.ui.model import Screen
from bot.ui.view import View, plain

KIND = "announcement"


@dataclass(frozen=True)
class Step:
    """What the flow shows next: messages shown as recipients will see them, then a screen."""

    screen: Screen
    previews: tuple[Screen, ...] = ()
    tracks: int | None = None  # a broadcast whose progress this screen shows from now on


def plain_length(html: str) -> int:
    """What Telegram counts: the characters left once the formatting tags are parsed."""
    return len(plain(html))


def outgoing(broadcast: Broadcast, recipients: list[tuple[int, str]]) -> list[Outgoing]:
    """One message per recipient, in their language's version (or the default's)."""

    def render(lang: str) -> Payload | None:
        text = broadcast.text_for(lang)
        return screen_payload(Screen(text, photo=broadcast.photo)) if text is not None else None

    return fan_out(recipients, render, f"{broadcast.batch}:")


def audience_from_text(schedule: Schedule, text: str) -> str:
    """'all', 'lang:vi', 'session:<code>' or 'theme:<slug>' as typed on a terminal."""
    kind, _, value = text.partition(":")
    if kind == "all" and not value:
        return "all"
    if kind == "lang" and value in LANGUAGES:
        return text
    if kind == "session":
        session = schedule.session(value)
        if session is None:
            raise ValueError(f"no session with the code {value!r} in the programme")
        return f"session:{session.guid}|{session.track_slug or ''}"
    if kind == "theme" and any(t.slug == value for t in schedule.tracks):
        return text
    slugs = ", ".join(t.slug for t in schedule.tracks)
    raise ValueError(
        f"audience {text!r}: use all, lang:vi|en|fr, session:<code> or theme:<slug> ({slugs})"
    )


class Broadcasting:
    def __init__(
        self,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        roles: Roles,
    ) -> None:
        self._programme = programme
        self._storage = storage
        self._delivery = delivery
        self._clock = clock
        self._roles = roles

    def allowed(self, user_id: int) -> bool:
        return self._roles.is_organizer(user_id)

    async def start(self, view: View) -> Screen:
        return screens.audiences(view, await self._storage.users.reachable_by_language())

    async def audience(self, view: View, user_id: int, kind: AudienceKind) -> Screen:
        if kind is AudienceKind.SESSION_FOLLOWERS:
            return screens.session_days(view)
        if kind is AudienceKind.THEME_FOLLOWERS:
            return screens.themes(view)
        audience = "all" if kind.language is None else f"lang:{kind.language}"
        return await self._draft(view, user_id, audience)

    def session_page(self, view: View, day_index: int, page: int) -> Screen | None:
        day = self._programme.schedule.day(day_index)
        if day is None:
            return None
        return screens.session_page(view, day_index, self._programme.schedule.on_day(day), page)

    async def session(self, view: View, user_id: int, key: str) -> Screen | None:
        session = self._programme.schedule.session(key)
        if session is None:
            return None
        return await self._draft(
            view, user_id, f"session:{session.guid}|{session.track_slug or ''}"
        )

    async def theme(self, view: View, user_id: int, index: int) -> Screen | None:
        track = self._programme.schedule.track(index)
        if track is None:
            return None
        return await self._draft(view, user_id, f"theme:{track.slug}")

    async def _draft(self, view: View, user_id: int, audience: str) -> Screen:
        store = self._storage.broadcasts
        broadcast_id = await store.create(user_id, audience, view.t.lang, self._clock.now())
        await store.set_composing(user_id, f"{broadcast_id}:all")
        return screens.write_prompt(view, broadcast_id, self.describe(view, audience), "all")

    async def versions(self, view: View, broadcast_id: int) -> Screen | None:
        broadcast = await self._draft_of(broadcast_id)
        return screens.versions(view, broadcast) if broadcast else None

    async def write(
        self, view: View, user_id: int, broadcast_id: int, version: str
    ) -> Screen | None:
        broadcast = await self._draft_of(broadcast_id)
        if broadcast is None:
            return None
        await self._storage.broadcasts.set_composing(user_id, f"{broadcast_id}:{version}")
        return screens.write_prompt(
            view, broadcast_id, self.describe(view, broadcast.audience), version
        )

    async def set_default(self, view: View, broadcast_id: int, language: str) -> Screen | None:
        if await self._draft_of(broadcast_id) is None:
            return None
        await self._storage.broadcasts.set_default_language(broadcast_id, language)
        return await self.versions(view, broadcast_id)

    async def receive(self, view: View, user_id: int, html: str, length: int) -> Step | None:
        """The organizer's text while composing (None: they are not composing)."""
        return await self._compose(view, user_id, html, length, None)

    async def receive_photo(
        self, view: View, user_id: int, file_id: str, caption_html: str, length: int
    ) -> Step | None:
        """A photo while composing: the announcement carries it; its caption is the text."""
        return await self._compose(view, user_id, caption_html, length, file_id)

    async def _compose(
        self, view: View, user_id: int, html: str, length: int, photo: str | None
    ) -> Step | None:
        composing = await self._storage.broadcasts.composing(user_id)
        if composing is None or not self.allowed(user_id):
            return None
        limit = screens.CAPTION_CHARS if photo else screens.TEXT_CHARS
        if length > limit:
            return Step(screens.too_long(view, length, limit))
        broadcast_id, _, version = composing.partition(":")
        store = self._storage.broadcasts
        if photo is not None:
            await store.set_photo(int(broadcast_id), photo)
        await store.set_text(int(broadcast_id), version, html)
        await store.set_composing(user_id, None)
        return await self.preview(view, int(broadcast_id))

    async def preview(self, view: View, broadcast_id: int) -> Step | None:
        """Each version exactly as its recipients will see it, then who gets what."""
        broadcast = await self._draft_of(broadcast_id)
        if broadcast is None:
            return None
        recipients = await self._storage.broadcasts.recipients(broadcast.audience)
        counts: dict[str, int] = {}
        for _, lang in recipients:
            counts[lang] = counts.get(lang, 0) + 1
        missing = [lang for lang in counts if broadcast.text_for(lang) is None]
        shown: dict[str, str] = {}
        for lang in LANGUAGES:
            text = broadcast.text_for(lang)
            if (
                text is not None
                and text not in shown.values()
                and (counts.get(lang) or lang in broadcast.texts)
            ):
                shown[lang] = text
        previews = tuple(Screen(text, photo=broadcast.photo) for text in shown.values())
        long_captions = [
            lang
            for lang, text in shown.items()
            if broadcast.photo and plain_length(text) > screens.CAPTION_CHARS
        ]
        audience = self.describe(view, broadcast.audience)
        summary = screens.summary(view, broadcast, audience, counts, missing, long_captions)
        return Step(summary, previews)

    async def confirm(self, view: View, broadcast_id: int) -> Step | None:
        broadcast = await self._draft_of(broadcast_id)
        if broadcast is None:
            return None
        recipients = await self._storage.broadcasts.recipients(broadcast.audience)
        await self._storage.broadcasts.set_status(broadcast_id, "sending", self._clock.now())
        await self._delivery.enqueue(broadcast.batch, KIND, outgoing(broadcast, recipients))
        return Step(await self.progress_screen(view, broadcast_id), tracks=broadcast_id)

    async def cancel(self, view: View, broadcast_id: int) -> Screen | None:
        broadcast = await self._storage.broadcasts.get(broadcast_id)
        if broadcast is None:
            return None
        await self._storage.broadcasts.set_composing(broadcast.organizer_id, None)
        if broadcast.status == "draft":
            await self._storage.broadcasts.set_status(broadcast_id, "cancelled")
            return screens.cancelled_draft(view)
        if broadcast.status == "sending":
            await self._delivery.cancel(broadcast.batch)
            await self._storage.broadcasts.set_status(broadcast_id, "cancelled")
        return await self.progress_screen(view, broadcast_id)

    async def progress_screen(self, view: View, broadcast_id: int) -> Screen:
        broadcast = await self._storage.broadcasts.get(broadcast_id)
        assert broadcast is not None
        progress = await self._delivery.progress(broadcast.batch)
        return screens.progress(
            view, broadcast, progress.counts, progress.eta_seconds, progress.done
        )

    async def tracking(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        await self._storage.broadcasts.set_progress_message(broadcast_id, chat_id, message_id)

    async def running(self) -> list[Broadcast]:
        """Broadcasts still going out; finished ones are marked done on the way."""
        active = []
        for broadcast in await self._storage.broadcasts.with_status("sending"):
            if (await self._delivery.progress(broadcast.batch)).done:
                await self._storage.broadcasts.set_status(broadcast.id, "done")
            active.append(broadcast)
        return active

    async def history(self, view: View) -> Screen:
        items: list[tuple[Broadcast, Mapping[str, int]]] = []
        for broadcast in await self._storage.broadcasts.recent():
            items.append((broadcast, (await self._delivery.progress(broadcast.batch)).counts))
        return screens.history(view, items)

    def describe(self, view: View, audience: str) -> str:
        _ = view._
        kind, _sep, value = audience.partition(":")
        if kind == "lang":
            return _("everyone who reads %(language)s") % {"language": LANGUAGE_NAMES[value]}
        if kind == "theme":
            track = next((t for t in self._programme.schedule.tracks if t.slug == value), None)
            name = track.name_in(view.t.lang) if track else value
            return _("the followers of the theme %(theme)s") % {"theme": name}
        if kind == "session":
            guid = value.partition("|")[0]
            session = next((s for s in self._programme.schedule.sessions if s.guid == guid), None)
            title = session.title_in(view.t.lang) if session else guid
            return _("the followers of “%(title)s”") % {"title": title}
        return _("every attendee")

    async def _draft_of(self, broadcast_id: int) -> Broadcast | None:
        broadcast = await self._storage.broadcasts.get(broadcast_id)
        return broadcast if broadcast is not None and broadcast.status == "draft" else None
