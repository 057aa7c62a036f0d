"""The Telegram side's state: users and their chats, files, commands, webhook, limits."""

from __future__ import annotations

import itertools
import json
import mimetypes
import time
from dataclasses import dataclass
from typing import Any

from telegram import User

from standin.telegram.errors import (
    BLOCKED,
    CHAT_NOT_FOUND,
    ApiError,
    bad_request,
    too_many_requests,
)
from standin.telegram.limits import Limits, RateLimiter
from standin.telegram.params import UploadedFile
from standin.telegram.payloads import bot_message, message_base, message_template
from standin.telegram.recording import Stats
from standin.telegram.updates import UpdateQueue
from standin.telegram.users import ChatMessage, SimUser
from standin.telegram.webhook import WebhookPusher

JSONDict = dict[str, Any]
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


_WEB = ("https://", "http://")


@dataclass(frozen=True, slots=True)
class StoredFile:
    file_id: str
    unique_id: str
    filename: str
    content: bytes
    mime_type: str
    path: str  # under base_file_url


def numeric_id(value: Any) -> int | None:
    """A numeric id (chat or message), as an int or in digits (JSON bodies may quote it)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


class World:
    """State shared by the Bot API methods, and the checks most of them make."""

    def __init__(self, bot: User, limits: Limits, stats: Stats) -> None:
        self.bot = bot
        self.stats = stats
        self.limiter = RateLimiter(limits)
        self.updates = UpdateQueue()
        self.users: dict[int, SimUser] = {}
        self.queries: dict[str, SimUser] = {}  # open callback query id -> its user
        self.inline_queries: dict[str, SimUser] = {}  # open inline query id -> its user
        self.commands: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (scope, language)
        self.webhook = WebhookPusher(self.updates)
        self.files: dict[str, StoredFile] = {}
        self.paths: dict[str, StoredFile] = {}
        self._message_base = message_base(bot)
        self._templates: dict[int, JSONDict] = {}
        self._ids = itertools.count(1)

    def chat(self, params: JSONDict) -> SimUser:
        """The chat a call targets: 400 if no simulated user opened it, 403 if blocked."""
        chat_id = numeric_id(params.get("chat_id"))
        user = None if chat_id is None else self.users.get(chat_id)
        if user is None:
            raise ApiError(400, CHAT_NOT_FOUND)
        if user.blocked:
            raise ApiError(403, BLOCKED)
        return user

    def chat_of(self, method: str, params: JSONDict) -> int | None:
        """The chat a call concerns, for recording and fault matching."""
        if method == "answercallbackquery":
            user = self.queries.get(str(params.get("callback_query_id")))
            return user.id if user else None
        if method == "answerinlinequery":
            user = self.inline_queries.get(str(params.get("inline_query_id")))
            return user.id if user else None
        return numeric_id(params.get("chat_id"))

    def admit(self, chat_id: int, content: str | None = None) -> None:
        """Spend flood-limit tokens for a message-producing call, or answer 429.

        `content` is a new message's text (or poll question, or caption) for duplicate
        counting; edits pass none.
        """
        now = time.monotonic()
        retry_after = self.limiter.admit(chat_id, now)
        if retry_after:
            raise too_many_requests(retry_after)
        self.stats.sent(chat_id, now, content)

    def message(self, user: SimUser, params: JSONDict, missing: str) -> ChatMessage:
        message_id = numeric_id(params.get("message_id"))
        message = None if message_id is None else user.message(message_id)
        if message is None:
            raise bad_request(missing)
        return message

    def compose(self, user: SimUser, content: JSONDict, params: JSONDict) -> ChatMessage:
        """A new bot message in `user`'s chat, not yet delivered."""
        template = self._templates.get(user.id)
        if template is None:
            template = message_template(self._message_base, user.chat)
            self._templates[user.id] = template
        message_id = user.next_message_id()
        raw = bot_message(template, message_id, content)
        return ChatMessage(message_id, raw, reply_markup=params.get("reply_markup"))

    def new_id(self) -> int:
        return next(self._ids)

    def file(self, params: JSONDict, field: str) -> StoredFile:
        """The file a send names: an upload (direct or attach://) or a known file_id."""
        value = params.get(field)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, UploadedFile):
            return self._new_file(value, f"{field}s")
        if isinstance(value, str) and value in self.files:
            return self.files[value]
        if field == "photo" and isinstance(value, str) and value.startswith(_WEB):
            # Telegram fetches it; the stand-in keeps the address as the file's content.
            return self._new_file(UploadedFile("photo.jpg", value.encode(), "image/jpeg"), "photos")
        if value is None:
            raise bad_request(f"there is no {field} in the request")
        raise bad_request("wrong file identifier/HTTP URL specified")

    def upload(self, upload: UploadedFile, folder: str) -> StoredFile:
        """A file a simulated user sent: stored and known by its id at once."""
        stored = self._new_file(upload, folder)
        self.keep(stored)
        return stored

    def keep(self, stored: StoredFile) -> None:
        """Register a file once the send that carried it succeeded."""
        self.files[stored.file_id] = stored
        self.paths[stored.path] = stored

    def _new_file(self, upload: UploadedFile, folder: str) -> StoredFile:
        """A file under a folder named like Telegram's ("documents/file_3.txt")."""
        if not upload.content:
            raise bad_request("file must be non-empty")
        number = self.new_id()
        suffix = mimetypes.guess_extension(upload.content_type) or ""
        return StoredFile(
            file_id=f"file{number}",
            unique_id=f"unique{number}",
            filename=upload.filename,
            content=upload.content,
            mime_type=upload.content_type,
            path=f"{folder}/file_{number}{suffix}",
        )


def scope_key(scope: Any) -> str:
    """setMyCommands' scope as a dict key; no scope means the default one."""
    return json.dumps(scope or {"type": "default"}, sort_keys=True)
