"""The Zalo stand-in driven over real HTTP by a plain aiohttp client playing the bot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from standin.zalo import ZaloMessage, ZaloStandIn
from standin.zalo.ratelimit import MessageRate

JSONDict = dict[str, Any]
Call = Callable[..., Awaitable[tuple[int, JSONDict]]]
LAN = "8123456789012345678"
MINH = "8123456789012345679"
SECRET = "s3cret-token"
SECRET_HEADER = "X-Bot-Api-Secret-Token"  # Zalo's header name, not imported: a test of it


@pytest.fixture
async def zalo() -> AsyncIterator[ZaloStandIn]:
    async with ZaloStandIn() as stand_in:
        yield stand_in


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
def call(zalo: ZaloStandIn, session: aiohttp.ClientSession) -> Call:
    """POST a method as the bot does; returns (HTTP status, JSON body)."""

    async def post(method: str, token: str | None = None, **params: Any) -> tuple[int, JSONDict]:
        url = f"{zalo.base_url}/bot{token or zalo.token}/{method}"
        async with session.post(url, json=params) as response:
            return response.status, await response.json()

    return post


async def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:  # noqa: ASYNC109
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


# -- calls, tokens, getMe ------------------------------------------------------------------


async def test_get_me_with_the_token_and_refusals_without(zalo: ZaloStandIn, call: Call) -> None:
    status, body = await call("getMe")
    assert status == 200 and body["ok"] is True
    assert set(body["result"]) == {"id", "account_name", "account_type", "can_join_groups"}
    assert isinstance(body["result"]["id"], str)

    status, body = await call("getMe", token="1:wrong")
    assert (status, body["ok"], body["error_code"]) == (401, False, 401)
    status, body = await call("answerCallbackQuery")  # Zalo has no buttons
    assert (status, body["error_code"]) == (404, 404)
    assert [c.status for c in zalo.calls] == [200, 401, 404]


async def test_a_body_that_is_not_a_json_object_is_a_bad_request(
    zalo: ZaloStandIn, session: aiohttp.ClientSession
) -> None:
    url = f"{zalo.base_url}/bot{zalo.token}/getMe"
    async with session.post(url, data=b"[1, 2]") as response:
        assert response.status == 400
        assert (await response.json())["error_code"] == 400


# -- getUpdates ------------------------------------------------------------------------------


async def test_get_updates_returns_one_update_per_call_in_order(
    zalo: ZaloStandIn, call: Call
) -> None:
    lan = zalo.user(LAN, name="Lan")
    before = time.time() * 1000
    await lan.send("xin chào")
    await lan.send("lịch")
    assert zalo.pending == 2

    first = (await call("getUpdates", timeout=1))[1]["result"]
    second = (await call("getUpdates", timeout=1))[1]["result"]
    assert zalo.pending == 0
    assert isinstance(first, dict)  # one update, not a list
    assert (first["message"]["text"], second["message"]["text"]) == ("xin chào", "lịch")
    assert first["event_name"] == "message.text.received"
    assert "update_id" not in first
    message = first["message"]
    assert message["from"] == {"id": LAN, "display_name": "Lan"}
    assert message["chat"] == {"id": LAN, "chat_type": "PRIVATE"}
    assert isinstance(message["message_id"], str)
    assert message["message_id"] != second["message"]["message_id"]
    assert isinstance(message["date"], int)
    assert before - 1000 <= message["date"] <= time.time() * 1000 + 1000  # milliseconds


async def test_get_updates_answers_408_when_nothing_arrives(call: Call) -> None:
    status, body = await call("getUpdates", timeout=0)
    assert (status, body["ok"], body["error_code"]) == (408, False, 408)
    started = time.monotonic()
    status, _ = await call("getUpdates", timeout="0.3")  # clients send it as a string too
    assert status == 408
    assert time.monotonic() - started >= 0.25  # it did wait


async def test_a_waiting_poll_gets_an_update_sent_meanwhile(zalo: ZaloStandIn, call: Call) -> None:
    poll = asyncio.create_task(call("getUpdates", timeout=5))
    async with asyncio.timeout(5):
        await zalo.until_polling()
    await zalo.user(LAN).send("hello")
    status, body = await poll
    assert (status, body["result"]["message"]["text"]) == (200, "hello")


async def test_concurrent_polls_each_get_a_different_update(zalo: ZaloStandIn, call: Call) -> None:
    polls = [asyncio.create_task(call("getUpdates", timeout=5)) for _ in range(3)]
    lan = zalo.user(LAN)
    for text in ("a", "b", "c"):
        await lan.send(text)
    texts = sorted([body["result"]["message"]["text"] for _, body in await asyncio.gather(*polls)])
    assert texts == ["a", "b", "c"]


async def test_a_poll_abandoned_by_its_client_takes_no_update(
    zalo: ZaloStandIn, session: aiohttp.ClientSession, call: Call
) -> None:
    url = f"{zalo.base_url}/bot{zalo.token}/getUpdates"
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.2):
            await session.post(url, json={"timeout": 30})
    # The server notices the closed connection a moment later and cancels that poll.
    await wait_until(lambda: zalo.polls_waiting == 0)
    await zalo.user(LAN).send("still here")
    status, body = await call("getUpdates", timeout=2)
    assert (status, body["result"]["message"]["text"]) == (200, "still here")


@pytest.mark.parametrize("name_field", ["display_name", "name", "first_name"])
async def test_the_user_name_goes_under_the_chosen_field(
    zalo: ZaloStandIn, call: Call, name_field: Any
) -> None:
    await zalo.user(LAN, name="Lan", name_field=name_field).send("hi")
    update = (await call("getUpdates", timeout=1))[1]["result"]
    assert update["message"]["from"] == {"id": LAN, name_field: "Lan"}


async def test_image_sticker_and_unsupported_events(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN)
    await lan.send_image("https://example.org/badge.jpg", caption="my badge")
    await lan.send_image("https://example.org/plain.jpg")
    await lan.send_sticker()
    await lan.send_unsupported()
    updates = [(await call("getUpdates", timeout=1))[1]["result"] for _ in range(4)]
    assert [u["event_name"] for u in updates] == [
        "message.image.received",
        "message.image.received",
        "message.sticker.received",
        "message.unsupported.received",
    ]
    image, plain, sticker, unsupported = (u["message"] for u in updates)
    assert (image["photo"], image["caption"]) == ("https://example.org/badge.jpg", "my badge")
    assert "caption" not in plain and "text" not in image
    assert isinstance(sticker["sticker"], str) and sticker["sticker"]
    assert set(unsupported) == {"message_id", "from", "chat", "date"}


# -- sending ---------------------------------------------------------------------------------


async def test_send_message_reaches_the_chat(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN)
    await lan.send("hi")
    status, body = await call("sendMessage", chat_id=LAN, text="Chào Lan")
    assert status == 200
    result = body["result"]
    assert set(result) == {"message_id", "date"}
    assert isinstance(result["message_id"], str) and isinstance(result["date"], int)
    sent = ZaloMessage("Chào Lan", None, None, result["message_id"], result["date"])
    assert lan.messages == [sent]
    assert lan.seq == 1
    assert zalo.calls_to(LAN, "sendMessage")[0].params == {"chat_id": LAN, "text": "Chào Lan"}
    method, params = zalo.calls[-1]  # a (method, params) pair
    assert (method, params["text"]) == ("sendMessage", "Chào Lan")


async def test_text_must_be_1_to_2000_characters(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN, has_written=True)
    assert (await call("sendMessage", chat_id=LAN, text="ữ" * 2000))[0] == 200
    for text in ("ữ" * 2001, ""):
        status, body = await call("sendMessage", chat_id=LAN, text=text)
        assert (status, body["error_code"]) == (400, 400)
        assert "2000" in body["description"]
    assert len(lan.messages) == 1


async def test_send_photo_and_chat_action(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN, has_written=True)
    url = "https://example.org/map.png"
    status, body = await call("sendPhoto", chat_id=LAN, photo=url, caption="Hall B")
    assert status == 200 and set(body["result"]) == {"message_id", "date"}
    assert (lan.messages[0].photo, lan.messages[0].caption, lan.messages[0].text) == (
        url,
        "Hall B",
        "",
    )
    assert (await call("sendPhoto", chat_id=LAN, photo="map.png"))[0] == 400
    status, body = await call("sendChatAction", chat_id=LAN, action="typing")
    assert (status, body["result"]) == (200, True)
    assert (await call("sendChatAction", chat_id=LAN, action="upload_photo"))[0] == 400
    assert lan.seq == 1


async def test_sends_to_unknown_or_silent_users_or_numeric_ids_fail(
    zalo: ZaloStandIn, call: Call
) -> None:
    zalo.user(MINH)  # exists, but never wrote to the bot
    for chat_id in ("999", MINH):
        status, body = await call("sendMessage", chat_id=chat_id, text="hi")
        assert status == 400 and "not found" in body["description"].lower()
    await zalo.user(LAN).send("hi")
    status, body = await call("sendMessage", chat_id=int(LAN), text="hi")
    assert status == 400 and "string" in body["description"]


async def test_a_user_who_blocked_the_bot_gets_nothing(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN, has_written=True)
    zalo.block(LAN)
    sends = (("sendMessage", {"text": "hi"}), ("sendChatAction", {"action": "typing"}))
    for method, extra in sends:
        status, body = await call(method, chat_id=LAN, **extra)
        assert (status, body["error_code"]) == (403, 403)
    assert lan.messages == []
    zalo.unblock(LAN)
    assert (await call("sendMessage", chat_id=LAN, text="hi"))[0] == 200


# -- a user waiting for the bot ----------------------------------------------------------------


async def echo_bot(call: Call, replies: int) -> None:
    """Poll and answer each text with two messages: the echo, then "done"."""
    for _ in range(replies):
        status, body = await call("getUpdates", timeout=5)
        assert status == 200
        message = body["result"]["message"]
        await call("sendMessage", chat_id=message["chat"]["id"], text=f"echo {message['text']}")
        await call("sendMessage", chat_id=message["chat"]["id"], text="done")


async def test_ask_returns_the_first_reply_and_wait_for_finds_a_later_one(
    zalo: ZaloStandIn, call: Call
) -> None:
    bot = asyncio.create_task(echo_bot(call, replies=2))
    lan = zalo.user(LAN)
    assert (await lan.ask("lịch")).text == "echo lịch"
    since = lan.seq
    await lan.send("1")
    done = await lan.wait_for(lambda m: m.text == "done", since=since)
    assert done is lan.messages[-1]
    await bot
    assert [m.text for m in lan.messages] == ["echo lịch", "done", "echo 1", "done"]


async def test_wait_for_times_out_with_what_the_bot_did(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN, has_written=True)
    zalo.block(LAN)
    await call("sendMessage", chat_id=LAN, text="hi")
    with pytest.raises(TimeoutError, match="sendMessage -> 403"):
        await lan.wait_for(timeout=0.1, since=0)


# -- webhook ---------------------------------------------------------------------------------


@dataclass
class Receiver:
    """A bot's webhook endpoint on loopback: records posts, answers the statuses queued."""

    url: str = ""
    posts: list[tuple[dict[str, str], JSONDict]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answered in turn, then 200
    release: asyncio.Event | None = None  # when given, each post waits for it before answering


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    seen = Receiver()

    async def handle(request: web.Request) -> web.Response:
        seen.posts.append((dict(request.headers), await request.json()))
        if seen.release is not None:
            await seen.release.wait()
        return web.Response(status=seen.statuses.pop(0) if seen.statuses else 200)

    app = web.Application()
    app.router.add_post("/zalo", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    seen.url = f"http://127.0.0.1:{runner.addresses[0][1]}/zalo"
    yield seen
    if seen.release is not None:
        seen.release.set()
    await runner.cleanup()


@pytest.mark.parametrize("wrap", [False, True])
async def test_webhook_posts_each_update_with_the_secret(
    zalo: ZaloStandIn, call: Call, receiver: Receiver, wrap: bool
) -> None:
    zalo.wrap_webhook = wrap
    status, body = await call("setWebhook", url=receiver.url, secret_token=SECRET)
    assert status == 200 and body["result"]["url"] == receiver.url
    assert (zalo.webhook_url, zalo.webhook_secret) == (receiver.url, SECRET)
    info = (await call("getWebhookInfo"))[1]["result"]
    assert info["url"] == receiver.url and isinstance(info["updated_at"], int)

    lan = zalo.user(LAN)
    await lan.send("one")
    await lan.send("two")
    await wait_until(lambda: len(receiver.posts) == 2)
    headers, first = receiver.posts[0]
    assert headers[SECRET_HEADER] == SECRET
    updates = [b["result"] if wrap else b for _, b in receiver.posts]
    if wrap:
        assert first["ok"] is True
    assert [u["message"]["text"] for u in updates] == ["one", "two"]
    assert updates[0]["event_name"] == "message.text.received"
    assert zalo.pending == 0 and zalo.webhook.delivered == 2


async def test_get_updates_is_refused_while_a_webhook_is_set(
    zalo: ZaloStandIn, call: Call, receiver: Receiver
) -> None:
    waiting = asyncio.create_task(call("getUpdates", timeout=5))
    async with asyncio.timeout(5):
        await zalo.until_polling()
    await call("setWebhook", url=receiver.url, secret_token=SECRET)
    status, body = await waiting  # the poll in progress is refused too
    assert status == 409 and "webhook" in body["description"]
    assert (await call("getUpdates", timeout=0))[0] == 409

    await call("deleteWebhook")
    assert (await call("getWebhookInfo"))[1]["result"]["url"] == ""
    await zalo.user(LAN).send("back to polling")
    status, body = await call("getUpdates", timeout=1)
    assert (status, body["result"]["message"]["text"]) == (200, "back to polling")


async def test_set_webhook_checks_the_secret_and_the_host(
    zalo: ZaloStandIn, call: Call, receiver: Receiver
) -> None:
    for params in (
        {"url": receiver.url, "secret_token": "short"},
        {"url": receiver.url, "secret_token": "x" * 257},
        {"url": receiver.url},
        {"url": "https://example.org/zalo", "secret_token": SECRET},
        {"url": "ftp://127.0.0.1/zalo", "secret_token": SECRET},
    ):
        assert (await call("setWebhook", **params))[0] == 400, params
    assert zalo.webhook_url == ""


async def test_a_failed_webhook_post_is_retried_then_dropped(
    zalo: ZaloStandIn, call: Call, receiver: Receiver
) -> None:
    await call("setWebhook", url=receiver.url, secret_token=SECRET)
    lan = zalo.user(LAN)
    receiver.statuses = [500, 503]  # two failures, then the bot is back
    await lan.send("retried")
    await wait_until(lambda: zalo.webhook.delivered == 1)
    assert [b["message"]["text"] for _, b in receiver.posts] == ["retried"] * 3

    receiver.statuses = [500] * 10
    await lan.send("lost")
    await wait_until(lambda: zalo.webhook.dropped == 1)
    assert len(receiver.posts) == 3 + 4  # four tries within a second, then given up
    assert zalo.pending == 0 and "500" in str(zalo.webhook.last_error)


async def test_delete_webhook_during_a_post_keeps_the_update(
    zalo: ZaloStandIn, call: Call, receiver: Receiver
) -> None:
    await call("setWebhook", url=receiver.url, secret_token=SECRET)
    receiver.release = asyncio.Event()  # the bot holds the post: it is in flight
    await zalo.user(LAN).send("keep me")
    await wait_until(lambda: len(receiver.posts) == 1)
    assert zalo.pending == 1  # being posted still counts as pending
    await call("deleteWebhook")
    status, body = await call("getUpdates", timeout=1)
    assert (status, body["result"]["message"]["text"]) == (200, "keep me")
    assert zalo.webhook.dropped == 0


# -- faults and the rate limit ---------------------------------------------------------------


async def test_injected_faults_answer_then_wear_off(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN, has_written=True)
    zalo.fail("sendMessage", 500, times=2)
    zalo.fail("getUpdates", 502, description="upstream down")
    zalo.fail("sendMessage", 429)
    statuses = [(await call("sendMessage", chat_id=LAN, text="hi"))[0] for _ in range(4)]
    assert statuses == [500, 500, 429, 200]
    assert len(lan.messages) == 1
    status, body = await call("getUpdates", timeout=0)
    assert (status, body["description"]) == (502, "upstream down")
    assert (await call("getUpdates", timeout=0))[0] == 408
    too_many = zalo.calls_to(LAN, "sendMessage")[2]
    assert too_many.status == 429


async def test_429_has_no_retry_hint(zalo: ZaloStandIn, call: Call) -> None:
    zalo.user(LAN, has_written=True)
    zalo.fail("sendMessage", 429)
    _, body = await call("sendMessage", chat_id=LAN, text="hi")
    assert set(body) == {"ok", "error_code", "description"}


async def test_the_rate_limit_answers_429_beyond_it(zalo: ZaloStandIn, call: Call) -> None:
    lan = zalo.user(LAN, has_written=True)
    assert (await call("sendMessage", chat_id=LAN, text="free"))[0] == 200  # off by default
    zalo.rate_limit = 1  # one a second: the second of two back-to-back sends is refused
    first = await call("sendMessage", chat_id=LAN, text="1")
    second = await call("sendMessage", chat_id=LAN, text="2")
    assert first[0] == 200 and second[0] == 429
    assert set(second[1]) == {"ok", "error_code", "description"}
    assert [m.text for m in lan.messages] == ["free", "1"]


def test_the_message_rate_refills_over_time() -> None:
    rate = MessageRate(2)  # a bucket of 2, regaining 2 a second
    assert [rate.admit(10.0) for _ in range(3)] == [True, True, False]
    assert rate.admit(10.4) is False  # 0.8 of a token
    assert rate.admit(10.5) is True
    assert all(MessageRate(None).admit(0.0) for _ in range(100))
    with pytest.raises(ValueError):
        MessageRate(0)


async def test_stop_releases_a_waiting_poll(session: aiohttp.ClientSession) -> None:
    zalo = ZaloStandIn()
    await zalo.start()
    url = f"{zalo.base_url}/bot{zalo.token}/getUpdates"
    poll = asyncio.create_task(session.post(url, json={"timeout": 30}))
    async with asyncio.timeout(5):
        await zalo.until_polling()
        await zalo.stop()
        response = await poll
    assert response.status == 408
