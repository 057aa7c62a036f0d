"""Organizer announcements: audience, one text or one per language, preview, send, progress.

Every step checks the organizer role again on the server: a forged button from anyone else
gets a refusal and nothing is created or queued. Sending goes through the delivery engine, so
a broadcast survives restarts and its report (counts by status) stays right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot.channels import CHANNEL_NAMES, CHANNELS, channel_of
from bot.clock import Clock
from bot.delivery.fan_out import fan_out
from bot.delivery.service import Delivery, Progress
from bot.features.broadcast import screens as screens
from bot.features.broadcast.actions import AudienceKind
from bot.features.broadcast.markup import MarkupError, telegram_html
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


def fits(html: str, limit: int = screens.TEXT_CHARS) -> bool:
    """A text Telegram sends: not empty, and within its limit."""
    return 0 < plain_length(html.strip()) <= limit


@dataclass(frozen=True)
class Plan:
    """A draft as it would go out: who gets it (by language and channel), each distinct
    text with the languages that get it, and what stops it from being sent."""

    broadcast: Broadcast
    counts: Mapping[tuple[str, str], int]  # (language, channel) → recipients
    versions: tuple[tuple[tuple[str, ...], str], ...]  # (languages, text), in LANGUAGES order
    missing: tuple[str, ...]  # languages with recipients and no text
    long_captions: tuple[str, ...]  # with a photo: versions over the caption limit

    @property
    def by_language(self) -> dict[str, int]:
        return {lang: sum(self.counts.get((lang, c), 0) for c in CHANNELS) for lang in LANGUAGES}

    @property
    def by_channel(self) -> dict[str, int]:
        return {c: sum(self.counts.get((lang, c), 0) for lang in LANGUAGES) for c in CHANNELS}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def sendable(self) -> bool:
        return bool(self.total) and not self.missing and not self.long_captions


@dataclass(frozen=True)
class Report:
    """Where a sent announcement stands: its record and the outbox's counts."""

    broadcast: Broadcast
    progress: Progress

    @property
    def stoppable(self) -> bool:
        return self.broadcast.status == "sending" and not self.progress.done


ProblemKind = Literal[
    "empty",
    "too-long",
    "markup",
    "no-default-text",
    "unknown-session",
    "unknown-theme",
    "unknown-audience",
]


@dataclass(frozen=True)
class Problem:
    """Why a draft typed in one go (the console's form) cannot be kept: which field, what."""

    field: str  # "audience", "default" or a version: "all", "vi", "en", "fr"
    kind: ProblemKind
    length: int = 0
    detail: str = ""  # the tag, the session's code or the theme as typed


@dataclass(frozen=True)
class Typed:
    """A draft typed in one go: its audience as chosen and its texts as typed."""

    audience_kind: str  # all | lang | channel | session | theme
    audience_value: str = ""
    texts: Mapping[str, str] = field(default_factory=dict)  # "all", or languages
    default_language: str = "en"


def outgoing(broadcast: Broadcast, recipients: list[tuple[int, str]]) -> list[Outgoing]:
    """One message per recipient, in their language's version (or the default's)."""

    def render(lang: str) -> Payload | None:
        text = broadcast.text_for(lang)
        return screen_payload(Screen(text, photo=broadcast.photo)) if text is not None else None

    return fan_out(recipients, render, f"{broadcast.batch}:")


def parse_audience(schedule: Schedule, kind: str, value: str) -> str | Problem:
    """The stored audience for a kind and its value (a session's code, a theme's slug...)."""
    if kind == "all" and not value:
        return "all"
    if kind == "lang" and value in LANGUAGES:
        return f"lang:{value}"
    if kind == "channel" and value in CHANNELS:
        return f"channel:{value}"
    if kind == "session":
        session = schedule.session(value) if value else None
        if session is None:
            return Problem("audience", "unknown-session", detail=value)
        return f"session:{session.guid}|{session.track_slug or ''}"
    if kind == "theme":
        if not any(t.slug == value for t in schedule.tracks):
            return Problem("audience", "unknown-theme", detail=value)
        return f"theme:{value}"
    return Problem("audience", "unknown-audience", detail=f"{kind}:{value}")


def audience_from_text(schedule: Schedule, text: str) -> str:
    """'all', 'lang:vi', 'channel:zalo', 'session:<code>' or 'theme:<slug>' as typed on a
    terminal."""
    kind, _, value = text.partition(":")
    found = parse_audience(schedule, kind, value)
    if isinstance(found, str):
        return found
    if found.kind == "unknown-session":
        raise ValueError(f"no session with the code {value!r} in the programme")
    slugs = ", ".join(t.slug for t in schedule.tracks)
    raise ValueError(
        f"audience {text!r}: use all, lang:vi|en|fr, channel:telegram|zalo, session:<code> "
        f"or theme:<slug> ({slugs})"
    )


def typed_texts(typed: Typed) -> dict[str, str] | list[Problem]:
    """The texts as Telegram HTML, or what is wrong with them (each field named)."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for version, raw in typed.texts.items():
        try:
            html = telegram_html(raw)
        except MarkupError as error:
            problems.append(Problem(version, "markup", detail=str(error.args[0])))
            continue
        length = plain_length(html)
        if length > screens.TEXT_CHARS:
            problems.append(Problem(version, "too-long", length))
        elif length:
            texts[version] = html
        elif version == "all":
            problems.append(Problem(version, "empty"))
    if "all" not in typed.texts and not problems:
        if not texts:
            problems.append(Problem(typed.default_language, "empty"))
        elif typed.default_language not in texts:
            problems.append(Problem("default", "no-default-text"))
    return problems or texts


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

    async def plan(self, broadcast_id: int) -> Plan | None:
        """A draft as it would go out; None when it is not a draft (sent, cancelled, unknown)."""
        broadcast = await self._draft_of(broadcast_id)
        if broadcast is None:
            return None
        recipients = await self._storage.broadcasts.recipients(broadcast.audience)
        counts: dict[tuple[str, str], int] = {}
        languages: dict[str, int] = {}
        for user_id, lang in recipients:
            key = (lang, channel_of(user_id))
            counts[key] = counts.get(key, 0) + 1
            languages[lang] = languages.get(lang, 0) + 1
        missing = tuple(lang for lang in languages if broadcast.text_for(lang) is None)
        shown: dict[str, list[str]] = {}  # text → the languages that get it
        for lang in LANGUAGES:
            text = broadcast.text_for(lang)
            if text is not None and (languages.get(lang) or lang in broadcast.texts):
                shown.setdefault(text, []).append(lang)
        long_captions = tuple(
            langs[0]
            for text, langs in shown.items()
            if broadcast.photo and plain_length(text) > screens.CAPTION_CHARS
        )
        versions = tuple((tuple(langs), text) for text, langs in shown.items())
        return Plan(broadcast, counts, versions, missing, long_captions)

    async def preview(self, view: View, broadcast_id: int) -> Step | None:
        """Each version exactly as its recipients will see it, then who gets what."""
        plan = await self.plan(broadcast_id)
        if plan is None:
            return None
        broadcast = plan.broadcast
        previews = tuple(Screen(text, photo=broadcast.photo) for _langs, text in plan.versions)
        audience = self.describe(view, broadcast.audience)
        summary = screens.summary(
            view, broadcast, audience, plan.by_language, plan.missing, plan.long_captions
        )
        return Step(summary, previews)

    async def compose(self, user_id: int, typed: Typed) -> int | list[Problem]:
        """A draft typed in one go (the console): its id, or every problem with it. Nothing is
        stored when there is a problem."""
        schedule = self._programme.schedule
        audience = parse_audience(schedule, typed.audience_kind, typed.audience_value)
        texts = typed_texts(typed)
        problems = [audience] if isinstance(audience, Problem) else []
        if isinstance(texts, list):
            problems += texts
        if isinstance(audience, Problem) or isinstance(texts, list):
            return problems
        store = self._storage.broadcasts
        default = typed.default_language if typed.default_language in LANGUAGES else "en"
        broadcast_id = await store.create(user_id, audience, default, self._clock.now())
        for version, html in texts.items():
            await store.set_text(broadcast_id, version, html)
        return broadcast_id

    async def send(self, broadcast_id: int) -> Broadcast | None:
        """Queue a draft for its audience; None when it is not a draft (nothing is queued)."""
        broadcast = await self._draft_of(broadcast_id)
        if broadcast is None:
            return None
        recipients = await self._storage.broadcasts.recipients(broadcast.audience)
        await self._storage.broadcasts.set_status(broadcast_id, "sending", self._clock.now())
        await self._delivery.enqueue(broadcast.batch, KIND, outgoing(broadcast, recipients))
        return broadcast

    async def stop(self, broadcast_id: int) -> Broadcast | None:
        """Drop a draft, or stop what is not sent yet of a sending broadcast."""
        broadcast = await self._storage.broadcasts.get(broadcast_id)
        if broadcast is None:
            return None
        if broadcast.status == "sending":
            await self._delivery.cancel(broadcast.batch)
        if broadcast.status in ("draft", "sending"):
            await self._storage.broadcasts.set_status(broadcast_id, "cancelled")
        return broadcast

    async def report(self, broadcast_id: int) -> Report | None:
        """Where it stands; a broadcast with nothing left to send is marked done here."""
        broadcast = await self._storage.broadcasts.get(broadcast_id)
        if broadcast is None:
            return None
        progress = await self._delivery.progress(broadcast.batch)
        if broadcast.status == "sending" and progress.done:
            await self._storage.broadcasts.set_status(broadcast.id, "done")
        return Report(broadcast, progress)

    async def reports(self, limit: int = 10, offset: int = 0) -> list[Report]:
        """The latest broadcasts (drafts left out), newest first, with their counts."""
        return [
            Report(b, await self._delivery.progress(b.batch))
            for b in await self._storage.broadcasts.recent(limit, offset)
        ]

    async def confirm(self, view: View, broadcast_id: int) -> Step | None:
        if await self.send(broadcast_id) is None:
            return None
        return Step(await self.progress_screen(view, broadcast_id), tracks=broadcast_id)

    async def cancel(self, view: View, broadcast_id: int) -> Screen | None:
        broadcast = await self.stop(broadcast_id)
        if broadcast is None:
            return None
        await self._storage.broadcasts.set_composing(broadcast.organizer_id, None)
        if broadcast.status == "draft":
            return screens.cancelled_draft(view)
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
        active = await self._storage.broadcasts.with_status("sending")
        for broadcast in active:
            await self.report(broadcast.id)
        return active

    async def history(self, view: View) -> Screen:
        items: list[tuple[Broadcast, Mapping[str, int]]] = [
            (r.broadcast, r.progress.counts) for r in await self.reports()
        ]
        return screens.history(view, items)

    def describe(self, view: View, audience: str) -> str:
        _ = view._
        kind, _sep, value = audience.partition(":")
        if kind == "lang":
            return _("everyone who reads %(language)s") % {"language": LANGUAGE_NAMES[value]}
        if kind == "channel":
            return _("everyone on %(channel)s") % {"channel": CHANNEL_NAMES.get(value, value)}
        if kind == "theme":
            track = next((t for t in self._programme.schedule.tracks if t.slug == value), None)
            name = track.name_in(view.t.lang) if track else value
            return _("the followers of the theme %(theme)s") % {"theme": name}
        if kind == "session":
            guid = value.partition("|")[0]
            session = self._programme.schedule.session_by_guid(guid)
            title = session.title_in(view.t.lang) if session else guid
            return _("the followers of “%(title)s”") % {"title": title}
        return _("every attendee")

    async def _draft_of(self, broadcast_id: int) -> Broadcast | None:
        broadcast = await self._storage.broadcasts.get(broadcast_id)
        return broadcast if broadcast is not None and broadcast.status == "draft" else None
