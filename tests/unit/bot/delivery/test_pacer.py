"""The pacer on a fake clock: smooth rate, replies first, 429 pauses, one message/s per chat."""

from __future__ import annotations

import asyncio

import pytest

from bot.delivery.pacer import Pacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_interactive_slots_are_spaced_at_the_rate() -> None:
    time = FakeTime()
    pacer = Pacer(10, monotonic=time)
    delays = [pacer.interactive_slot() for _ in range(5)]
    step = pacer.interval  # 1/10 s, slowed by the 1 % headroom
    assert step == pytest.approx(1 / 9.9)
    # One slot of catch-up slack, then one slot per interval.
    assert delays == pytest.approx([0.0, 0.0, step, 2 * step, 3 * step])


async def test_bulk_waits_for_a_free_slot_and_replies_go_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    time = FakeTime()
    pacer = Pacer(10, monotonic=time)
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        time.now += seconds
        # While bulk sleeps, a user's reply takes the next slot.
        if len(slept) == 1:
            assert pacer.interactive_slot() == pytest.approx(0.0)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    await pacer.bulk_turn()  # free now
    await pacer.bulk_turn()  # catch-up slack
    await pacer.bulk_turn()  # waits one slot, loses it to the reply, waits another
    assert slept == pytest.approx([pacer.interval, pacer.interval])


async def test_a_pause_holds_bulk_and_replies(monkeypatch: pytest.MonkeyPatch) -> None:
    time = FakeTime()
    pacer = Pacer(30, monotonic=time)
    pacer.pause(3)
    assert pacer.interactive_slot() == pytest.approx(3.0)
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        time.now += seconds

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    await pacer.bulk_turn()
    assert sum(slept) >= 3.0


def test_one_message_per_second_per_chat() -> None:
    time = FakeTime()
    pacer = Pacer(30, monotonic=time)
    assert pacer.chat_wait(5) == 0
    pacer.note_chat(5)
    assert pacer.chat_wait(5) == pytest.approx(1.05)
    assert pacer.chat_wait(6) == 0
    time.now += 1.1
    assert pacer.chat_wait(5) == 0


def test_long_run_rate_is_exact_even_with_late_wake_ups() -> None:
    time = FakeTime()
    pacer = Pacer(30, monotonic=time)
    start = time.now
    for _ in range(300):
        time.now += pacer.interactive_slot() + 0.002  # every wake-up 2 ms late
    assert 300 / (time.now - start) >= 29.4


def test_a_held_chat_waits_and_then_goes_one_interval_at_a_time() -> None:
    time = FakeTime()
    pacer = Pacer(30, monotonic=time)
    assert pacer.chat_turn(5) == 0  # nothing held: replies go at once
    pacer.hold_chat(5, 2)
    # Three replies waiting for the chat: after the hold, one chat interval apart.
    assert [pacer.chat_turn(5) for _ in range(3)] == pytest.approx([2.0, 3.05, 4.1])
    assert pacer.chat_turn(6) == 0  # other chats are not held
    assert pacer.interactive_slot() == 0  # nor is the global pace
    assert pacer.chat_wait(5) == pytest.approx(5.15)  # bulk keeps out of the held chat too
    time.now += 5.2
    assert pacer.chat_turn(5) == 0
