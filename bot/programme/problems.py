"""What can be wrong with a programme: a ScheduleError stops it, a Deviation is only reported.

The bot refuses a programme only for what it cannot do without (bot/programme/build.py); the
rest of what the published schema says (acronym patterns, extra keys, URL formats...) is a
deviation, listed by `vidw-bot check-schedule` and refused only by `check-schedule --strict`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.errors import StartupError


class ScheduleError(StartupError):
    """The schedule file cannot be used; the message names the file, the event and the field."""


@dataclass(frozen=True)
class Deviation:
    kind: str  # the same text wherever it occurs: deviations are grouped by it
    where: str  # the event, day or field
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}" if self.where else self.detail


def grouped(deviations: Iterable[Deviation]) -> list[tuple[str, list[Deviation]]]:
    """Deviations by kind, the kinds in the order they first occur."""
    kinds: dict[str, list[Deviation]] = {}
    for deviation in deviations:
        kinds.setdefault(deviation.kind, []).append(deviation)
    return list(kinds.items())


def report(deviations: Iterable[Deviation], examples: int = 3) -> str:
    """For the terminal: how many, by kind, with the first few of each."""
    groups = grouped(deviations)
    total = sum(len(items) for _, items in groups)
    if not total:
        return "No deviations from the published schedule schema."
    kinds = "kind" if len(groups) == 1 else "kinds"
    lines = [
        f"{total} {'warning' if total == 1 else 'warnings'} ({len(groups)} {kinds}): the bot "
        "does not need these and serves the programme; `check-schedule --strict` refuses them."
    ]
    for kind, items in groups:
        lines.append(f"  {kind} ({len(items)}×)")
        lines += [f"    {item}" for item in items[:examples]]
        if len(items) > examples:
            lines.append(f"    … and {len(items) - examples} more")
    return "\n".join(lines)
