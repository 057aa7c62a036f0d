"""Run the stand-in in its own process: `python -m standin --port 0 --open-chats 5000:100`.

Benchmarks put it on the other CPU core from the bot under test. It prints `READY <port>`
once listening, serves the admin API under /_standin/ (see standin.admin), never records
calls, and stops on SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from standin.telegram.limits import Limits
from standin.telegram.server import DEFAULT_TOKEN, StandIn

DEFAULTS = Limits()


def chat_range(value: str) -> tuple[int, int]:
    """FIRST:COUNT, as --open-chats takes it."""
    first, sep, count = value.partition(":")
    try:
        if not sep or int(count) < 0:
            raise ValueError
        return int(first), int(count)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not FIRST:COUNT") from None


def parse(argv: list[str] | None = None) -> tuple[argparse.Namespace, Limits]:
    parser = argparse.ArgumentParser(prog="python -m standin", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--global-rate", type=float, default=DEFAULTS.global_rate)
    parser.add_argument("--global-burst", type=int, default=DEFAULTS.global_burst)
    parser.add_argument("--chat-rate", type=float, default=DEFAULTS.chat_rate)
    parser.add_argument("--chat-burst", type=int, default=DEFAULTS.chat_burst)
    parser.add_argument("--no-limits", action="store_true", help="never answer 429")
    parser.add_argument(
        "--open-chats",
        type=chat_range,
        action="append",
        default=[],
        metavar="FIRST:COUNT",
        help="create users FIRST .. FIRST+COUNT-1 (repeatable)",
    )
    options = parser.parse_args(argv)
    try:
        limits = Limits(
            enforce=not options.no_limits,
            global_rate=options.global_rate,
            global_burst=options.global_burst,
            chat_rate=options.chat_rate,
            chat_burst=options.chat_burst,
        )
    except ValueError as error:
        parser.error(str(error))
    return options, limits


async def serve(options: argparse.Namespace, limits: Limits) -> None:
    standin = StandIn(
        options.token, limits=limits, host=options.host, port=options.port, record_calls=False
    )
    for first, count in options.open_chats:
        standin.open_chats(first, count)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with standin:
        print(f"READY {standin.port}", flush=True)
        await stop.wait()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(serve(*parse(argv)))


if __name__ == "__main__":
    main()
