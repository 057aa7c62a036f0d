"""Noticing the clock being stepped (NTP correcting it, an operator setting it, a rehearsal
clock moved): the wall clock moved more or less than the time that passed.

The outbox waits in wall-clock instants ("not before 14:02:05"). Stepped forward, waits end
early, which is harmless; stepped back an hour, a retry due in two seconds would wait an hour
and two seconds. The sender moves such waits back by the step (bot/delivery/sender.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.clock import Clock

TOLERANCE = 5.0  # seconds: a step smaller than this is no step (slewing, a busy event loop)


class ClockSteps:
    def __init__(
        self,
        clock: Clock,
        *,
        tolerance: float = TOLERANCE,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._tolerance = tolerance
        self._monotonic = monotonic
        self._last_wall = clock.now()
        self._last_tick = monotonic()

    def step(self) -> float:
        """Seconds the clock was stepped since the last `settle`: < 0 back, > 0 forward, 0 none."""
        wall, tick = self._clock.now(), self._monotonic()
        moved = (wall - self._last_wall).total_seconds() - (tick - self._last_tick)
        if abs(moved) < self._tolerance:
            self.settle()  # small drifts never add up to a step
            return 0.0
        return moved

    def settle(self) -> None:
        """The step seen has been dealt with: look from now on."""
        self._last_wall, self._last_tick = self._clock.now(), self._monotonic()
