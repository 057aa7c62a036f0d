"""What other features add to a search of the programme: an exhibitor that matches typed words
is offered below the sessions. The browse feature asks the finders it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.ui.model import Button
from bot.ui.view import View


@dataclass(frozen=True)
class Found:
    line: str  # HTML, above the results
    button: Button  # opens it


Finder = Callable[[View, str], Sequence[Found]]
