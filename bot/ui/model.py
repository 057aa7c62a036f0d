"""A screen is text plus rows of buttons; each button is a label and an action string.

The text may use <b> and <i> only (everything else is escaped): Telegram renders it as HTML,
a channel without formatting strips the two tags. A poll request is the other thing a feature
can show: a question whose answers are recorded by option key.
"""

from __future__ import annotations

from dataclasses import dataclass

# Telegram limits callback data to 64 bytes; every action the bot emits must fit.
MAX_ACTION_BYTES = 64
# Telegram's limit on a poll question (an option has at most 100 characters).
QUESTION_CHARS = 300


@dataclass(frozen=True)
class Button:
    label: str
    action: str

    def __post_init__(self) -> None:
        if not 1 <= len(self.action.encode("utf-8")) <= MAX_ACTION_BYTES:
            raise ValueError(f"action {self.action!r} does not fit Telegram's 64-byte limit")


Row = tuple[Button, ...]


@dataclass(frozen=True)
class Screen:
    text: str
    rows: tuple[Row, ...] = ()
    photo: str | None = None  # a photo the channel already knows; the text is its caption

    def buttons(self) -> list[Button]:
        return [button for row in self.rows for button in row]


@dataclass(frozen=True)
class PollRequest:
    """A native poll to send: texts in the user's language, option keys for the answers."""

    subject: str
    question_key: str
    language: str
    question: str
    options: tuple[str, ...]
    keys: tuple[str, ...]
    multiple: bool = False


@dataclass(frozen=True)
class Attachment:
    """A file to send with (or instead of) a screen; channels without files show the caption."""

    filename: str
    content: bytes
    caption: str
