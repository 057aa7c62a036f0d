"""A health report: each check, whether it passed, and whether the bot can do without it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Check:
    name: str  # "sender", "database", "telegram-updates", "planner:reminders"
    ok: bool
    vital: bool  # not ok and vital: the bot is unhealthy (503)
    detail: str = ""  # why not ok, for people: "failing since 14:02 — database is locked"
    since: datetime | None = None  # failing since (by the bot's clock)
    restarts: int = 0


@dataclass(frozen=True)
class HealthReport:
    checks: tuple[Check, ...]
    at: datetime
    last_planner_runs: dict[str, datetime] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return all(check.ok for check in self.checks if check.vital)

    @property
    def problems(self) -> list[Check]:
        """What is not ok, the vital first."""
        return sorted((c for c in self.checks if not c.ok), key=lambda c: not c.vital)
