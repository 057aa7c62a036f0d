"""WebhookSettings mode: the real bot serves PTB's webhook on loopback; the stand-in posts to it.

Requests are real HTTP: forged ones from the test (no secret, a wrong one), genuine ones from
the stand-in, which posts pending updates with the secret as Telegram does.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.config import WebhookSettings
from channels.telegram.app import BotApplication
from standin.telegram import StandIn, payloads
from standin.telegram.webhook import SECRET_HEADER
from tests.e2e.browse.test_browse import (
    AI_THEME,
    BACK,
    PROGRAMME_BUTTON,
    ROUNDTABLE,
    WELCOME,
    labels,
)
from tests.e2e.conftest import RunningBot

SECRET = "vidw_webhook-Secret_2025"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def webhook() -> WebhookSettings:
    port = free_port()
    return WebhookSettings(url=f"http://127.0.0.1:{port}/telegram/vidw", secret=SECRET, port=port)


@pytest.fixture
async def webhook_bot(
    start_bot: RunningBot, webhook: WebhookSettings
) -> AsyncIterator[BotApplication]:
    async with start_bot(webhook=webhook) as app:
        yield app


async def post(url: str, update: dict[str, Any], secret: str | None) -> int:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=update, headers=headers) as response,
    ):
        return response.status


async def test_the_bot_sets_its_webhook_with_the_url_and_the_secret(
    webhook_bot: BotApplication, standin: StandIn, webhook: WebhookSettings
) -> None:
    assert standin.webhook.url == webhook.url
    assert standin.webhook.secret_token == SECRET
    assert [call.method for call in standin.calls].count("getUpdates") == 0
    info = await webhook_bot.bot.get_webhook_info()
    assert info.url == webhook.url


async def test_a_request_without_the_right_secret_is_refused_and_not_processed(
    webhook_bot: BotApplication, standin: StandIn, webhook: WebhookSettings
) -> None:
    user = standin.user(42, "Linh", "en")
    forged = [
        payloads.text_update(900 + n, 900 + n, user.user, user.chat, "/help") for n in range(3)
    ]
    assert await post(webhook.url, forged[0], secret=None) == 403
    assert await post(webhook.url, forged[1], secret="wrong-secret") == 403
    assert await post(webhook.url, forged[2], secret=SECRET[:-1]) == 403

    genuine = payloads.text_update(1000, 1000, user.user, user.chat, "/start")
    assert await post(webhook.url, genuine, secret=SECRET) == 200
    welcome = await user.wait_for(since=0)
    assert WELCOME["en"] in welcome.text
    # Had a forged /help been queued before /start, its answer would be here by now.
    await asyncio.sleep(0.5)
    assert [m.text for m in user.messages] == [welcome.text]
    assert len(standin.calls_to(42, "sendMessage")) == 1


async def test_an_attendee_browses_through_the_webhook(
    webhook_bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(43, "Minh", "vi")
    home = await user.ask("/start")
    assert WELCOME["vi"] in home.text
    programme = await user.press(home, PROGRAMME_BUTTON["vi"])
    theme_label = next(label for label in labels(programme) if label.startswith(AI_THEME["vi"]))
    theme = await user.press(programme, theme_label)
    card = await user.press(theme, next(label for label in labels(theme) if "10:30" in label))
    assert ROUNDTABLE["vi"] in card.text
    back = await user.press(card, BACK["vi"])
    assert back.text == theme.text
    assert standin.webhook.delivered == 5
    assert standin.pending_updates == 0


async def test_the_webhook_stays_set_across_a_restart_and_nothing_is_lost(
    start_bot: RunningBot, standin: StandIn, webhook: WebhookSettings
) -> None:
    user = standin.user(44, "Anne", "fr")
    async with start_bot(webhook=webhook):
        assert WELCOME["fr"] in (await user.ask("/start")).text
    assert standin.webhook.url == webhook.url  # left set on stop, on purpose

    since = user.seq
    await user.send("/help")  # the bot is down: the stand-in keeps the update and retries
    async with asyncio.timeout(5):
        while standin.webhook.last_error_message is None:
            await asyncio.sleep(0.02)
    assert standin.pending_updates == 1
    async with start_bot(webhook=webhook):
        answer = await user.wait_for(since=since, timeout=10)
    assert "/schedule" in answer.text
    assert standin.pending_updates == 0


async def test_long_polling_again_removes_the_webhook(
    start_bot: RunningBot, standin: StandIn, webhook: WebhookSettings
) -> None:
    user = standin.user(45, "Lan", "en")
    async with start_bot(webhook=webhook):
        await user.ask("/start")
    async with start_bot():
        assert standin.webhook.url == ""
        assert WELCOME["en"] in (await user.ask("/start")).text
    assert any(call.method == "deleteWebhook" for call in standin.calls)
