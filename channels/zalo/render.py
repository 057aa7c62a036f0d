"""Screens as plain text with numbered choices, for channels without buttons (Zalo).

A button becomes "3. 📋 My agenda"; the user answers with the number and the channel keeps
what each number stands for. A poll becomes a numbered question; a rating reads as a score
("reply 1–5, or 0 if you did not attend").
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.feedback.screens import RATING_KEYS
from bot.i18n import Translator
from bot.ui.model import PollRequest, Screen
from bot.ui.view import plain


@dataclass(frozen=True)
class NumberedScreen:
    text: str
    actions: tuple[str, ...]  # the action of choice n is actions[n - 1]


def numbered(screen: Screen, t: Translator) -> NumberedScreen:
    buttons = [button for row in screen.rows for button in row]
    text = plain(screen.text)
    if buttons:
        choices = "\n".join(f"{n}. {plain(b.label)}" for n, b in enumerate(buttons, start=1))
        _ = t.gettext
        hint = _("Reply with a number, or type words to search.")
        text = f"{text}\n\n{choices}\n\n{hint}"
    return NumberedScreen(text, tuple(b.action for b in buttons))


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
