"""What goes into the outbox: one message, already rendered in the recipient's language.

A payload is one of these kinds, each a small frozen value:

  Text      text (Telegram HTML: <b>, <i>, links) and rows of buttons
  Photo     a photo the channel already knows (a Telegram file id), a caption, buttons
  Poll      a native poll: the PollRequest, i.e. the question, the options, one or several
            answers, and what the answers are about (subject, question key, language, option
            keys) so they can be recorded once the channel gives the poll its id
  StopPoll  close a poll sent earlier (its message id, and the poll id it was recorded under)
  Document  a file the channel already knows, with a caption
  Venue     a place on a map: coordinates, title, address

The outbox keeps payloads as JSON in SQLite, so they survive restarts and deploys. Each kind
is stored as the object the previous, untyped version stored for it (Document and Venue are
new), plus a "type" tag:

  {"type": "text", "text": ..., "buttons": [[[label, action], ...], ...]}   (buttons if any)
  {"type": "photo", "photo": file_id, "caption": ..., "buttons": ...}       (buttons if any)
  {"type": "poll", "poll": {"question", "options", "multiple"},
                   "meta": {"subject", "question", "language", "keys"}}
  {"type": "stop_poll", "stop_poll": {"message_id"}, "meta": {"poll_id"}}
  {"type": "document", "document": file_id, "caption": ...}
  {"type": "venue", "venue": {"latitude", "longitude", "title", "address"}}

so a row queued by the previous version (no tag) still reads after an upgrade, and a row of
the first four kinds queued by this one still reads after a rollback. `decode` raises
PayloadError, naming what is wrong, for anything else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Self

from bot.i18n import DEFAULT_LANGUAGE
from bot.ui.model import Button, PollRequest, Row, Screen

JsonObject = dict[str, Any]


class PayloadError(ValueError):
    """An outbox row that does not read as any payload kind; the message says why."""


@dataclass(frozen=True)
class Text:
    tag: ClassVar[str] = "text"

    text: str
    rows: tuple[Row, ...] = ()

    def to_json(self) -> JsonObject:
        return {"type": self.tag, "text": self.text, **_buttons_json(self.rows)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        return cls(_str(data, "text"), _rows(data))


@dataclass(frozen=True)
class Photo:
    tag: ClassVar[str] = "photo"

    photo: str  # a file id the channel knows
    caption: str = ""
    rows: tuple[Row, ...] = ()

    def to_json(self) -> JsonObject:
        return {
            "type": self.tag,
            "photo": self.photo,
            "caption": self.caption,
            **_buttons_json(self.rows),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        return cls(_str(data, "photo"), _str(data, "caption", ""), _rows(data))


@dataclass(frozen=True)
class Poll:
    tag: ClassVar[str] = "poll"

    request: PollRequest

    def to_json(self) -> JsonObject:
        request = self.request
        return {
            "type": self.tag,
            "poll": {
                "question": request.question,
                "options": list(request.options),
                "multiple": request.multiple,
            },
            "meta": {
                "subject": request.subject,
                "question": request.question_key,
                "language": request.language,
                "keys": list(request.keys),
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        poll = _object(data, "poll")
        # A poll queued without meta (only tests did) is about nothing: answers go unrecorded.
        meta = _object(data, "meta", {})
        return cls(
            PollRequest(
                subject=_str(meta, "subject", ""),
                question_key=_str(meta, "question", ""),
                language=_str(meta, "language", DEFAULT_LANGUAGE),
                question=_str(poll, "question"),
                options=_strings(poll, "options"),
                keys=_strings(meta, "keys", ()),
                multiple=_bool(poll, "multiple", False),
            )
        )


@dataclass(frozen=True)
class StopPoll:
    tag: ClassVar[str] = "stop_poll"

    message_id: int
    poll_id: str

    def to_json(self) -> JsonObject:
        return {
            "type": self.tag,
            "stop_poll": {"message_id": self.message_id},
            "meta": {"poll_id": self.poll_id},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        return cls(
            _int(_object(data, "stop_poll"), "message_id"), _str(_object(data, "meta"), "poll_id")
        )


@dataclass(frozen=True)
class Document:
    tag: ClassVar[str] = "document"

    document: str  # a file id the channel knows
    caption: str = ""

    def to_json(self) -> JsonObject:
        return {"type": self.tag, "document": self.document, "caption": self.caption}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        return cls(_str(data, "document"), _str(data, "caption", ""))


@dataclass(frozen=True)
class Venue:
    tag: ClassVar[str] = "venue"

    latitude: float
    longitude: float
    title: str
    address: str

    def to_json(self) -> JsonObject:
        return {
            "type": self.tag,
            "venue": {
                "latitude": self.latitude,
                "longitude": self.longitude,
                "title": self.title,
                "address": self.address,
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        venue = _object(data, "venue")
        return cls(
            _float(venue, "latitude"),
            _float(venue, "longitude"),
            _str(venue, "title"),
            _str(venue, "address"),
        )


Payload = Text | Photo | Poll | StopPoll | Document | Venue
KINDS: dict[str, type[Payload]] = {
    Text.tag: Text,
    Photo.tag: Photo,
    Poll.tag: Poll,
    StopPoll.tag: StopPoll,
    Document.tag: Document,
    Venue.tag: Venue,
}
# Rows of the previous version had no tag; each of its kinds had one key no other had.
_UNTAGGED = ("stop_poll", "photo", "poll", "text")


def encode(payload: Payload) -> str:
    return json.dumps(payload.to_json(), ensure_ascii=False)


def decode(text: str) -> Payload:
    """The payload an outbox row holds; PayloadError says what is wrong with one that is not."""
    try:
        return _decode(text)
    except PayloadError as error:
        raise PayloadError(f"unreadable payload: {error}") from None


def _decode(text: str) -> Payload:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise PayloadError(f"not JSON ({error})") from None
    if not isinstance(data, dict):
        raise PayloadError(f"a JSON {type(data).__name__}, not an object")
    tag = data.get("type")
    if tag is None:  # queued by the previous version
        tag = next((key for key in _UNTAGGED if key in data), None)
        if tag is None:
            raise PayloadError(f"no type, and none of {', '.join(_UNTAGGED)}: {sorted(data)}")
    kind = KINDS.get(tag) if isinstance(tag, str) else None
    if kind is None:
        raise PayloadError(f"unknown type {tag!r}")
    try:
        return kind.from_json(data)
    except PayloadError as error:
        raise PayloadError(f"{tag}: {error}") from None


def screen_payload(screen: Screen) -> Text | Photo:
    """A screen as it would be shown: its photo with the text as caption, or the text."""
    if screen.photo is not None:
        return Photo(screen.photo, screen.text, screen.rows)
    return Text(screen.text, screen.rows)


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


# -- reading JSON with errors that name the field ------------------------------------------------

_MISSING: Any = object()


def _field(data: Mapping[str, Any], key: str, default: Any, types: type | tuple[type, ...]) -> Any:
    """data[key] if it has one of `types`; `default` if it is absent (or null, as the previous
    version's readers took it); PayloadError otherwise."""
    value = data.get(key)
    if value is None:
        if default is _MISSING:
            raise PayloadError(f"no {key!r}")
        return default
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        raise PayloadError(f"{key!r} is {type(value).__name__}, not {_names(types)}")
    return value


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _names(types: type | tuple[type, ...]) -> str:
    return " or ".join(t.__name__ for t in _tuple(types))


def _str(data: Mapping[str, Any], key: str, default: str = _MISSING) -> str:
    return str(_field(data, key, default, str))


def _int(data: Mapping[str, Any], key: str) -> int:
    return int(_field(data, key, _MISSING, int))


def _float(data: Mapping[str, Any], key: str) -> float:
    return float(_field(data, key, _MISSING, (int, float)))


def _bool(data: Mapping[str, Any], key: str, default: bool) -> bool:
    return bool(_field(data, key, default, bool))


def _object(
    data: Mapping[str, Any], key: str, default: Mapping[str, Any] = _MISSING
) -> Mapping[str, Any]:
    value: Mapping[str, Any] = _field(data, key, default, dict)
    return value


def _strings(
    data: Mapping[str, Any], key: str, default: Sequence[str] = _MISSING
) -> tuple[str, ...]:
    values: Sequence[Any] = _field(data, key, default, list)
    if not all(isinstance(v, str) for v in values):
        raise PayloadError(f"{key!r} holds something other than text")
    return tuple(values)


def _rows(data: Mapping[str, Any]) -> tuple[Row, ...]:
    raw: list[Any] = _field(data, "buttons", [], list)
    try:
        return tuple(tuple(Button(str(label), str(action)) for label, action in row) for row in raw)
    except (TypeError, ValueError) as error:  # not [[label, action], ...], or a bad action
        raise PayloadError(f"'buttons' are not rows of [label, action] ({error})") from None


def _buttons_json(rows: tuple[Row, ...]) -> JsonObject:
    return {"buttons": [[[b.label, b.action] for b in row] for row in rows]} if rows else {}
