"""Hypothesis strategies for what Telegram (or someone forging its updates) may send the bot.

Every update is built from PTB objects' to_dict(), as the stand-in's own are, so each one is a
shape PTB accepts (a shape it refused would be a PTB matter, not the bot's). Each comes with
what the bot owes in answer, so a property can check it got exactly that.
"""

from __future__ import annotations

import datetime as dtm
import enum
import itertools
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from telegram import (
    CallbackQuery,
    Chat,
    ChatMemberBanned,
    ChatMemberMember,
    ChatMemberUpdated,
    ChosenInlineResult,
    Contact,
    Dice,
    Document,
    InlineQuery,
    Location,
    Message,
    MessageEntity,
    PhotoSize,
    Sticker,
    Update,
    User,
    Voice,
)
from telegram.constants import ChatType

from standin.telegram import payloads

JSONDict = dict[str, Any]

BOT_USERNAME = "standin_bot"  # the stand-in's default
FUZZ_USER_ID = 700
FUZZ_USER = payloads.person(FUZZ_USER_ID, "Ana", "en", None)
FUZZ_CHAT = payloads.private_chat(FUZZ_USER)
_ids = itertools.count(10_000_000)  # message and query ids, unique across examples

# Commands the bot answers with a screen of their own (a refusal is a screen too).
KNOWN_COMMANDS = (
    "start",
    "schedule",
    "now",
    "days",
    "search",
    "agenda",
    "reminders",
    "feedback",
    "language",
    "help",
    "survey",
    "broadcast",
    "broadcasts",
    "stats",
    "export",
)

# Characters that have broken bots: invisible ones, direction marks, combining marks, controls,
# lone surrogates (JSON can carry them), emoji sequences, HTML, letters that fold oddly.
ODD_CHARACTERS = (
    *("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"),
    *("\u200e", "\u200f", "\u202b", "\u202e", "\u2067", "\u2069"),
    *("\u0301", "\u0323", "\u0361", "\u20dd", "\u0e49"),
    *("\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\t", "\n", "\r"),
    *("\ud800", "\udbff", "\udc00", "\udfff"),
    *("👩\u200d💻", "👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "👍🏽", "🇻🇳", "🫠", "\U000e0067"),
    *("<", ">", "&", "&lt;", "<b>", "</i>", '"', "'", "\\", "%s", "%(name)s", "{}"),
    *("ệ", "Đ", "ß", "İ", "ﬁ", "①", "٣", "Ⅻ", "ǅ", "ﷺ", "中文", "العربية", "עברית"),
)
SEARCH_WORDS = ("AI", "5G", "chuyển đổi số", "roundtable", "Hà Nội", "x", "intelligence")
LONG_SIZES = (101, 4095, 4096, 4097, 5000)  # around the search limit and Telegram's

_piece = st.one_of(
    st.text(max_size=8), st.sampled_from(ODD_CHARACTERS), st.sampled_from(SEARCH_WORDS)
)
short_texts = st.lists(_piece, min_size=1, max_size=10).map("".join).filter(bool)
long_texts = st.builds(
    lambda piece, size: (piece * size)[:size],
    _piece.filter(bool),
    st.sampled_from(LONG_SIZES),
)
texts = st.one_of(short_texts, short_texts, long_texts)


class Due(enum.Enum):
    """What the bot owes an update."""

    SEARCH = "search results, 'nothing found', 'too long' or the search prompt"
    SCREEN = "some screen, not an apology and not 'unknown command'"
    UNKNOWN_COMMAND = "'I don't know the command' with the list"
    TEXT_ONLY = "'I can only read text'"
    EXPIRED = "the main menu and the 'button is no longer valid' notice"
    TAP = "an answer to the tap; a screen or nothing"
    TAP_ONLY = "an answer to the tap and nothing in the chat"
    NOTHING = "nothing at all"


@dataclass(frozen=True)
class Case:
    update: JSONDict  # without update_id
    due: Due
    query_id: str | None = None  # a tap's id, to find its answer
    answerable: bool = True  # False: the tap is too old for Telegram to take an answer

    def __repr__(self) -> str:  # what Hypothesis prints for a failing example
        return f"Case({self.due.name}, answerable={self.answerable}, {self.update!r})"


def utf16_len(text: str) -> int:
    """Telegram counts entity offsets in UTF-16 units; a lone surrogate is one of them."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _now() -> dtm.datetime:
    return dtm.datetime.now(dtm.UTC)


def _message(chat: Chat = FUZZ_CHAT, user: User | None = FUZZ_USER, **content: Any) -> Message:
    return Message(next(_ids), _now(), chat, from_user=user, **content)


def _update(**content: Any) -> JSONDict:
    update = Update(0, **content).to_dict()
    del update["update_id"]
    return update


def message_update(**content: Any) -> JSONDict:
    """A message from the fuzz user in their chat (unless `chat` or `user` say otherwise)."""
    return _update(message=_message(**content))


# -- messages and commands ------------------------------------------------------------------


@st.composite
def entities(draw: st.DrawFn, text: str) -> list[MessageEntity]:
    """Up to two formatting entities anywhere in `text`, even across a surrogate pair."""
    size = utf16_len(text)
    if size == 0:
        return []
    kinds = st.sampled_from(["bold", "italic", "underline", "code", "spoiler", "url", "hashtag"])
    found = []
    for _ in range(draw(st.integers(0, 2))):
        offset = draw(st.integers(0, size - 1))
        length = draw(st.integers(1, size - offset))
        found.append(MessageEntity(draw(kinds), offset, length))
    return found


@st.composite
def text_messages(draw: st.DrawFn) -> Case:
    """Plain words (never a command: no bot_command entity), maybe formatted: a search."""
    text = draw(texts)
    message = _message(text=text, entities=draw(entities(text)))
    return Case(_update(message=message), Due.SEARCH)


_command_names = st.one_of(
    st.sampled_from(KNOWN_COMMANDS),
    st.from_regex(r"[A-Za-z0-9_]{1,32}", fullmatch=True),
)
_addressees = st.sampled_from(["", "@" + BOT_USERNAME, "@" + BOT_USERNAME.upper(), "@other_bot"])


@st.composite
def commands(draw: st.DrawFn) -> Case:
    """'/name[@bot] [args]' with the bot_command entity Telegram adds."""
    name = draw(_command_names)
    addressee = draw(_addressees)
    arguments = draw(st.one_of(st.just(""), short_texts.map(lambda t: " " + t)))
    command = f"/{name}{addressee}"
    entity = MessageEntity(MessageEntity.BOT_COMMAND, 0, utf16_len(command))
    message = _message(text=command + arguments, entities=[entity])
    ours = addressee.lower() in ("", "@" + BOT_USERNAME)
    due = Due.SCREEN if ours and name.lower() in KNOWN_COMMANDS else Due.UNKNOWN_COMMAND
    return Case(_update(message=message), due)


def _media() -> st.SearchStrategy[JSONDict]:
    file_id, unique = "AgAD" + "x" * 20, "AQAD"
    return st.sampled_from(
        [
            {"sticker": Sticker(file_id, unique, 512, 512, False, False, "regular", emoji="🫠")},
            {"location": Location(105.85, 21.03)},
            {"contact": Contact("+84 24 0000 0000", "Linh")},
            {"dice": Dice(6, "🎲")},
            {"voice": Voice(file_id, unique, 3)},
            {"document": Document(file_id, unique, file_name="agenda.pdf")},
            {"photo": [PhotoSize(file_id, unique, 1280, 720)]},
        ]
    )


@st.composite
def media_messages(draw: st.DrawFn) -> Case:
    """Stickers, places, contacts, dice, voice, files and photos, maybe with an odd caption."""
    content = dict(draw(_media()))
    if draw(st.booleans()) and not {"sticker", "location", "contact", "dice"} & content.keys():
        content["caption"] = draw(short_texts)
    return Case(_update(message=_message(**content)), Due.TEXT_ONLY)


# -- shapes the bot must leave alone ----------------------------------------------------------


_GROUP = Chat(-1001234567890, ChatType.SUPERGROUP, title="VIDW volunteers")
_CHANNEL = Chat(-1009876543210, ChatType.CHANNEL, title="VIDW news")


@st.composite
def ignored_updates(draw: st.DrawFn) -> Case:
    """Updates that owe nothing: edits, channels, groups, senderless messages, inline mode,
    membership changes, votes in polls the bot never sent."""
    text = draw(texts)
    now = _now()
    choices: list[JSONDict] = [
        _update(edited_message=_message(text=text, edit_date=now)),
        _update(channel_post=_message(chat=_CHANNEL, user=None, text=text)),
        _update(edited_channel_post=_message(chat=_CHANNEL, user=None, text=text, edit_date=now)),
        _update(message=_message(chat=_GROUP, text=text)),
        _update(
            message=_message(
                chat=_GROUP,
                text="/start@" + BOT_USERNAME,
                entities=[MessageEntity(MessageEntity.BOT_COMMAND, 0, 7 + len(BOT_USERNAME))],
            )
        ),
        _update(message=_message(user=None, text=text)),  # a private message without sender
        _update(inline_query=InlineQuery(str(next(_ids)), FUZZ_USER, text[:256], "")),
        _update(chosen_inline_result=ChosenInlineResult("r1", FUZZ_USER, text[:256])),
        _update(
            my_chat_member=ChatMemberUpdated(
                FUZZ_CHAT,
                FUZZ_USER,
                now,
                ChatMemberMember(FUZZ_USER),
                ChatMemberBanned(FUZZ_USER, now),
            )
        ),
        _poll_answer(draw(st.lists(st.integers(0, 11), max_size=3, unique=True))),
    ]
    return Case(draw(st.sampled_from(choices)), Due.NOTHING)


def _poll_answer(option_ids: list[int]) -> JSONDict:
    answer = payloads.poll_answer_update(
        0, "9999", FUZZ_USER, option_ids, [f"9999:{i}" for i in option_ids]
    )
    del answer["update_id"]
    return answer


# -- button taps ---------------------------------------------------------------------------


def unknown_message() -> JSONDict:
    """A bot message in the fuzz chat that the stand-in never saw (editing it fails)."""
    bot = User(123456789, "Stand-in Bot", is_bot=True, username=BOT_USERNAME)
    return Message(999_999, _now(), FUZZ_CHAT, from_user=bot, text="…").to_dict()


def inaccessible_message() -> JSONDict:
    """What a tap carries for a message older than 48 hours: chat, id and a date of 0."""
    return {"chat": FUZZ_CHAT.to_dict(), "message_id": 3, "date": 0}


def tap(
    data: str | None,
    message: JSONDict | None,
    due: Due,
    *,
    answerable: bool = True,
    inline_message_id: str | None = None,
    game: str | None = None,
) -> Case:
    query_id = f"fuzz-{next(_ids)}"
    query = CallbackQuery(
        query_id,
        FUZZ_USER,
        chat_instance="ci700",
        data=data,
        inline_message_id=inline_message_id,
        game_short_name=game,
    ).to_dict()
    if message is not None:
        query["message"] = message
    return Case({"callback_query": query}, due, query_id, answerable)


NOT_A_VERB = "~"  # no action starts with it


@st.composite
def forged_data(draw: st.DrawFn, real: str) -> str:
    """Callback data no button of the bot ever carries, derived from a real button's."""
    junk = draw(short_texts)
    forms = [
        f"{real}:{NOT_A_VERB}{junk}",  # a real action with a tail no grammar allows
        NOT_A_VERB + junk,
        (real + "#" * 65)[:65],  # over Telegram's 64 bytes
        real.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        if any(c.isdigit() for c in real)
        else NOT_A_VERB + real,
    ]
    return draw(st.sampled_from(forms))


@st.composite
def mutated_data(draw: st.DrawFn, real: str) -> str:
    """A real button's data, cut short or changed: valid or not, the tap gets an answer."""
    cut = draw(st.integers(0, len(real)))
    position = draw(st.integers(0, max(0, len(real) - 1)))
    odd = draw(st.sampled_from(ODD_CHARACTERS))
    forms = [
        real[:cut],
        real[:position] + odd + real[position + 1 :],
        real + ":" + draw(st.from_regex(r"[0-9]{1,7}", fullmatch=True)),
        real.upper(),
        real + real,
        real.replace("0", "99999"),
    ]
    return draw(st.sampled_from(forms))
