"""Telegram's HTML parse mode: strip the tags, decode the entities, report errors as Telegram.

Offsets in entities count UTF-16 code units and errors name UTF-8 byte offsets, as Telegram
does; supported tags and entity names follow https://core.telegram.org/bots/api#html-style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from standin.telegram.errors import bad_request

# Tag name -> entity type; span is a spoiler only with class="tg-spoiler".
_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
# Telegram decodes numeric references and only these four names; any other "&" stays literal.
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_REFERENCE = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|(lt|gt|amp|quot));")
_SPECIAL = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"[^\s>]*")
# name="v", name='v', name=v or a bare name such as "expandable".
_ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?""")
# Tag -> (attribute, entity field) Telegram copies into the entity.
_CARRIED = {"a": ("href", "url"), "tg-emoji": ("emoji-id", "custom_emoji_id")}


@dataclass
class _Open:
    tag: str
    attributes: dict[str, str]
    offset: int


@dataclass
class _Parser:
    source: str
    parts: list[str] = field(default_factory=list)
    length: int = 0  # UTF-16 units emitted so far
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += utf16_len(text)

    def fail(self, reason: str) -> Exception:
        return bad_request(f"can't parse entities: {reason}")

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode())

    def reference(self, index: int) -> int:
        """Decode the "&..." at index; return where the text continues."""
        match = _REFERENCE.match(self.source, index)
        if match is None:
            self.emit("&")
            return index + 1
        number, hexa, name = match.groups()
        if name:
            self.emit(_NAMED[name])
            return match.end()
        code = int(number or hexa, 10 if number else 16)
        if not 0 < code <= 0x10FFFF:  # not a character: the "&" stays literal
            self.emit("&")
            return index + 1
        self.emit(chr(code))
        return match.end()

    def tag(self, index: int) -> int:
        """Open or close the tag starting at index; return where the text continues."""
        closing = self.source.startswith("</", index)
        name_match = _TAG_NAME.match(self.source, index + 1 + closing)
        assert name_match is not None  # the pattern matches the empty string too
        end = self.source.find(">", name_match.end())
        if closing:
            self.close(name_match[0].lower(), index, end)
        else:
            self.open(name_match[0].lower(), index, name_match.end(), end)
        return end + 1

    def open(self, name: str, index: int, name_end: int, end: int) -> None:
        # Like Telegram: the name is read up to a space or ">", and judged before the rest.
        if name_end < len(self.source) and name not in _ENTITY_TYPES:
            offset = self.byte_offset(index)
            raise self.fail(f'Unsupported start tag "{name}" at byte offset {offset}')
        if end < 0:
            raise self.fail(f"Unclosed start tag at byte offset {self.byte_offset(index)}")
        attributes = {
            m[1].lower(): m[2] or m[3] or m[4] or ""
            for m in _ATTRIBUTE.finditer(self.source, name_end, end)
        }
        if name == "span" and attributes.get("class") != "tg-spoiler":
            offset = self.byte_offset(index)
            raise self.fail(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
        self.stack.append(_Open(name, attributes, self.length))

    def close(self, name: str, index: int, end: int) -> None:
        if not self.stack:
            raise self.fail(f"Unexpected end tag at byte offset {self.byte_offset(index)}")
        if end < 0 or self.source[index + 2 + len(name) : end].strip():
            raise self.fail(f"Unclosed end tag at byte offset {self.byte_offset(index)}")
        opened = self.stack.pop()
        if name and name != opened.tag:
            raise self.fail(
                f"Unmatched end tag at byte offset {self.byte_offset(index)}, "
                f'expected "</{opened.tag}>", found "</{name}>"'
            )
        if self.length > opened.offset:  # Telegram drops empty entities
            self.entities.append(_entity(opened, self.length - opened.offset))

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        index = 0
        while (match := _SPECIAL.search(self.source, index)) is not None:
            self.emit(self.source[index : match.start()])
            special = match.start()
            index = self.reference(special) if match[0] == "&" else self.tag(special)
        self.emit(self.source[index:])
        if self.stack:
            tag = self.stack[-1].tag
            raise self.fail(f'Can\'t find end tag corresponding to start tag "{tag}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), self.entities


def _entity(opened: _Open, length: int) -> dict[str, Any]:
    """A MessageEntity dict carrying the attribute its type needs (link URL, emoji id)."""
    entity: dict[str, Any] = {
        "type": _ENTITY_TYPES[opened.tag],
        "offset": opened.offset,
        "length": length,
    }
    if opened.tag in _CARRIED:
        attribute, key = _CARRIED[opened.tag]
        entity[key] = opened.attributes.get(attribute, "")
    elif opened.tag == "blockquote" and "expandable" in opened.attributes:
        entity["type"] = "expandable_blockquote"
    elif opened.tag == "tg-time" and opened.attributes.get("unix", "").isdigit():
        entity["unix_time"] = int(opened.attributes["unix"])
    return entity


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """The text a user sees and its entities, or ApiError 400 "can't parse entities: ..."."""
    return _Parser(source).run()
