"""What goes into the outbox: a message already rendered in the recipient's language.

A payload is plain JSON so it survives restarts: {"text": ..., "buttons": [[[label, action]]]}
or {"poll": {"question": ..., "options": [...], "multiple": bool}}.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.ui.model import Screen

Payload = dict[str, Any]


def screen_payload(screen: Screen) -> Payload:
    payload: Payload = {"text": screen.text}
    if screen.rows:
        payload["buttons"] = [[[b.label, b.action] for b in row] for row in screen.rows]
    return payload


def poll_payload(question: str, options: list[str], *, multiple: bool = False) -> Payload:
    return {"poll": {"question": question, "options": options, "multiple": multiple}}


@dataclass(frozen=True)
class Outgoing:
    """One message for one chat; `dedupe_key` makes queuing it twice a no-op."""

    chat_id: int
    payload: Payload
    dedupe_key: str
    not_before: datetime | None = None
    expires_at: datetime | None = None  # never delivered after this (a reminder's session start)


@dataclass(frozen=True)
class Receipt:
    """What the channel gave back for a delivered message."""

    message_id: int | None = None
    poll_id: str | None = None
