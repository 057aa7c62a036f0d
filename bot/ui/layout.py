"""Rows of buttons whose labels fit: Telegram cuts a label that is wider than its button.

On a 360-dp phone about 40 characters fit in a button that has the row to itself and about 20
in one of two (a little less is kept as a margin); a row of three or four holds short labels
only. A group of buttons that would be cut goes one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.ui.model import Button, Row

FULL_ROW_CHARS = 40
_ROW_CHARS = {1: FULL_ROW_CHARS, 2: 18, 3: 12, 4: 9}
_NARROWEST = 6  # five buttons or more in one row: arrows and digits


def row_chars(count: int) -> int:
    """How many characters a label may have in a row of `count` buttons."""
    return _ROW_CHARS.get(count, _NARROWEST)


def fits(labels: Sequence[str]) -> bool:
    """Whether these labels, side by side in one row, are shown whole."""
    return all(len(label) <= row_chars(len(labels)) for label in labels)


def rows_of(buttons: Sequence[Button], per_row: int = 2) -> tuple[Row, ...]:
    """`per_row` to a row when every label fits that width, otherwise fewer: one layout for the
    whole group, so that the buttons stay aligned."""
    if not buttons:
        return ()
    width = next(
        (n for n in range(min(per_row, len(buttons)), 1, -1) if _all_fit(buttons, n)),
        1,
    )
    return tuple(tuple(buttons[i : i + width]) for i in range(0, len(buttons), width))


def fitted(rows: Iterable[Row]) -> tuple[Row, ...]:
    """Each row as given if its labels fit side by side, else split into rows that fit."""
    out: list[Row] = []
    for row in rows:
        out += [row] if fits([b.label for b in row]) else rows_of(row, per_row=len(row))
    return tuple(out)


def _all_fit(buttons: Sequence[Button], per_row: int) -> bool:
    return all(len(b.label) <= row_chars(per_row) for b in buttons)
