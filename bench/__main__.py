"""`make bench`: run every benchmark but the soak and print its figures.

python -m bench                      # all but the soak (about 15 minutes)
python -m bench browse [--users N]
python -m bench load [--users N] [--rate 30]
python -m bench delivery [--recipients N] [--only ceiling|paid|crash]
python -m bench zalo [--users N] [--latency S] [--pollers N]
python -m bench backup [--users N] [--answers N]
python -m bench search [--sessions N] [--queries N]
python -m bench inline [--sessions N] [--queries N] [--no-standin]
python -m bench programme [--events N]
python -m bench console [--users N] [--answers N] [--watchers N]
python -m bench qa [--attendees N] [--votes N] [--rate R]
python -m bench matching [--profiles N] [--requests N] [--probes N]
python -m bench soak [--minutes M] [--users N] [--recipients N]   # only by name: ~12 minutes
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable, Coroutine
from typing import Any

SUITES = (
    "browse",
    "load",
    "zalo",
    "delivery",
    "reminders",
    "polls",
    "export",
    "backup",
    "search",
    "inline",
    "programme",
    "console",
    "qa",
    "matching",
    "soak",
)
# Run only when named: the soak alone takes its --minutes (10) and the backlog's drain.
BY_NAME_ONLY = frozenset({"soak"})

Suite = Callable[[list[str]], Coroutine[Any, Any, None]]


def _suite(name: str) -> Suite:
    """Imported only when it runs: bench load measures this process's memory as the stand-in's."""
    suite: Suite = importlib.import_module(f"bench.{name}").main
    return suite


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] in SUITES:
        asyncio.run(_suite(args[0])(args[1:]))
        return 0
    for name in SUITES:
        if name in BY_NAME_ONLY:
            continue
        asyncio.run(_suite(name)(args))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
