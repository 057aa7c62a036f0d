"""One user flooding the bot must not slow down everyone else's answers."""

from __future__ import annotations

import asyncio
import statistics
import time

from bot.admission import BACKLOG
from channels.telegram.app import BotApplication
from standin.telegram import Limits, SimUser, StandIn

FLOOD = 50  # messages from one user within one second
ROUND_GAP = 0.5  # seconds between two rounds of questions from the other users
SLOW_DOWN = (
    "You are sending faster than I can answer, so I skipped some of it. "
    "Please wait for my answer before sending more."
)


async def _latency(user: SimUser, text: str) -> float:
    started = time.monotonic()
    await user.ask(text, timeout=30)
    return time.monotonic() - started


async def _rounds(groups: list[list[SimUser]], text: str, rounds: int) -> list[float]:
    """Each round, one group asks at once; a group asks again only two rounds later, as a
    person who reads the answer first would (and within Telegram's per-chat limit)."""
    latencies: list[float] = []
    for number in range(rounds):
        group = groups[number % len(groups)]
        started = time.monotonic()
        latencies += await asyncio.gather(*(_latency(u, text) for u in group))
        await asyncio.sleep(max(0.0, ROUND_GAP - (time.monotonic() - started)))
    return latencies


async def test_a_flooder_does_not_slow_down_other_users(
    bot: BotApplication, standin: StandIn
) -> None:
    standin.limits = Limits()  # Telegram's: 30 messages/s overall, about 1/s per chat
    others = [standin.user(3100 + i, language_code="en") for i in range(10)]
    groups = [others[:5], others[5:]]
    quiet = await _rounds(groups, "/help", 2)
    flooder = standin.user(3099, language_code="en")

    async def flood() -> None:
        for i in range(FLOOD):
            await flooder.send(f"ai {i}")
            await asyncio.sleep(1 / FLOOD)

    places: list[int] = []  # updates in hand, of the bot's 64 places

    async def watch() -> None:
        while True:
            places.append(bot.update_processor.current_concurrent_updates)
            await asyncio.sleep(0.01)

    watching = asyncio.create_task(watch())
    flooding = asyncio.create_task(flood())
    busy = await _rounds(groups, "/help", 3)
    await flooding
    watching.cancel()
    print(
        f"\nother users' reply latency: quiet median {statistics.median(quiet):.3f} s, "
        f"max {max(quiet):.3f} s; during the flood median {statistics.median(busy):.3f} s, "
        f"max {max(busy):.3f} s"
    )
    # Telegram's flood waits are whole seconds: had the flood held anyone else up behind it,
    # some answer would have taken a second or more.
    assert max(busy) < 1.0
    # The flooder holds a few places (their backlog, the notice), a group of others theirs.
    print(f"places in use: at most {max(places)} of {bot.update_processor.max_concurrent_updates}")
    assert max(places) <= BACKLOG + 1 + len(groups[0]) + 2

    # The flooder: a few answers, one notice to slow down, and normal service once calm.
    async with asyncio.timeout(15):
        await bot.update_queue.join()  # every admitted message of theirs is answered
    notices = [m for m in flooder.messages if m.text == SLOW_DOWN]
    answered = [m for m in flooder.messages if "found for" in m.text]
    print(f"the flooder: {len(answered)} answers, {len(notices)} notice")
    assert len(notices) == 1
    assert 1 <= len(answered) <= FLOOD // 5
    calm = await flooder.ask("/start", timeout=10)
    assert "Welcome to" in calm.text
