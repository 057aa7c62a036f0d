"""The programmes applied, newest first: when, which version, how many changes and the batch
of notices they sent. A short list kept in the state table (no migration): what the staff
console's programme page shows."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from bot.storage import Storage

HISTORY = "schedule.history"
KEEP = 20


@dataclass(frozen=True)
class Applied:
    version: str
    fingerprint: str
    at: str  # ISO 8601, UTC
    sessions: int
    changes: int
    batch: str  # the notices' outbox batch ("" when nothing was sent)
    by: int | None = None  # who asked for it (None: the file watcher, or the start)


async def remember(storage: Storage, entry: Applied) -> None:
    entries = [entry, *await history(storage)][:KEEP]
    await storage.state.set(HISTORY, json.dumps([asdict(e) for e in entries]))


async def history(storage: Storage) -> list[Applied]:
    text = await storage.state.get(HISTORY)
    if not text:
        return []
    try:
        return [Applied(**item) for item in json.loads(text)]
    except (ValueError, TypeError):  # written by another version: start a new list
        return []
