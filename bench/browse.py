"""Attendee browsing throughput: the real bot against a bare PTB echo bot, same stand-in, same run.

The bot runs at the paid-broadcast ceiling (1,000 messages/s) so that its pacer does not cap the
figure: with the default 30 messages/s, replies to a crowd are paced at 30/s, as Telegram wants.

Each simulated attendee walks /schedule → a theme → a session card (three updates, each waited
for). All attendees start at once. Figures: updates answered per second, p50/p99 latency per
update, and the bot's throughput as a ratio of the echo bot's.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bench.stats import peak_rss_mb, summary_ms
from bench.walks import BROWSE_STEPS, StepTimes, browse
from bot.config import Settings
from channels.telegram.app import build_application
from channels.telegram.runner import running
from standin.telegram import Limits, SimUser, StandIn

CONCURRENCY = 64  # the bot's concurrent_updates and connection pool, given to the echo bot too


@dataclass
class Result:
    name: str
    updates: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def line(self) -> str:
        return (
            f"{self.name:<10} {self.updates} updates in {self.seconds:.2f} s = "
            f"{self.rate:.0f} updates/s; latency {summary_ms(self.latencies)}"
        )


async def attendee_walk(user: SimUser, times: StepTimes) -> None:
    await browse(user, times, step_timeout=120)


async def echo_walk(user: SimUser, times: StepTimes) -> None:
    """The same three steps against the echo bot: a reply, then two button edits."""
    first = await times.timed("/schedule", user.ask("/schedule", timeout=120))
    second = await times.timed("theme", user.press(first, "next", timeout=120))
    await times.timed("session", user.press(second, "next", timeout=120))


async def _echo_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        update.effective_message.text or "?",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("next", callback_data="1")]]),
    )


async def _echo_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    step = int(query.data) + 1
    await query.edit_message_text(
        f"step {step}",
        reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("next", callback_data=str(step))]]
        ),
    )


def echo_application(standin: StandIn) -> Application[Any, Any, Any, Any, Any, Any]:
    app = (
        ApplicationBuilder()
        .token(standin.token)
        .base_url(standin.base_url)
        .base_file_url(standin.base_file_url)
        .concurrent_updates(CONCURRENCY)
        .connection_pool_size(CONCURRENCY)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, _echo_text))
    app.add_handler(CallbackQueryHandler(_echo_tap))
    return app


async def measure(
    name: str,
    users: int,
    make_app: Callable[[StandIn], Application[Any, Any, Any, Any, Any, Any]],
    walk: Callable[[SimUser, StepTimes], Awaitable[None]],
) -> Result:
    import asyncio

    async with StandIn(limits=Limits(enforce=False)) as standin:
        app = make_app(standin)
        async with running(app, poll_timeout=1):
            people = [
                standin.user(10_000 + i, language_code=("vi", "en", "fr")[i % 3])
                for i in range(users)
            ]
            warm_up = StepTimes(BROWSE_STEPS)  # not counted
            await walk(standin.user(9_999, language_code="en"), warm_up)
            times = StepTimes(BROWSE_STEPS)
            started = time.perf_counter()
            await asyncio.gather(*(walk(person, times) for person in people))
            seconds = time.perf_counter() - started
    return Result(name, times.count, seconds, times.all())


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--users", type=int, default=300, help="simulated attendees at once")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        settings = Settings.from_env({}, dotenv=None)

        def vidw_bot(standin: StandIn) -> Application[Any, Any, Any, Any, Any, Any]:
            return build_application(
                Settings(
                    token=standin.token,
                    base_url=standin.base_url,
                    db_path=Path(scratch) / "bench.db",
                    schedule_path=settings.schedule_path,
                    locales_dir=settings.locales_dir,
                    # The bot paces every message at its Telegram ceiling (30/s by default);
                    # at the paid ceiling the pacer stays out of the way, so this measures the
                    # bot's own work against the echo bot's.
                    send_rate=1000.0,
                    paid_broadcast=True,
                )
            )

        print(
            f"Browsing walk (/schedule → theme → session), {args.users} attendees at once, "
            "bot and stand-in in one process over loopback HTTP"
        )
        bot = await measure("vidw-bot", args.users, vidw_bot, attendee_walk)
        echo = await measure("echo bot", args.users, echo_application, echo_walk)
        print(bot.line())
        print(echo.line())
        print(f"ratio      vidw-bot / echo bot throughput = {bot.rate / echo.rate:.2f}")
        print(f"peak RSS   {peak_rss_mb():.0f} MB")
