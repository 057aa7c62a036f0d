"""A channel's outage: five network failures in a row take it down; then one probe at a time,
further apart each time it fails; the first success ends it."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import Clock
from bot.delivery.breaker import Breaker
from bot.delivery.clock_steps import ClockSteps
from tests.conftest import at


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_network_failures_in_a_row_take_the_channel_down_and_count_no_more() -> None:
    ticks = Ticks()
    breaker = Breaker("telegram", down_after=3, monotonic=ticks)
    assert [breaker.network_failed() for _ in range(3)] == [False, False, True]
    assert breaker.down and breaker.outages == 1
    assert breaker.network_failed()  # a send under way when it went down: not counted either


def test_a_success_in_between_keeps_the_channel_up() -> None:
    breaker = Breaker("telegram", down_after=3, monotonic=Ticks())
    breaker.network_failed()
    breaker.network_failed()
    breaker.went_through()
    assert not breaker.network_failed()
    assert not breaker.down


def test_while_down_one_probe_at_a_time_further_apart_after_each_failure() -> None:
    ticks = Ticks()
    breaker = Breaker("telegram", down_after=1, first_probe=1, last_probe=4, monotonic=ticks)
    breaker.network_failed()
    assert not breaker.may_send() and breaker.wait() == 1
    waits = []
    for _ in range(4):
        ticks.now += breaker.wait()
        assert breaker.may_send()  # the probe
        assert not breaker.may_send()  # and nothing beside it
        breaker.network_failed()
        waits.append(breaker.wait())
    assert waits == [2, 4, 4, 4]
    ticks.now += breaker.wait()
    assert breaker.may_send()
    breaker.went_through()
    assert not breaker.down and breaker.may_send() and breaker.may_send()


def test_steps_of_the_clock_are_seen_and_small_drifts_are_not() -> None:
    ticks = Ticks()
    clock = Clock(at("2025-10-27T10:00:00+07:00"), monotonic=ticks)
    steps = ClockSteps(clock, monotonic=ticks)
    ticks.now += 30
    assert steps.step() == 0
    clock.set(clock.now() - timedelta(hours=1))
    assert steps.step() == -3600
    assert steps.step() == -3600  # until settled
    steps.settle()
    clock.set(clock.now() + timedelta(seconds=2))
    assert steps.step() == 0
    clock.set(clock.now() + timedelta(hours=1))
    assert steps.step() == 3600
