"""What is made from a programme once and kept while it is in use (its search index, its short
codes): by identity, for the last few programmes, since a reload brings a new Schedule (and
Schedule, holding dicts, is not hashable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from bot.programme.model import Schedule

T = TypeVar("T")
KEPT = 3  # the programme in use, and a reload or two still being answered from


class PerProgramme(Generic[T]):
    def __init__(self, make: Callable[[Schedule], T]) -> None:
        self._make = make
        self._recent: list[tuple[Schedule, T]] = []  # newest first

    def __call__(self, schedule: Schedule) -> T:
        for kept, made in self._recent:
            if kept is schedule:
                return made
        made = self._make(schedule)
        self._recent.insert(0, (schedule, made))
        del self._recent[KEPT:]
        return made
