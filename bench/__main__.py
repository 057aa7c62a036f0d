"""`make bench`: run every benchmark and print its figures.

python -m bench                      # everything (about 13 minutes)
python -m bench browse [--users N]
python -m bench load [--users N] [--rate 30]
python -m bench delivery [--recipients N] [--only ceiling|paid|crash]
python -m bench backup [--users N] [--answers N]
"""

from __future__ import annotations

import asyncio
import sys

from bench import backup, browse, delivery, export, load, polls, reminders

SUITES = {
    "browse": browse.main,
    "load": load.main,
    "delivery": delivery.main,
    "reminders": reminders.main,
    "polls": polls.main,
    "export": export.main,
    "backup": backup.main,
}


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] in SUITES:
        asyncio.run(SUITES[args[0]](args[1:]))
        return 0
    for suite in SUITES.values():
        asyncio.run(suite(args))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
