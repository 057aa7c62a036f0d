"""`vidw-bot broadcast`: an announcement from a terminal, with a progress bar.

It queues the messages in the outbox; the running bot's sender delivers them, as it does for
broadcasts made in the chat (so the pace, retries and the report are the same).
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from bot.clock import Clock
from bot.config import Settings
from bot.delivery.pacer import HEADROOM
from bot.errors import StartupError
from bot.features.broadcast.screens import TEXT_CHARS
from bot.features.broadcast.service import KIND, audience_from_text, fits, outgoing
from bot.i18n import LANGUAGES
from bot.programme.loader import load_schedule
from bot.storage import Storage
from bot.ui.view import plain

TERMINAL = 0  # the organizer id recorded for broadcasts made from a terminal
DUE_AT_ONCE = datetime(1970, 1, 1, tzinfo=UTC)
IDLE_HINT_SECONDS = 15


class BroadcastError(StartupError):
    """The broadcast cannot be made as asked; the message says why."""


def read_texts(common: Path | None, per_language: dict[str, Path | None]) -> dict[str, str]:
    texts: dict[str, str] = {}
    sources = {"all": common, **per_language}
    for version, path in sources.items():
        if path is None:
            continue
        try:
            text = path.read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise BroadcastError(f"{path}: cannot read the text ({error})") from None
        if not fits(text):
            raise BroadcastError(
                f"{path}: the text has {len(plain(text))} characters; "
                f"Telegram allows 1 to {TEXT_CHARS}"
            )
        texts[version] = text
    if not texts:
        raise BroadcastError("give --text FILE, or --text-vi/--text-en/--text-fr FILE")
    return texts


async def broadcast(
    settings: Settings,
    audience_text: str,
    texts: dict[str, str],
    default_language: str,
    *,
    confirmed: bool,
) -> int:
    schedule = load_schedule(settings.schedule_path)
    try:
        audience = audience_from_text(schedule, audience_text)
    except ValueError as error:
        raise BroadcastError(str(error)) from None
    clock = Clock(settings.rehearsal_start)
    storage = await Storage.open(settings.db_path)
    try:
        store = storage.broadcasts
        recipients = await store.recipients(audience)
        counts = {lang: sum(1 for _, lg in recipients if lg == lang) for lang in LANGUAGES}
        print(f"Audience {audience_text}: {len(recipients)} recipients " + str(counts))
        for version, text in texts.items():
            print(f"--- {version} ---\n{text}")
        missing = [
            lang
            for lang in LANGUAGES
            if counts[lang] and not _has_text(texts, lang, default_language)
        ]
        if missing:
            raise BroadcastError(
                f"no text for {', '.join(missing)} and none in the default language"
            )
        if not confirmed and not _ask_yes(len(recipients)):
            print("Cancelled: nothing was queued.")
            return 1
        broadcast_id = await store.create(TERMINAL, audience, default_language, clock.now())
        for version, text in texts.items():
            await store.set_text(broadcast_id, version, text)
        created = await store.get(broadcast_id)
        assert created is not None
        await store.set_status(broadcast_id, "sending", clock.now())
        # Due at once by the bot's own clock, which may be a rehearsal clock this process
        # cannot know: the earliest instant there is.
        items = [replace(item, not_before=DUE_AT_ONCE) for item in outgoing(created, recipients)]
        await storage.outbox.enqueue(created.batch, KIND, items, clock.now())
        print(f"Announcement #{broadcast_id} queued; the running bot sends it.")
        await _watch(storage, created.batch, settings.send_rate * HEADROOM)
        await store.set_status(broadcast_id, "done")
        return 0
    finally:
        await storage.close()


def _has_text(texts: dict[str, str], lang: str, default_language: str) -> bool:
    return lang in texts or "all" in texts or default_language in texts


def _ask_yes(count: int) -> bool:
    if not sys.stdin.isatty():
        raise BroadcastError("not a terminal: add --yes to send without asking")
    return input(f"Send to {count} recipients? [y/N] ").strip().lower() in ("y", "yes", "o", "có")


async def _watch(storage: Storage, batch: str, rate: float) -> None:
    """A progress bar until nothing of the batch is left; Ctrl-C stops watching, not sending."""
    last_change, last_left = time.monotonic(), -1
    while True:
        counts = await storage.outbox.counts(batch)
        total = sum(counts.values())
        left = counts["pending"] + counts["sending"]
        done = total - left
        bar = "#" * int(30 * done / total) if total else ""
        eta = left / rate
        sys.stdout.write(
            f"\r[{bar:<30}] {done}/{total} · sent {counts['sent']} · failed {counts['failed']}"
            f" · blocked {counts['blocked']} · left {left} · ETA {eta:.0f} s   "
        )
        sys.stdout.flush()
        if left == 0:
            print()
            return
        if left != last_left:
            last_change, last_left = time.monotonic(), left
        elif time.monotonic() - last_change > IDLE_HINT_SECONDS:
            print(
                "\nNothing moves: is the bot running (vidw-bot run)? It delivers queued messages."
            )
            last_change = time.monotonic()
        await asyncio.sleep(1)


def run_broadcast(
    settings: Settings, audience: str, texts: dict[str, str], default: str, yes: bool
) -> int:
    try:
        return asyncio.run(broadcast(settings, audience, texts, default, confirmed=yes))
    except KeyboardInterrupt:
        print("\nStopped watching; the bot goes on sending.")
        return 0
