"""How long a busy database is waited out, decided by who is waiting.

A person waiting for an answer, a command typed in a terminal, the start and the stop of the
bot: nobody would retry for them, so the database waits a busy spell out itself (another
process holding its write lock: a backup, a `sqlite3` shell, a stuck CLI), up to PATIENCE
seconds beyond SQLite's own busy timeout. A supervised background loop fails at once instead:
the supervisor logs it, restarts it after a backoff and shows it failing (/stats, /healthz),
so a long lock is seen rather than hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PATIENCE = 60.0  # seconds: longer than a backup or a forgotten `sqlite3` shell usually takes

_patience: ContextVar[float] = ContextVar("database_patience", default=PATIENCE)


def current() -> float:
    """Seconds a busy database may still be waited out in this context."""
    return _patience.get()


@contextmanager
def waiting_up_to(seconds: float) -> Iterator[None]:
    """Within the block (and tasks it starts), wait a busy database out this long."""
    token = _patience.set(seconds)
    try:
        yield
    finally:
        _patience.reset(token)


def fail_fast() -> None:
    """From here on in this task (and the tasks it starts), a busy database fails at once:
    for supervised loops, which the supervisor retries."""
    _patience.set(0.0)
