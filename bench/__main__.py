"""`make bench`: run every benchmark and print its figures."""

from __future__ import annotations

import asyncio
import sys

from bench import browse


def main() -> int:
    asyncio.run(browse.main(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
