"""Outages: for a while, every call (or every call to some methods) fails as Telegram or the
network fails — a 5xx answer, a held request, or a connection dropped without an answer."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from telegram import Bot
from telegram.error import NetworkError
from telegram.request import HTTPXRequest

from standin.telegram import StandIn
from standin.telegram.server import DROPPED


async def test_an_unreachable_outage_drops_every_call_until_it_ends(
    bot: Bot, standin: StandIn
) -> None:
    standin.open_chats(1, 1)
    standin.outage()
    with pytest.raises(NetworkError):
        await bot.get_me()
    with pytest.raises(NetworkError):
        await bot.send_message(1, "Hello")
    standin.end_outage()
    assert (await bot.send_message(1, "Hello")).text == "Hello"
    statuses = [call.status for call in standin.calls[-3:]]
    assert statuses == [DROPPED, DROPPED, 200]


async def test_getupdates_fails_during_an_outage_too(bot: Bot, standin: StandIn) -> None:
    standin.outage("502")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.get_updates(timeout=0)


async def test_an_outage_of_one_method_leaves_the_others_answering(
    bot: Bot, standin: StandIn
) -> None:
    standin.outage("500", methods=["setMyCommands"])
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.set_my_commands([("start", "Start")])
    assert (await bot.get_me()).username == "standin_bot"


async def test_a_timed_outage_ends_by_itself(bot: Bot, standin: StandIn) -> None:
    standin.outage("502", seconds=0.3)
    with pytest.raises(NetworkError):
        await bot.get_me()
    await asyncio.sleep(0.35)
    assert (await bot.get_me()).username == "standin_bot"


async def test_a_timeout_outage_holds_calls_past_the_clients_patience(standin: StandIn) -> None:
    standin.timeout_hold = 2.0
    request = HTTPXRequest(read_timeout=0.3)
    async with Bot(standin.token, base_url=standin.base_url, request=request) as bot:
        standin.outage("timeout")
        with pytest.raises(NetworkError):
            await bot.get_me()


async def test_outages_through_the_admin_api(bot: Bot, standin: StandIn) -> None:
    async with aiohttp.ClientSession(standin.root_url) as admin:
        async with admin.post("/_standin/outage", json={"kind": "502", "seconds": 5}) as r:
            assert r.status == 200
        with pytest.raises(NetworkError):
            await bot.get_me()
        async with admin.post("/_standin/end_outage", json={}) as r:
            assert r.status == 200
        assert (await bot.get_me()).username == "standin_bot"
        async with admin.post("/_standin/outage", json={"kind": "none"}) as r:
            assert r.status == 400
