"""Telegram unreachable for ten minutes (by the bot's clock), while an announcement and
reminders wait: nothing is used up against the outage, the backlog drains afterwards at the
flood limit, and reminders whose session began meanwhile are missed, never sent late."""

from __future__ import annotations

import asyncio
import time

from bot.clock import Clock
from bot.storage.outbox import EXPIRED, FAILED, SENT
from standin.telegram import Limits, StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import delivery_of, recipients, texts, until_done

TIMEOUT = 60.0
AUDIENCE = 150
FOLLOWERS = 20


async def test_ten_minutes_unreachable_then_the_backlog_drains_and_late_reminders_expire(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    standin.limits = Limits()  # Telegram's limits, enforced: the drain must keep to them
    clock.set(at("2025-10-27T13:19:50+07:00"))
    async with start_bot() as bot:
        deps = bot.bot_data.deps
        audience = await recipients(bot, standin, 4100, AUDIENCE)
        followers = audience[:FOLLOWERS]
        aital = deps.navigator.schedule.session("AITAL")
        assert aital is not None  # 13:30
        for fan in followers:
            await deps.storage.follows.follow(fan, aital.guid, clock.now())
            await deps.storage.users.set_lead_minutes(fan, 10)  # due at 13:20

        standin.outage("unreachable")
        await delivery_of(bot).enqueue("outage", "announcement", texts("outage", audience))
        clock.set(at("2025-10-27T13:20:01+07:00"))
        await deps.reminders.run()  # queued at 13:20, to expire at 13:30
        telegram = deps.delivery.sender.breaker(audience[0])
        async with asyncio.timeout(TIMEOUT):
            while not telegram.down:
                await asyncio.sleep(0.05)
        await asyncio.sleep(3.0)  # a few probes fail
        clock.set(at("2025-10-27T13:30:01+07:00"))  # ten minutes later, AITAL has begun
        await asyncio.sleep(0.5)  # a probe under way when the clock moved meets the outage
        standin.end_outage()
        began = time.monotonic()
        announcement = await until_done(delivery_of(bot), "outage", timeout=TIMEOUT)
        drained = time.monotonic() - began
        reminders = await deps.storage.outbox.counts("reminder:" + str(aital.guid))
        welcome = await standin.user(audience[-1]).ask("/start", timeout=TIMEOUT)
        stats = deps.delivery.sender.stats
    sends = [
        call.time
        for call in standin.calls
        if call.method == "sendMessage" and call.status == 200 and call.time >= began
    ]
    first_probe, rate = sends[0] - began, (len(sends) - 1) / (sends[-1] - sends[0])
    print(
        f"\nafter the outage: first send {first_probe:.1f} s later (the next probe), then "
        f"{len(sends)} sends at {rate:.1f}/s (ceiling 30/s); all done in {drained:.1f} s; "
        f"{stats.held} holds, {telegram.outages} outage, "
        f"{standin.stats.too_many_requests} answers 429"
    )
    assert announcement.sent == AUDIENCE and announcement.counts[FAILED] == 0
    assert all(
        [m.text for m in standin.user(chat).messages].count(f"Hello {chat}") == 1
        for chat in audience
    )
    assert reminders[EXPIRED] == FOLLOWERS and reminders[SENT] == 0
    assert not any(
        (m.text or "").startswith("⏰") for chat in followers for m in standin.user(chat).messages
    )
    assert telegram.outages == 1 and not telegram.down
    assert "Welcome" in (welcome.text or "")
