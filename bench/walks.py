"""An attendee's walk through the bot's screens, pressing the buttons it got, timed per step.

Shared by the browse and load benchmarks. Buttons are found by the action they carry (t: a
theme, s: a session, F: following it), so the walk reads the same in every language.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Sequence

from standin.telegram import ChatMessage, SimUser

BROWSE_STEPS = ("/schedule", "theme", "session")


class StepTimes:
    """Seconds from each user action to the bot's answer reaching the stand-in, by step."""

    def __init__(self, steps: Sequence[str]) -> None:
        self.by_step: dict[str, list[float]] = {step: [] for step in steps}

    async def timed(self, step: str, answer: Awaitable[ChatMessage]) -> ChatMessage:
        started = time.perf_counter()
        message = await answer
        self.by_step[step].append(time.perf_counter() - started)
        return message

    def all(self) -> list[float]:
        return [seconds for samples in self.by_step.values() for seconds in samples]

    @property
    def count(self) -> int:
        return sum(len(samples) for samples in self.by_step.values())


def buttons(message: ChatMessage, verb: str) -> list[str]:
    """Labels of the buttons whose action starts with `verb` (see bot/ui/actions.py)."""
    prefix = verb + ":"
    return [
        label for row in message.buttons for label, data in row if (data or "").startswith(prefix)
    ]


def first_button(message: ChatMessage, verb: str) -> str:
    found = buttons(message, verb)
    if not found:
        raise LookupError(f"no {verb}: button on the bot's message; {message.labels}")
    return found[0]


async def browse(
    user: SimUser, times: StepTimes, *, theme: int = 0, step_timeout: float = 120
) -> ChatMessage:
    """/schedule → the `theme`-th theme (wrapping) → its first session; returns the card."""
    programme = await times.timed("/schedule", user.ask("/schedule", timeout=step_timeout))
    themes = buttons(programme, "t")
    if not themes:
        raise LookupError(f"no theme button on the programme; {programme.labels}")
    chosen = themes[theme % len(themes)]
    listing = await times.timed("theme", user.press(programme, chosen, timeout=step_timeout))
    session = first_button(listing, "s")
    return await times.timed("session", user.press(listing, session, timeout=step_timeout))
