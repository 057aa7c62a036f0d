"""The Zalo channel under a crowd: N Zalo users at once, each walking first contact → language
→ "schedule" → a theme (four messages, each waited for), against a bot serving Zalo alone.

Zalo's getUpdates returns one update per call, so intake is bounded by one round trip per
update and per poller; on loopback that costs little, over the internet it is what limits a
polling bot (see the README: use the webhook in production).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import socket
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from bench.stats import peak_rss_mb, summary_ms
from bot.config import Settings, Zalo
from channels.zalo.app import running_alone
from standin.zalo import ZaloMessage, ZaloStandIn, ZaloUser

STEPS = ("first contact", "language", "schedule", "theme")


def _number(message: ZaloMessage, label: str) -> str:
    for line in message.text.splitlines():
        found = re.match(r"(\d+)\. (.*)", line)
        if found and label in found.group(2):
            return found.group(1)
    raise LookupError(label)


async def _walk(user: ZaloUser, times: dict[str, list[float]]) -> None:
    async def step(name: str, text: str) -> ZaloMessage:
        started = time.perf_counter()
        reply = await user.ask(text, timeout=120)
        times[name].append(time.perf_counter() - started)
        return reply

    picker = await step("first contact", "xin chào")
    await step("language", _number(picker, "English"))
    programme = await step("schedule", "schedule")
    await step("theme", _number(programme, "5G"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def run(
    users: int, send_rate: float, latency: float, pollers: int, base: Settings | None = None
) -> RunFigures:
    """`pollers` 0: the webhook instead of long polling."""
    with tempfile.TemporaryDirectory(prefix="vidw-bench-zalo-") as scratch:
        async with ZaloStandIn(record_calls=False, latency=latency) as zalo:
            channel = Zalo(zalo.token, zalo.base_url, send_rate=send_rate, pollers=max(1, pollers))
            if pollers == 0:
                port = _free_port()
                channel = replace(
                    channel,
                    webhook_url=f"http://127.0.0.1:{port}/zalo",
                    webhook_secret="bench-secret",
                    port=port,
                )
            settings = replace(base or Settings(), db_path=Path(scratch) / "zalo.db", zalo=channel)
            people = [
                zalo.user(f"{9_000_000_000_000_000_000 + i}", name=f"U{i}") for i in range(users)
            ]
            times: dict[str, list[float]] = {name: [] for name in STEPS}
            async with running_alone(settings, poll_timeout=1):
                started = time.perf_counter()
                await asyncio.gather(*(_walk(user, times) for user in people))
                seconds = time.perf_counter() - started
    return RunFigures(users * len(STEPS), seconds, times)


@dataclass(frozen=True)
class RunFigures:
    updates: int
    seconds: float
    times: dict[str, list[float]]


def report(outcome: RunFigures, users: int, latency: float, pollers: int) -> None:
    how = f"{pollers} poller(s)" if pollers else "webhook"
    print(
        f"[zalo] {users} Zalo users at once, four messages each, the bot serving Zalo alone; "
        f"{latency * 1000:.0f} ms added to every API call, {how}"
    )
    rate = outcome.updates / outcome.seconds
    print(
        f"  updates handled   {outcome.updates} in {outcome.seconds:.1f} s = {rate:.0f} updates/s"
    )
    for name in STEPS:
        print(f"    {name:<15} {summary_ms(outcome.times[name])}")
    print(f"  all steps         {summary_ms([t for ts in outcome.times.values() for t in ts])}")
    print(f"  peak RSS          {peak_rss_mb():.0f} MB (bot and stand-in in this process)")


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench zalo")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--rate", type=float, default=1000.0, help="ZALO_SEND_RATE for the run")
    parser.add_argument("--latency", type=float, help="seconds per API call (default: 0 and 0.05)")
    parser.add_argument(
        "--pollers", type=int, help="ZALO_POLLERS, 0 for the webhook (default: 1, 4 and 0)"
    )
    args, _ = parser.parse_known_args(argv)
    latencies = [args.latency] if args.latency is not None else [0.0, 0.05]
    for latency in latencies:
        runs = [args.pollers] if args.pollers is not None else [1] if latency == 0 else [1, 4, 0]
        for pollers in runs:
            outcome = await run(args.users, args.rate, latency, pollers)
            report(outcome, args.users, latency, pollers)
