"""Screens as plain text with numbered choices, for channels without buttons (Zalo).

A button becomes "3. 📋 My agenda"; the user answers with the number and the channel keeps
what each number stands for. A poll becomes a numbered question; a rating reads as a score
("reply 1–5, or 0 if you did not attend").
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.feedback.screens import RATING_KEYS
from bot.i18n import Translator
from bot.ui.actions import Go
from bot.ui.model import Button, PollRequest, Screen
from bot.ui.view import plain

# Paging buttons: "‹ 2/5 ›" on Telegram. A page number is not something to choose, and a bare
# arrow in a numbered list says little.
PREVIOUS, NEXT = "‹", "›"


@dataclass(frozen=True)
class NumberedScreen:
    text: str
    actions: tuple[str, ...]  # the action of choice n is actions[n - 1]


def numbered(screen: Screen, t: Translator) -> NumberedScreen:
    _ = t.gettext
    buttons = [button for row in screen.rows for button in row]
    pages = [b.label for b in buttons if b.action == Go.NOOP]
    choices = [b for b in buttons if b.action != Go.NOOP]
    text = plain(screen.text)
    if pages:
        current, count = pages[0].split("/")
        text += "\n\n" + _("Page %(page)s of %(count)s") % {"page": current, "count": count}
    if choices:
        listed = "\n".join(f"{n}. {_label(b, t)}" for n, b in enumerate(choices, start=1))
        text = f"{text}\n\n{listed}\n\n{_hint(choices, t)}"
    return NumberedScreen(text, tuple(b.action for b in choices))


def _label(button: Button, t: Translator) -> str:
    _ = t.gettext
    if button.label == PREVIOUS:
        return _("‹ Previous page")
    if button.label == NEXT:
        return _("Next page ›")
    return plain(button.label)


def _hint(choices: list[Button], t: Translator) -> str:
    """How to answer: a comment is awaited where the only choice is to skip it."""
    _ = t.gettext
    if [b.action for b in choices] == [Go.SKIP_COMMENT]:
        return _("Type your comment, or reply 1 to skip.")
    return _("Reply with a number, or type words to search.")


@dataclass(frozen=True)
class NumberedPoll:
    text: str
    numbers: dict[str, int]  # what the user may reply → the option's index
    multiple: bool


def numbered_poll(request: PollRequest, t: Translator) -> NumberedPoll:
    _ = t.gettext
    if request.keys == RATING_KEYS:  # 5 … 1 stars, then "did not attend"
        numbers = {key if key.isdigit() else "0": i for i, key in enumerate(request.keys)}
        hint = _("Reply with a number from 1 to 5, or 0 if you did not attend.")
    else:
        numbers = {str(i): i - 1 for i in range(1, len(request.options) + 1)}
        hint = (
            _("Reply with the numbers of your answers, e.g. 1 3.")
            if request.multiple
            else _("Reply with the number of your answer.")
        )
    by_index = {index: number for number, index in numbers.items()}
    lines = [f"{by_index[i]}. {option}" for i, option in enumerate(request.options)]
    text = "\n".join([request.question, "", *lines, "", hint])
    return NumberedPoll(text, numbers, request.multiple)


def split(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at line breaks where possible."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # one line longer than a whole message: cut it
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        pieces.append(current)
    return pieces
