"""Telegram misbehaving, users blocking the bot, bad set-ups: clear messages, nothing lost."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from io import StringIO
from pathlib import Path

import pytest

from bot.config import Settings
from bot.i18n import CatalogError
from bot.logs import RedactToken, configure_logging
from bot.programme.loader import ScheduleError
from bot.storage import Storage
from channels.telegram.app import BotApplication, build_application
from channels.telegram.flood_control import MAX_INTERACTIVE_ATTEMPTS
from standin.telegram import Limits, StandIn


async def test_flood_control_on_an_edit_is_waited_out(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(200, language_code="en")
    home = await user.ask("/start")
    standin.inject("429", method="editMessageText", chat_id=200, retry_after=1)
    programme = await user.press(home, "📅 Programme", timeout=10)
    assert "Choose a theme" in (programme.text or "")
    statuses = [c.status for c in standin.calls_to(200, "editMessageText")]
    assert statuses == [429, 200]


async def test_enforced_limits_slow_a_fast_walker_down_but_answer_every_step(
    bot: BotApplication, standin: StandIn
) -> None:
    standin.limits = Limits(chat_rate=1.0, chat_burst=1)
    user = standin.user(201, language_code="vi")
    screen = await user.ask("/start")
    for _ in range(3):
        screen = await user.press(
            screen,
            "🗓 Theo ngày" if "Theo ngày" in str(screen.labels) else screen.labels[-1],
            timeout=10,
        )
    assert any(c.status == 429 for c in standin.calls_to(201))
    assert screen.text  # the last step still arrived


async def test_server_error_gets_an_apology_in_the_users_language(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(202, language_code="fr")
    # The reply is tried seven times over about five seconds
    # (channels/telegram/flood_control.py); the eighth send apologises.
    standin.inject("500", method="sendMessage", chat_id=202, times=MAX_INTERACTIVE_ATTEMPTS)
    apology = await user.ask("/help", timeout=15)
    assert (
        apology.text
        == "Désolé, un problème est survenu de mon côté. Veuillez réessayer dans un instant."
    )
    # The bot lives on: the next request is answered normally.
    assert "Comment utiliser ce bot" in ((await user.ask("/help")).text or "")


async def test_a_short_outage_delays_the_answer_and_loses_nothing(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(205, language_code="en")
    # Five 502s in a row: about 2.75 s of Telegram failing this chat's sends.
    standin.inject("502", method="sendMessage", chat_id=205, times=5)
    answer = await user.ask("/help", timeout=15)
    assert "How to use this bot" in (answer.text or "")
    assert [c.status for c in standin.calls_to(205, "sendMessage")] == [502] * 5 + [200]


async def test_a_user_who_blocked_the_bot_does_not_disturb_others(
    bot: BotApplication, standin: StandIn
) -> None:
    storage = bot.bot_data.deps.storage
    blocked = standin.user(203, language_code="en")
    standin.block(203)
    await blocked.send("/start")
    other = standin.user(204, language_code="vi")
    assert "Chào mừng" in ((await other.ask("/start")).text or "")
    await eventually(lambda: _is_blocked(storage, 203))
    # Only the one refused reply: no apology is attempted to someone who blocked the bot.
    assert [c.status for c in standin.calls_to(203, "sendMessage")] == [403]
    standin.unblock(203)
    assert "Welcome" in ((await blocked.ask("/start")).text or "")
    assert not await _is_blocked(storage, 203)  # writing again clears the flag


async def _is_blocked(storage: Storage, user_id: int) -> bool:
    profile = await storage.users.get(user_id)
    return profile is not None and profile.blocked


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    """Wait (up to 5 s) for a condition that an update handled in the background makes true.

    The condition lives in SQLite, which has no change notification, so this polls briefly.
    """
    async with asyncio.timeout(5):
        while not await check():
            await asyncio.sleep(0.02)


def test_token_never_reaches_a_log_line() -> None:
    token = "123456:SECRET-token"
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactToken(token))
    log = logging.getLogger("tests.redaction")
    log.addHandler(handler)
    try:
        log.warning("POST https://api.telegram.org/bot%s/getUpdates failed", token)
        log.warning("plain message with bot%s inline", token)
    finally:
        log.removeHandler(handler)
    assert token not in stream.getvalue()
    assert stream.getvalue().count("<redacted>") == 2


def test_the_webhook_secret_never_reaches_a_log_line_either() -> None:
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactToken("123456:SECRET-token", secrets=["hook_Secret-1"]))
    log = logging.getLogger("tests.redaction")
    log.addHandler(handler)
    try:
        log.warning("setWebhook secret_token=%s for bot%s", "hook_Secret-1", "123456:SECRET-token")
    finally:
        log.removeHandler(handler)
    assert "hook_Secret-1" not in stream.getvalue() and "SECRET-token" not in stream.getvalue()
    assert stream.getvalue().count("<redacted>") == 2


def test_configured_logging_keeps_http_client_urls_out() -> None:
    try:
        configure_logging("123:abc")
        assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
        root = logging.getLogger()
        assert any(isinstance(f, RedactToken) for h in root.handlers for f in h.filters)
    finally:
        logging.basicConfig(force=True)


def test_broken_schedule_stops_the_bot_before_it_serves(settings: Settings, tmp_path: Path) -> None:
    broken = tmp_path / "schedule.json"
    document = json.loads(settings.schedule_path.read_text("utf-8"))
    document["schedule"]["conference"]["days"][0]["rooms"]["Ninh Binh — Main Hall"][0]["start"] = (
        "8h"
    )
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ScheduleError, match=r"schedule.json: event OPEN .*'start'"):
        build_application(Settings(**{**settings.__dict__, "schedule_path": broken}))


def test_missing_catalog_stops_the_bot(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="make catalogs"):
        build_application(Settings(**{**settings.__dict__, "locales_dir": tmp_path}))
