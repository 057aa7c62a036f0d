"""Telegram's checks on what a bot sends, with Telegram's own error descriptions."""

from __future__ import annotations

import re
from typing import Any

from standin.telegram.errors import bad_request
from standin.telegram.markup import parse_html

JSONDict = dict[str, Any]
Buttons = list[list[tuple[str, str | None]]]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64  # bytes, UTF-8
QUESTION_LIMIT = 300
OPTION_LIMIT = 100
MAX_OPTIONS = 12
# An inline button needs callback_data or one of these; "style" and the icon are decoration.
_OTHER_ACTIONS = (
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def formatted(params: JSONDict, key: str) -> tuple[str, list[JSONDict]]:
    """The text a user sees for `key` ("text" or "caption") and its entities.

    Length is counted on what the user sees: HTML tags stripped and entities decoded.
    Markdown modes are not parsed (this project sends HTML): such text counts as sent.
    """
    raw = params.get(key)
    source = raw if isinstance(raw, str) else ""
    mode = str(params.get("parse_mode") or "").lower()
    if mode == "html":
        return parse_html(source)
    if mode not in ("", "markdown", "markdownv2"):
        raise bad_request("unsupported parse_mode")
    entities = params.get("entities" if key == "text" else "caption_entities")
    return source, entities if isinstance(entities, list) else []


def message_text(params: JSONDict) -> tuple[str, list[JSONDict]]:
    text, entities = formatted(params, "text")
    if not text.strip():
        raise bad_request("message text is empty")
    if len(text) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return text, entities


def caption(params: JSONDict) -> tuple[str, list[JSONDict]]:
    text, entities = formatted(params, "caption")
    if len(text) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return text, entities


def inline_keyboard(markup: Any) -> tuple[JSONDict | None, Buttons]:
    """The inline keyboard a message keeps (None for none) and its (label, data) rows.

    Reply keyboards are accepted but do not belong to the message, as in Telegram.
    """
    if markup is None:
        return None, []
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return None, []
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('can\'t parse inline keyboard: Field "inline_keyboard" must be an Array')
    return markup, [[_button(button) for button in row] for row in rows]


def _button(button: Any) -> tuple[str, str | None]:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    text = button.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    data = button.get("callback_data")
    if data is not None and not isinstance(data, str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "callback_data" must be of type String'
        )
    # Telegram reads an empty callback_data as absent, hence its "text button" complaint.
    if not data and all(button.get(key) is None for key in _OTHER_ACTIONS):
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if data is not None and len(data.encode()) > CALLBACK_DATA_LIMIT:
        raise bad_request("BUTTON_DATA_INVALID")
    return text, data or None


def poll(params: JSONDict) -> tuple[str, list[str]]:
    """The question and option texts of a sendPoll call."""
    question = params.get("question")
    if not isinstance(question, str) or not question.strip():
        raise bad_request("poll question must be non-empty")
    if len(question) > QUESTION_LIMIT:
        raise bad_request(f"poll question length must not exceed {QUESTION_LIMIT}")
    options = [_option_text(option) for option in _list(params.get("options"), "options")]
    if len(options) < 2:
        raise bad_request("poll must have at least 2 option")
    if len(options) > MAX_OPTIONS:
        raise bad_request(f"poll can't have more than {MAX_OPTIONS} options")
    return question, options


def _option_text(option: Any) -> str:
    """PTB 22.8 sends InputPollOption objects; plain strings are accepted too, as Telegram does."""
    text = option.get("text") if isinstance(option, dict) else option
    if not isinstance(text, str) or not text.strip():
        raise bad_request("poll options must be non-empty")
    if len(text) > OPTION_LIMIT:
        raise bad_request(f"poll options length must not exceed {OPTION_LIMIT}")
    return text


def commands(params: JSONDict) -> list[tuple[str, str]]:
    """The (command, description) pairs of a setMyCommands call."""
    pairs = []
    for entry in _list(params.get("commands"), "commands"):
        command = entry.get("command") if isinstance(entry, dict) else None
        description = entry.get("description") if isinstance(entry, dict) else None
        if not isinstance(command, str) or not _COMMAND.fullmatch(command):
            raise bad_request("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description) <= 256:
            raise bad_request("command description must be non-empty")
        pairs.append((command, description))
    if len(pairs) > 100:
        raise bad_request("too many commands specified")
    return pairs


def chat_action(params: JSONDict) -> None:
    if params.get("action") not in _ACTIONS:
        raise bad_request("wrong parameter action in request")


def secret_token(params: JSONDict) -> str | None:
    """setWebhook's secret_token: 1-256 of A-Z a-z 0-9 _ -, or none."""
    value = params.get("secret_token")
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _SECRET_TOKEN.fullmatch(value):
        raise bad_request("secret token contains unallowed characters")
    return value


def integer(params: JSONDict, name: str, default: int | None = None) -> int:
    """An integer parameter (Telegram also takes digits in a string); required without default."""
    value = params.get(name)
    if value is None and default is not None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, float | str):
        raise bad_request(f'parameter "{name}" is required')
    try:
        return int(float(value))
    except ValueError:
        raise bad_request(f"invalid {name} specified") from None


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise bad_request(f'field "{name}" must be an array')
    return value


def venue(params: JSONDict) -> tuple[float, float, str, str]:
    """The coordinates, title and address of a sendVenue call (Telegram needs all four)."""
    latitude = _coordinate(params, "latitude", 90)
    longitude = _coordinate(params, "longitude", 180)
    texts = []
    for key in ("title", "address"):
        value = params.get(key)
        if not isinstance(value, str) or not value.strip():
            raise bad_request(f"venue {key} must be non-empty")
        texts.append(value)
    return latitude, longitude, texts[0], texts[1]


def _coordinate(params: JSONDict, key: str, limit: float) -> float:
    value = params.get(key)
    if isinstance(value, str):  # form-encoded calls carry numbers as text
        try:
            value = float(value)
        except ValueError:
            value = None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not -limit <= value <= limit
    ):
        raise bad_request(f"wrong {key} specified")
    return float(value)


MAX_INLINE_RESULTS = 50
RESULT_ID_LIMIT = 64  # bytes
NEXT_OFFSET_LIMIT = 64  # bytes
# Result types a bot answers with; the stand-in checks articles' fields in full.
_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)


def inline_results(params: JSONDict) -> list[JSONDict]:
    """The results of an answerInlineQuery call, checked as Telegram checks them."""
    results = _list(params.get("results"), "results")
    if len(results) > MAX_INLINE_RESULTS:
        raise bad_request("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        if not isinstance(result, dict) or result.get("type") not in _RESULT_TYPES:
            raise bad_request("RESULT_TYPE_INVALID")
        ident = result.get("id")
        if not isinstance(ident, str) or not 1 <= len(ident.encode()) <= RESULT_ID_LIMIT:
            raise bad_request("RESULT_ID_INVALID")
        if ident in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(ident)
        inline_keyboard(result.get("reply_markup"))
        if result["type"] == "article":
            _article(result)
    offset = params.get("next_offset")
    if offset is not None and len(str(offset).encode()) > NEXT_OFFSET_LIMIT:
        raise bad_request("NEXT_OFFSET_INVALID")
    return results


def _article(result: JSONDict) -> None:
    title = result.get("title")
    if not isinstance(title, str) or not title.strip():
        raise bad_request("RESULT_TITLE_EMPTY")
    content = result.get("input_message_content")
    if not isinstance(content, dict):
        raise bad_request("RESULT_CONTENT_INVALID")
    # its text and parse mode, checked as a sendMessage's
    message_text({**content, "text": content.get("message_text")})


def location(params: JSONDict) -> tuple[float, float]:
    return _coordinate(params, "latitude", 90), _coordinate(params, "longitude", 180)
