"""The Bot API failing while the bot starts: cosmetic calls never stop the start; a refused
token does, with a clear message.

The stand-in fails whole methods for a while (an outage of setMyCommands, of setWebhook, of
every method but getMe), as an emulator lacking a method or a Telegram outage would. The bot
starts, serves once Telegram answers again, publishes its menus then, and says so once in the
log; what was queued meanwhile goes out.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import replace

import pytest

from bot.config import Settings, WebhookSettings
from bot.errors import StartupError
from channels.telegram import runner
from channels.telegram.runner import running
from cli.compose import telegram_application
from standin.botproc import bot_environment
from standin.telegram import StandIn
from standin.telegram.methods import METHODS
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import delivery_of, recipients, texts, until_done
from tests.e2e.telegram.test_webhook import SECRET, free_port

TIMEOUT = 60.0  # the bot's own polling backoff after failed getUpdates reaches a few seconds
MENU_FAILED = "publishing the command menus failed"


def warnings_about(caplog: pytest.LogCaptureFixture, text: str) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING and text in r.getMessage()
    ]


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(TIMEOUT):
        while not condition():
            await asyncio.sleep(0.05)


async def test_menus_refused_at_start_do_not_stop_it_and_are_published_later(
    start_bot: RunningBot, standin: StandIn, caplog: pytest.LogCaptureFixture
) -> None:
    user = standin.user(4000, language_code="en")
    standin.outage("500", methods=["setMyCommands"])
    async with start_bot():
        welcome = await user.ask("/start")
        assert standin.commands("vi") == []
        standin.end_outage()
        await until(lambda: standin.commands("vi") != [])
    assert "Welcome" in (welcome.text or "")
    assert len(warnings_about(caplog, MENU_FAILED)) == 1  # logged once, however many retries
    assert not any(r.levelno >= logging.ERROR for r in caplog.records)


async def test_menus_timing_out_at_start_do_not_stop_it(
    start_bot: RunningBot, standin: StandIn, caplog: pytest.LogCaptureFixture
) -> None:
    standin.timeout_hold = 6.0  # past the bot's 5 s read timeout
    standin.outage("timeout", methods=["setMyCommands"], seconds=8)
    user = standin.user(4001, language_code="fr")
    async with start_bot():
        answer = await user.ask("/help", timeout=TIMEOUT)
        await until(lambda: standin.commands("fr") != [])
    assert "Comment utiliser ce bot" in (answer.text or "")
    assert len(warnings_about(caplog, MENU_FAILED)) == 1


async def test_every_method_but_getme_failing_at_start_does_not_stop_it(
    start_bot: RunningBot, standin: StandIn
) -> None:
    user = standin.user(4002, language_code="en")
    everything_but_getme = [name for name in METHODS if name != "getme"]
    standin.outage("502", methods=everything_but_getme)
    async with start_bot() as bot:  # five tries in 15 s: more than the outage lasts
        audience = await recipients(bot, standin, 4010, 3)
        await delivery_of(bot).enqueue("during-outage", "announcement", texts("o", audience))
        await user.send("/start")
        await asyncio.sleep(1.0)
        assert not user.messages  # nothing gets through yet
        standin.end_outage()
        welcome = await user.wait_for(since=0, timeout=TIMEOUT)
        progress = await until_done(delivery_of(bot), "during-outage", timeout=TIMEOUT)
        await until(lambda: standin.commands(None) != [])
    assert "Welcome" in (welcome.text or "")
    assert progress.sent == 3


async def test_setwebhook_refused_at_start_is_retried_and_the_webhook_then_serves(
    start_bot: RunningBot, standin: StandIn, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    hook = WebhookSettings(f"http://127.0.0.1:{port}/telegram/vidw", SECRET, port=port)
    standin.outage("502", methods=["setWebhook"])
    user = standin.user(4003, language_code="en")
    async with start_bot(webhook=hook):
        assert standin.webhook.url == ""
        standin.end_outage()
        await until(lambda: standin.webhook.url == hook.url)
        welcome = await user.ask("/start", timeout=TIMEOUT)
    assert "Welcome" in (welcome.text or "")
    assert len(warnings_about(caplog, "starting to take Telegram updates failed")) == 1


async def test_a_refused_token_stops_the_start_with_a_clear_message_and_nothing_left_open(
    settings: Settings, standin: StandIn, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "987654:NOT-THE-TOKEN"
    app = telegram_application(replace(settings, token=wrong))
    with pytest.raises(StartupError, match="refused TELEGRAM_BOT_TOKEN") as refused:
        async with running(app, poll_timeout=1):
            pass
    gc.collect()
    await asyncio.sleep(0)
    assert wrong not in str(refused.value)
    assert not [r for r in caplog.records if "Unclosed" in r.getMessage()]


async def test_getme_failing_at_every_try_stops_the_start_saying_where_it_looked(
    settings: Settings, standin: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "GET_ME_RETRIES", (0.05, 0.05))
    standin.outage("502", methods=["getMe"])
    app = telegram_application(settings)
    with pytest.raises(StartupError, match="did not answer getMe") as failed:
        async with running(app, poll_timeout=1):
            pass
    assert standin.base_url.split("/bot")[0] in str(failed.value)
    assert standin.token not in str(failed.value)


async def test_vidw_bot_run_with_a_refused_token_exits_2_with_the_message(
    settings: Settings, standin: StandIn
) -> None:
    env = bot_environment(
        settings,
        "987654:NOT-THE-TOKEN",
        standin.base_url,
        settings.db_path,
        send_rate=30,
        paid=False,
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "cli.main", "run"),
        env=env,
        cwd=settings.db_path.parent,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(TIMEOUT):
        _, err = await process.communicate()
    assert process.returncode == 2
    assert "vidw-bot: Telegram refused TELEGRAM_BOT_TOKEN" in err.decode()
    assert "NOT-THE-TOKEN" not in err.decode()
    assert "Unclosed" not in err.decode()
