"""The figures /metrics serves, in Prometheus' text format (web/health.py serves them).

Each bot has its own registry (tests start many bots in one process). Update latencies are
observed as updates are handled; the rest is read when scraped: the outbox's depth from the
database (`refresh`, awaited before each scrape), the sender's counts, the supervisor's
restarts, the planners' last good runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from prometheus_client import CollectorRegistry, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.features.health.report import HealthReport
from bot.supervise import TaskHealth

if TYPE_CHECKING:
    from bot.delivery.sender import SenderStats

# Seconds from an update's arrival to its handler's end: most answers take a few ms.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
OUTCOMES = ("sent", "failed", "blocked", "rate_limited", "retried")


class Facts(Protocol):
    """What the figures are read from (bot/features/health/service.py's Health)."""

    @property
    def last_planner_runs(self) -> Mapping[str, datetime]: ...

    async def report(self) -> HealthReport: ...

    async def outbox_depth(self) -> dict[tuple[str, str], int]: ...

    def tasks(self) -> Sequence[TaskHealth]: ...


class Metrics:
    def __init__(self, health: Facts) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.updates = Histogram(
            "vidw_update_seconds",
            "Updates handled (count) and how long each took, by channel",
            ["channel"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self._snapshot = _Snapshot(health)
        self.registry.register(self._snapshot)
        self.sender_stats: SenderStats | None = None  # set once the sender exists

    def observe_update(self, channel: str, seconds: float) -> None:
        self.updates.labels(channel).observe(seconds)

    async def refresh(self) -> None:
        """Read what lives in the database and the health report (before a scrape)."""
        await self._snapshot.refresh(self.sender_stats)


class _Snapshot(Collector):
    def __init__(self, health: Facts) -> None:
        self._health = health
        self._depth: dict[tuple[str, str], int] = {}
        self._report: HealthReport | None = None
        self._stats: SenderStats | None = None

    async def refresh(self, stats: SenderStats | None) -> None:
        self._report = await self._health.report()
        self._stats = stats
        try:
            self._depth = await self._health.outbox_depth()
        except Exception:  # the database is what fails: the report says so
            self._depth = {}

    def collect(self) -> Iterator[Metric]:
        depth = GaugeMetricFamily(
            "vidw_outbox_items", "Outbox items by kind and status", labels=["kind", "status"]
        )
        for (kind, status), count in sorted(self._depth.items()):
            depth.add_metric([kind, status], count)
        yield depth
        messages = CounterMetricFamily(
            "vidw_messages",
            "Bulk messages by channel and outcome (sent, failed, blocked, rate_limited "
            "= answered 429, retried)",
            labels=["channel", "outcome"],
        )
        if self._stats is not None:
            for (channel, outcome), count in sorted(self._stats.by_channel.items()):
                messages.add_metric([channel, outcome], count)
        yield messages
        restarts = CounterMetricFamily(
            "vidw_task_restarts", "Restarts of each supervised background task", labels=["task"]
        )
        up = GaugeMetricFamily(
            "vidw_check_up",
            "1 when a health check passes (tasks, intakes, database)",
            labels=["check"],
        )
        if self._report is not None:
            for check in self._report.checks:
                up.add_metric([check.name], 1 if check.ok else 0)
            for task in self._health.tasks():
                restarts.add_metric([task.name], task.restarts)
        yield restarts
        yield up
        healthy = GaugeMetricFamily("vidw_healthy", "1 when /healthz answers 200")
        healthy.add_metric([], 1 if self._report is not None and self._report.healthy else 0)
        yield healthy
        planners = GaugeMetricFamily(
            "vidw_planner_last_success_timestamp_seconds",
            "When each planner last ran through (Unix time, by the bot's clock)",
            labels=["planner"],
        )
        for name, when in sorted(self._health.last_planner_runs.items()):
            planners.add_metric([name], when.timestamp())
        yield planners
