"""Shared steps for the delivery tests: recipients, batches, waiting for a batch to finish."""

from __future__ import annotations

import asyncio

from bot.delivery.service import Delivery, Progress
from bot.outgoing import Outgoing, Text
from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from tests.conftest import at


def delivery_of(bot: BotApplication) -> Delivery:
    return bot.bot_data.deps.delivery


async def recipients(bot: BotApplication, standin: StandIn, first: int, count: int) -> list[int]:
    """Users who talked to the bot once (so they exist on both sides)."""
    users = bot.bot_data.deps.storage.users
    ids = list(range(first, first + count))
    for user_id in ids:
        standin.user(user_id, language_code="en")
        await users.touch(user_id, "en", at("2025-10-27T08:00+07:00"))
    return ids


def texts(batch: str, chat_ids: list[int], text: str = "Hello") -> list[Outgoing]:
    return [Outgoing(c, Text(f"{text} {c}"), f"{batch}:{c}") for c in chat_ids]


async def until_done(delivery: Delivery, batch: str, timeout: float = 20.0) -> Progress:  # noqa: ASYNC109
    """The outbox has no change notification; poll the batch's progress briefly."""
    async with asyncio.timeout(timeout):
        while not (progress := await delivery.progress(batch)).done:
            await asyncio.sleep(0.05)
    return progress


def messages_per_chat(standin: StandIn, chat_ids: list[int]) -> dict[int, int]:
    return {c: len(standin.user(c).messages) for c in chat_ids}
