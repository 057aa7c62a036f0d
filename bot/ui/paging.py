"""Split long lists into pages that fit a chat message and a row of navigation buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.ui.actions import AnyAction, Go, data_of
from bot.ui.model import Button, Row

T = TypeVar("T")
PAGE_SIZE = 6


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # 0-based, clamped to the pages that exist
    count: int

    @property
    def first_index(self) -> int:
        return self.number * PAGE_SIZE


def page_of(items: Sequence[T], number: int) -> Page[T]:
    count = max(1, -(-len(items) // PAGE_SIZE))
    number = min(max(number, 0), count - 1)
    return Page(items[number * PAGE_SIZE : (number + 1) * PAGE_SIZE], number, count)


def navigation(page: Page[T], to_page: Callable[[int], AnyAction]) -> Row:
    """‹ 2/5 › — empty when everything fits on one page."""
    if page.count == 1:
        return ()
    row: list[Button] = []
    if page.number > 0:
        row.append(Button("‹", data_of(to_page(page.number - 1))))
    row.append(Button(f"{page.number + 1}/{page.count}", Go.NOOP))
    if page.number < page.count - 1:
        row.append(Button("›", data_of(to_page(page.number + 1))))
    return tuple(row)
