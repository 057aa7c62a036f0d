from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.clock import Clock


class FakeTicks:
    def __init__(self) -> None:
        self.value = 100.0

    def __call__(self) -> float:
        return self.value


def test_rehearsal_clock_starts_at_the_given_instant_and_runs_on() -> None:
    ticks = FakeTicks()
    start = datetime(2025, 10, 27, 8, 30, tzinfo=timezone(timedelta(hours=7)))
    clock = Clock(start, monotonic=ticks)
    assert clock.now() == start
    assert clock.now().tzinfo == UTC
    ticks.value += 90
    assert clock.now() == start + timedelta(seconds=90)


def test_real_clock_is_aware_utc() -> None:
    now = Clock().now()
    assert now.tzinfo == UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        Clock().set(datetime(2025, 10, 27, 8, 30))  # noqa: DTZ001 - the point of the test
