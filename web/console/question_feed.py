"""Who watches which session's questions (moderation pages, presenter screens), told at once.

Every change goes through bot/features/questions/service.py, which calls `poke` with the
session's guid; each watcher's event is set, and its stream sends "changed" (at most four
times a second: a storm of votes is one refresh per quarter second, not one per vote).
"""

from __future__ import annotations

import asyncio
import contextlib

from aiohttp import web
from aiohttp_sse import sse_response

COALESCE = 0.25  # seconds between two "changed" sent to one browser


class QuestionFeed:
    def __init__(self) -> None:
        self._watchers: dict[str, set[asyncio.Event]] = {}

    def poke(self, session_guid: str) -> None:
        for event in self._watchers.get(session_guid, ()):
            event.set()

    def watchers(self, session_guid: str) -> int:
        return len(self._watchers.get(session_guid, ()))

    async def stream(self, request: web.Request, session_guid: str) -> web.StreamResponse:
        event = asyncio.Event()
        self._watchers.setdefault(session_guid, set()).add(event)
        try:
            async with sse_response(request) as events:
                await events.send("ready")
                while events.is_connected():
                    await event.wait()
                    event.clear()
                    await events.send("changed")
                    await asyncio.sleep(COALESCE)
        except ConnectionResetError:
            pass  # the browser went away
        finally:
            watchers = self._watchers.get(session_guid, set())
            watchers.discard(event)
            if not watchers:
                with contextlib.suppress(KeyError):
                    del self._watchers[session_guid]
        return events


QUESTION_FEED = web.AppKey("question_feed", QuestionFeed)
