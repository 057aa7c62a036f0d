"""Organizers hear it in the chat when the database runs out of room, and when room is back.

The alert cannot go through the outbox (queuing it is a write, and writes are what fails), so
it goes straight to each organizer through the channels' transport; there are few of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from bot.delivery.errors import DeliveryError
from bot.delivery.sender import Transport
from bot.i18n import DEFAULT_LANGUAGE, Catalogs, Translator
from bot.outgoing import Text
from bot.storage import Storage

log = logging.getLogger(__name__)

CHECK_SECONDS = 5.0  # how often the watch looks (a supervised loop)


def disk_full(t: Translator) -> str:
    _ = t.gettext
    return _(
        "⚠️ The server's disk is full: the bot cannot record anything new (new attendees, "
        "announcements, reminders). Messages already queued are kept and go out once space is "
        "freed. Please free disk space on the server."
    )


def room_again(t: Translator) -> str:
    _ = t.gettext
    return _("✅ The server has disk space again: the bot records and sends as usual.")


class StorageAlerts:
    def __init__(
        self,
        storage: Storage,
        transport: Transport,
        catalogs: Catalogs,
        organizers: Callable[[], Iterable[int]],
    ) -> None:
        self._storage = storage
        self._transport = transport
        self._catalogs = catalogs
        self._organizers = organizers
        self._told_full = False

    async def check(self) -> None:
        """One look: tell organizers of a new "full" spell, or of its end."""
        db = self._storage.db
        if not self._told_full:
            if db.full:
                await self._tell(disk_full)
                self._told_full = True
            return
        if await db.check_room() and not db.full:
            await self._tell(room_again)
            self._told_full = False

    async def _tell(self, text: Callable[[Translator], str]) -> None:
        for organizer in sorted(self._organizers()):
            profile = await self._storage.users.get(organizer)  # a read: works when full
            t = self._catalogs[profile.language if profile else DEFAULT_LANGUAGE]
            try:
                await self._transport.deliver(organizer, Text(text(t)))
            except DeliveryError as exc:
                log.warning("could not alert organizer %d: %s", organizer, exc)
