"""Offline demo: the real bot, the Telegram stand-in on loopback, and you as an attendee.

Buttons are shown numbered; typing a number taps one, anything else is sent as a message.
"""

from __future__ import annotations

import os
import sys

from bot.config import Settings
from bot.ui.view import plain
from cli.demo_bot import offline_bot, typed_lines
from standin.telegram import ChatMessage, StandIn

DEMO_USER_ID = 1001


def render(message: ChatMessage, *, color: bool) -> str:
    """The bot's message as terminal text: bold kept when the terminal can show it."""
    text = message.text or ""
    if color:
        text = text.replace("<b>", "\033[1m").replace("</b>", "\033[0m")
        text = text.replace("<i>", "\033[3m").replace("</i>", "\033[0m")
    text = plain(text)
    lines = [text]
    number = 0
    for row in message.buttons:
        labels = []
        for label, _data in row:
            number += 1
            labels.append(f"[{number}] {label}")
        lines.append("   ".join(labels))
    return "\n".join(lines)


def button_at(message: ChatMessage, number: int) -> str | None:
    labels = [label for row in message.buttons for label, _data in row]
    return labels[number - 1] if 1 <= number <= len(labels) else None


def terminal_language() -> str:
    """The demo attendee speaks the terminal's language (LANG=fr_FR.UTF-8 → fr)."""
    return (os.environ.get("LC_ALL") or os.environ.get("LANG") or "en").split("_")[0].split(".")[0]


async def run_demo(settings: Settings, language: str | None = None) -> None:
    color = sys.stdout.isatty()
    async with offline_bot(settings) as standin:
        await _chat(standin, language or terminal_language(), color)


async def _chat(standin: StandIn, language: str, color: bool) -> None:
    user = standin.user(DEMO_USER_ID, first_name="Demo", language_code=language)
    print(
        "VIDW 2025 bot — offline demo. Type a number to tap a button, words to search, "
        "/quit to leave.\n"
    )
    last = await user.ask("/start")
    print(render(last, color=color))
    async for line in typed_lines():
        label = button_at(last, int(line)) if line.isdigit() and len(line) < 4 else None
        if line.isdigit() and len(line) < 4 and label is None:
            print(f"  (there is no button {line} on the last message)")
            continue
        answers_before = len(user.callback_answers)
        last = await (user.press(last, label) if label else user.ask(line))
        for notice in user.callback_answers[answers_before:]:
            if notice:
                print(f"  ({notice})")
        print()
        print(render(last, color=color))
