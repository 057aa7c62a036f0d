"""Where the programme comes from: the schedule file, or a URL (a pretalx or frab export).

A URL source downloads into a local copy (VIDW_SCHEDULE's file, kept beside the database) and
then reads that copy, so a new download takes the same path as a replaced file: the reload
compares it with the programme attendees last saw, and tells those concerned. Downloads ask
with If-None-Match / If-Modified-Since (an unchanged export costs a 304), are limited in size
and time, and a failed one changes nothing: the last good programme stays.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from bot.config import Settings
from bot.programme.applied import APPLIED_TEXT, programme_at_start
from bot.programme.loader import read_text
from bot.programme.model import Schedule
from bot.programme.problems import ScheduleError
from bot.storage.state import read_before_open

log = logging.getLogger(__name__)

CHUNK = 64 * 1024


class SourceUnavailable(ScheduleError):
    """The programme could not be downloaded (network, HTTP status, size, time)."""


class ProgrammeSource(Protocol):
    @property
    def name(self) -> str:
        """What error messages call it: the file, or the URL (without its query)."""
        ...

    async def read(self) -> str:
        """The programme's text now, or ScheduleError (SourceUnavailable: try again later)."""
        ...

    def current(self) -> str:
        """The text at hand, without a download: what the bot started with."""
        ...


class FileSource:
    def __init__(self, path: Path) -> None:
        self._path = path

    @property
    def name(self) -> str:
        return str(self._path)

    async def read(self) -> str:
        return read_text(self._path)

    def current(self) -> str:
        return read_text(self._path)


class UrlSource:
    """A URL downloaded into `copy`; the copy is what is read."""

    def __init__(self, url: str, copy: Path, *, timeout: float, max_bytes: int) -> None:
        self._url = url
        self._copy = copy
        self._timeout = timeout
        self._max_bytes = max_bytes
        # The validators of the copy's download, kept beside it: a restart asks "changed?".
        self._validators = copy.with_name(f".{copy.name}.validators.json")
        self._etag, self._modified = self._saved_validators()
        self.downloads = 0  # full answers (200); a 304 is not one

    @property
    def name(self) -> str:
        return shown(self._url)

    async def read(self) -> str:
        await self.fetch()
        return read_text(self._copy)

    def current(self) -> str:
        return read_text(self._copy)

    async def fetch(self) -> None:
        """Download into the copy when the export changed; SourceUnavailable when it fails."""
        conditional = self._copy.is_file()
        headers = {"Accept": "application/json"}
        if conditional and self._etag:
            headers["If-None-Match"] = self._etag
        if conditional and self._modified:
            headers["If-Modified-Since"] = self._modified
        try:
            timeout = aiohttp.ClientTimeout(total=self._timeout)
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.get(self._url, headers=headers, max_redirects=5) as response,
            ):
                if response.status == 304 and conditional:
                    return
                if response.status != 200:
                    reason = f" {response.reason}" if response.reason else ""
                    raise self._failed(f"HTTP {response.status}{reason}")
                body = await self._body(response)
                etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        except TimeoutError:  # before ClientError: aiohttp's timeouts are both
            raise self._failed(f"no complete answer within {self._timeout:g} s") from None
        except (aiohttp.ClientError, OSError) as exc:
            raise self._failed(_describe(exc)) from None
        _replace(self._copy, body)
        self._etag, self._modified = etag, modified
        _replace(self._validators, json.dumps({"etag": etag, "modified": modified}).encode())
        self.downloads += 1

    def _saved_validators(self) -> tuple[str | None, str | None]:
        try:
            saved = json.loads(self._validators.read_text("utf-8"))
        except (OSError, ValueError):
            return None, None
        if not isinstance(saved, dict):
            return None, None
        etag, modified = saved.get("etag"), saved.get("modified")
        return (
            etag if isinstance(etag, str) else None,
            modified if isinstance(modified, str) else None,
        )

    async def _body(self, response: aiohttp.ClientResponse) -> bytes:
        limit = self._max_bytes
        if response.content_length is not None and response.content_length > limit:
            raise self._failed(f"{response.content_length:,} bytes, more than {limit:,} bytes")
        body = bytearray()
        async for chunk in response.content.iter_chunked(CHUNK):
            body += chunk
            if len(body) > limit:
                raise self._failed(f"more than {limit:,} bytes")
        return bytes(body)

    def _failed(self, why: str) -> SourceUnavailable:
        return SourceUnavailable(f"{self.name}: cannot fetch the programme: {why}")


def source_for(settings: Settings) -> ProgrammeSource:
    if settings.schedule_url is None:
        return FileSource(settings.schedule_path)
    return UrlSource(
        settings.schedule_url,
        settings.schedule_path,
        timeout=settings.schedule_fetch_timeout,
        max_bytes=settings.schedule_max_bytes,
    )


def programme_to_start_with(settings: Settings) -> Schedule:
    """The programme at start. From a URL: downloaded now (before any other network call, in
    a thread: the caller may be inside an event loop); if that fails, the last downloaded copy
    or the programme attendees last saw. With nothing at all, the bot does not start."""

    def last_applied() -> str | None:  # storage is not open yet
        return read_before_open(settings.db_path, APPLIED_TEXT)

    if settings.schedule_url is not None:
        source = source_for(settings)
        assert isinstance(source, UrlSource)
        with ThreadPoolExecutor(1, thread_name_prefix="schedule-fetch") as pool:
            failure = pool.submit(_fetch_once, source).result()
        if failure is not None:
            log.error("%s — starting with the last programme the bot had", failure)
            try:
                return programme_at_start(settings.schedule_path, last_applied)
            except ScheduleError:
                raise failure from None
    return programme_at_start(settings.schedule_path, last_applied)


def _fetch_once(source: UrlSource) -> SourceUnavailable | None:
    try:
        asyncio.run(source.fetch())
    except SourceUnavailable as failure:
        return failure
    return None


def shown(url: str) -> str:
    """The URL without credentials or query (an export's token must not reach a chat)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _replace(path: Path, content: bytes) -> None:
    """In one step: the copy is never half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.downloading")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.replace("\n", " ")[:200]
