"""The console's small parts: login attempts per address, masked ids, local redirects."""

from __future__ import annotations

from web.console.login import _local
from web.console.people import masked
from web.console.ratelimit import Attempts


def test_ten_attempts_a_minute_per_address() -> None:
    now = [0.0]
    attempts = Attempts(limit=10, window=60, monotonic=lambda: now[0])
    assert all(attempts.allow("a") is None for _ in range(10))
    wait = attempts.allow("a")
    assert wait is not None and 59 < wait <= 60
    assert attempts.allow("b") is None  # another address is not held up
    now[0] = 60.0
    assert attempts.allow("a") is None


def test_memory_stays_bounded_under_a_flood_of_addresses() -> None:
    now = [0.0]
    attempts = Attempts(limit=1, window=1, monotonic=lambda: now[0], keep=100)
    for n in range(1000):
        now[0] = n * 2.0  # each one idle by the next
        attempts.allow(f"10.0.{n // 256}.{n % 256}")
    assert len(attempts._seen) <= 101


def test_ids_are_masked_and_redirects_stay_on_the_site() -> None:
    assert masked(123456789) == "•••6789" and masked(0) == "—"
    assert _local("/sessions") == "/sessions"
    for elsewhere in ("https://evil.example/", "//evil.example", "javascript:alert(1)", ""):
        assert _local(elsewhere) == "/"
