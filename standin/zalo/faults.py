"""Injected faults: the next calls to a method answer an error of the test's choosing."""

from __future__ import annotations

from dataclasses import dataclass

from standin.zalo.errors import DEFAULT_DESCRIPTIONS, ApiError


@dataclass(slots=True)
class Fault:
    method: str
    error_code: int
    description: str
    times: int


class Faults:
    """Armed faults, consumed first-armed first by calls to their method."""

    def __init__(self) -> None:
        self._armed: list[Fault] = []

    def arm(self, method: str, error_code: int, times: int, description: str | None) -> None:
        if not 400 <= error_code <= 599:
            raise ValueError(f"error_code must be an HTTP error status, not {error_code}")
        if times < 1:
            raise ValueError("times must be at least 1")
        text = description or DEFAULT_DESCRIPTIONS.get(error_code, f"Error {error_code}")
        self._armed.append(Fault(method, error_code, text, times))

    def take(self, method: str) -> ApiError | None:
        """Consume one use of the first fault armed for `method`; its error, or None."""
        for fault in self._armed:
            if fault.method == method:
                fault.times -= 1
                if fault.times == 0:
                    self._armed.remove(fault)
                # No retry hint, even for 429: Zalo gives none.
                return ApiError(fault.error_code, fault.description)
        return None
