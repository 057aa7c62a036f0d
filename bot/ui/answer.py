"""What the bot answers a person with, and the one order in which a channel shows it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ui.model import Attachment, MapPin, PollRequest, Screen
from bot.ui.view import View


@dataclass(frozen=True)
class Answer:
    """A screen, plus what may come with it. Channels show `parts()`, in that order."""

    screen: Screen | None  # None: leave the message as it is
    notice: str | None = None  # short: Telegram flashes it over the tapped message
    attachments: tuple[Attachment, ...] = ()
    poll: PollRequest | None = None  # a poll to send (the channel records its id)
    previews: tuple[Screen, ...] = ()  # messages to show before the screen (new messages)
    tracks: int | None = None  # the broadcast whose progress the screen shows
    pin: MapPin | None = None  # a place on a map, sent after the screen

    def parts(self, view: View) -> tuple[Part, ...]:
        """The notice first, then the previews as recipients will see them, the screen, the
        files (their captions as notices where the messenger takes no files), the poll."""
        parts: list[Part] = [Notice(self.notice)] if self.notice else []
        parts += [Preview(preview) for preview in self.previews]
        if self.screen is not None:
            parts.append(Shown(self.screen, self.tracks, after_previews=bool(self.previews)))
        for attachment in self.attachments:
            if view.channel.files:
                parts.append(File(attachment))
            else:
                parts.append(Notice(no_files(view, attachment.caption)))
        if self.poll is not None:
            parts.append(Poll(self.poll))
        if self.pin is not None:
            parts.append(Pin(self.pin))
        return tuple(parts)


def answer(reply: Answer | Screen) -> Answer:
    return reply if isinstance(reply, Answer) else Answer(reply)


def no_files(view: View, caption: str) -> str:
    return view._("%(file)s — this messenger cannot receive files; the Telegram bot can.") % {
        "file": caption
    }


@dataclass(frozen=True)
class Notice:
    text: str


@dataclass(frozen=True)
class Preview:
    screen: Screen  # a new message, exactly as its recipients will see it


@dataclass(frozen=True)
class Shown:
    screen: Screen
    tracks: int | None  # the broadcast whose progress this message shows from now on
    after_previews: bool  # below previews: a new message, not the tapped one edited


@dataclass(frozen=True)
class File:
    attachment: Attachment


@dataclass(frozen=True)
class Poll:
    request: PollRequest


@dataclass(frozen=True)
class Pin:
    pin: MapPin


Part = Notice | Preview | Shown | File | Poll | Pin
