"""A programme file uploaded through the staff console, with import-schedule's steps: read it
as check-schedule does (an unusable file changes nothing and says what and where), preview
what installing it would change and whom it would notify, and install it only on
confirmation — over VIDW_SCHEDULE, then applied at once through the reload."""

from __future__ import annotations

import asyncio
import re
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.clock import Clock
from bot.config import Settings
from bot.features.changes.cli import as_json, programme_document, replace_file
from bot.features.changes.service import ProgrammeReload, ReloadResult, plan_notices
from bot.i18n import N_, Catalogs
from bot.outgoing import Outgoing
from bot.programme.applied import APPLIED_HASH
from bot.programme.current import CurrentProgramme
from bot.programme.diff import ScheduleDiff
from bot.programme.loader import V1, Loaded, ScheduleError, read_programme, read_text
from bot.programme.model import Schedule
from bot.programme.problems import report
from bot.programme.readers.hub import FORMAT as FORMAT_V2
from bot.storage import Storage

SUFFIXES = (".json", ".xlsx", ".csv")
KEPT = timedelta(minutes=30)  # a preview not confirmed by then is dropped
PENDING = 20  # previews kept at once (an upload per organizer, with room to spare)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class UploadRefused(Exception):
    """Nothing was changed. `reason` is N_() text for the reader; `detail` the loader's own
    words (the file, the line or cell, the field), as check-schedule prints them."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


UNUSABLE = N_("This file cannot be used; nothing was changed.")
WRONG_KIND = N_("Please upload a schedule.json, a spreadsheet (.xlsx) or a CSV of sessions.")
EMPTY = N_("The file is empty; nothing was changed.")
FROM_URL = N_(
    "The programme is read from a URL (VIDW_SCHEDULE): publish the new programme there; "
    "nothing was changed."
)
EXPIRED = N_("This preview has expired or was already used; please upload the file again.")
MOVED_ON = N_(
    "The programme changed since this preview; nothing was installed. Please upload the file "
    "again to see the changes from the programme now in use."
)


@dataclass(frozen=True)
class Preview:
    token: str  # names the upload in the confirm form
    by: int
    at: datetime
    filename: str
    format: str
    schedule: Schedule
    deviations: str  # check-schedule's list, "" when none
    changes: ScheduleDiff
    notices: Sequence[Outgoing]
    text: str  # the schedule.json that Confirm installs
    base: str | None  # the fingerprint of the programme in use when previewed


class ProgrammeUploads:
    def __init__(
        self,
        settings: Settings,
        storage: Storage,
        catalogs: Catalogs,
        clock: Clock,
        programme: CurrentProgramme,
        reload: ProgrammeReload,
    ) -> None:
        self._settings = settings
        self._storage = storage
        self._catalogs = catalogs
        self._clock = clock
        self._programme = programme
        self._reload = reload
        self._pending: dict[str, Preview] = {}

    async def preview(self, filename: str, content: bytes, by: int) -> Preview:
        """Read and compare; install nothing. UploadRefused says why a file cannot be used."""
        if self._settings.schedule_url is not None:
            raise UploadRefused(FROM_URL)
        name = _SAFE_NAME.sub("_", Path(filename).name).strip("._") or "upload"
        if Path(name).suffix.lower() not in SUFFIXES:
            raise UploadRefused(WRONG_KIND)
        if not content:
            raise UploadRefused(EMPTY)
        try:
            loaded, text = await asyncio.to_thread(self._read, name, content)
        except ScheduleError as error:
            raise UploadRefused(UNUSABLE, str(error)) from error
        changes, notices = await plan_notices(
            self._storage, self._catalogs, self._clock, self._programme.schedule, loaded.schedule
        )
        now = self._clock.now()
        preview = Preview(
            token=secrets.token_urlsafe(16),
            by=by,
            at=now,
            filename=name,
            format=loaded.format,
            schedule=loaded.schedule,
            deviations=report(loaded.deviations) if loaded.deviations else "",
            changes=changes,
            notices=notices,
            text=text,
            base=await self._storage.state.get(APPLIED_HASH),
        )
        self._keep(preview, now)
        return preview

    def _read(self, name: str, content: bytes) -> tuple[Loaded, str]:
        """The file read under its own name (the loader's messages name it)."""
        with tempfile.TemporaryDirectory(prefix="vidw-upload-") as folder:
            path = Path(folder) / name
            path.write_bytes(content)
            base = lambda: programme_document(self._settings)  # noqa: E731
            try:
                loaded = read_programme(path, base=base)
            except ScheduleError as error:  # named as the organizer knows it, not the copy
                raise ScheduleError(str(error).replace(str(path), name)) from error
            if loaded.format in (V1, FORMAT_V2):
                return loaded, read_text(path)
            return loaded, as_json(loaded.document)  # a spreadsheet: served as what it read

    def _keep(self, preview: Preview, now: datetime) -> None:
        for token, old in list(self._pending.items()):
            if now - old.at > KEPT or old.by == preview.by:
                del self._pending[token]  # one pending upload per organizer: the newest
        while len(self._pending) >= PENDING:
            del self._pending[next(iter(self._pending))]
        self._pending[preview.token] = preview

    def pending(self, token: str, by: int) -> Preview | None:
        preview = self._pending.get(token)
        if preview is None or preview.by != by or self._clock.now() - preview.at > KEPT:
            return None
        return preview

    async def install(self, token: str, by: int) -> tuple[Preview, ReloadResult]:
        """Install the previewed file and apply it now (notices, reminders, the summary)."""
        preview = self.pending(token, by)
        if preview is None:
            raise UploadRefused(EXPIRED)
        del self._pending[token]
        if await self._storage.state.get(APPLIED_HASH) != preview.base:
            raise UploadRefused(MOVED_ON)
        await asyncio.to_thread(
            replace_file, preview.text.encode("utf-8"), self._settings.schedule_path
        )
        return preview, await self._reload.check(requested_by=by)
