"""A screen is text plus rows of buttons; each button is a label and an action string.

The text may use <b> and <i> only (everything else is escaped): Telegram renders it as HTML,
a channel without formatting strips the two tags. A poll request is the other thing a feature
can show: a question whose answers are recorded by option key.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# Telegram limits callback data to 64 bytes; every action the bot emits must fit.
MAX_ACTION_BYTES = 64
# Telegram's limit on a poll question (an option has at most 100 characters).
QUESTION_CHARS = 300


@dataclass(frozen=True)
class Button:
    label: str
    action: str
    # Telegram: the button starts inline mode with this query instead (↗️ Share: the user
    # picks a chat and posts a card); `action` stays for channels without inline mode.
    switch_inline: str | None = None

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


@dataclass(frozen=True)
class MapPin:
    """A place to show on a map: Telegram sends it as a venue, Zalo as a link and coordinates."""

    latitude: float
    longitude: float
    title: str
    address: str

    @property
    def link(self) -> str:
        return map_link(self.latitude, self.longitude)


def map_link(latitude: float, longitude: float) -> str:
    """A link any phone opens in its maps application."""
    return f"https://www.google.com/maps/search/?api=1&query={latitude:.6f},{longitude:.6f}"


def pin_text(pin: MapPin) -> str:
    """The pin as text (escaped HTML, as screens are), for messengers without maps: title,
    address, link, coordinates."""
    lines = (pin.title, pin.address, pin.link, f"{pin.latitude:.6f}, {pin.longitude:.6f}")
    return "📍 " + "\n".join(escape(line, quote=False) for line in lines)
