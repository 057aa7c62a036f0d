"""The clock stepped an hour back or forward (NTP correcting a server clock) under the running
bot: waits in the outbox do not grow by an hour, nothing goes twice, reminders for sessions
that began in a skipped hour are counted as missed, and the bot serves throughout."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.clock import Clock
from bot.features.reminders.planner import MISSED
from standin.telegram import StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import delivery_of, recipients, texts, until_done

TIMEOUT = 20.0
HOUR = timedelta(hours=1)


def count(standin: StandIn, chat: int, text: str) -> int:
    return [m.text for m in standin.user(chat).messages].count(text)


async def test_an_hour_back_keeps_waits_short_and_sends_nothing_twice(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    clock.set(at("2025-10-27T13:15:01+07:00"))  # AITAL's 15-minute reminders are due
    async with start_bot(retry_backoff=2.0) as bot:
        deps = bot.bot_data.deps
        audience = await recipients(bot, standin, 4200, 6)
        aital = deps.navigator.schedule.session("AITAL")
        assert aital is not None
        for fan in audience:
            await deps.storage.follows.follow(fan, aital.guid, clock.now())
        await deps.reminders.run()
        await until_done(delivery_of(bot), "reminder:" + str(aital.guid))
        # One message fails once: its retry waits 2 s by the clock, then the clock goes back.
        standin.inject("500", method="sendMessage", chat_id=audience[0])
        await delivery_of(bot).enqueue("before-step", "announcement", texts("b", audience))
        async with asyncio.timeout(TIMEOUT):
            while standin.faults_left != 0:
                await asyncio.sleep(0.02)
        clock.set(clock.now() - HOUR)
        before = await until_done(delivery_of(bot), "before-step", timeout=TIMEOUT)
        await delivery_of(bot).enqueue("after-step", "announcement", texts("a", audience, "Bye"))
        after = await until_done(delivery_of(bot), "after-step", timeout=TIMEOUT)
        # Back at the reminder's instant (an hour later): it is not sent again.
        clock.set(clock.now() + HOUR)
        await deps.reminders.run()
        answer = await standin.user(audience[1]).ask("/now", timeout=TIMEOUT)
    assert before.sent == after.sent == len(audience)
    for chat in audience:
        assert count(standin, chat, f"Hello {chat}") == 1
        assert count(standin, chat, f"Bye {chat}") == 1
        assert sum((m.text or "").startswith("⏰") for m in standin.user(chat).messages) == 1
    assert answer.text


async def test_an_hour_forward_counts_the_skipped_reminders_as_missed_and_sends_the_rest(
    start_bot: RunningBot, standin: StandIn, clock: Clock
) -> None:
    clock.set(at("2025-10-27T13:10:00+07:00"))
    async with start_bot() as bot:
        deps = bot.bot_data.deps
        audience = await recipients(bot, standin, 4300, 4)
        aital = deps.navigator.schedule.session("AITAL")
        assert aital is not None  # 13:30: its reminders would be due at 13:15
        for fan in audience:
            await deps.storage.follows.follow(fan, aital.guid, clock.now())
        await deps.reminders.run()  # nothing due yet; the run is remembered
        clock.set(clock.now() + HOUR)  # 14:10: AITAL began while the clock skipped
        run = await deps.reminders.run()
        await delivery_of(bot).enqueue("after-jump", "announcement", texts("j", audience))
        sent = await until_done(delivery_of(bot), "after-jump", timeout=TIMEOUT)
        missed = await deps.storage.state.get(MISSED)
        answer = await standin.user(audience[0]).ask("/start", timeout=TIMEOUT)
    assert run.queued == 0 and run.missed == len(audience)
    assert missed == str(len(audience))
    assert sent.sent == len(audience)
    assert not any(
        (m.text or "").startswith("⏰") for chat in audience for m in standin.user(chat).messages
    )
    assert "Welcome" in (answer.text or "")
