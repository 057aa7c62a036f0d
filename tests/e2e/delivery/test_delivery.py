"""The delivery engine over the stand-in: pace, faults, dedupe, cancel, restart, priority."""

from __future__ import annotations

import asyncio

from bot.outgoing import Outgoing, Text
from bot.storage import Storage
from channels.telegram.app import BotApplication
from standin.telegram import Limits, StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import delivery_of, messages_per_chat, recipients, texts, until_done

STRICT = Limits(global_rate=60, global_burst=5, chat_rate=1, chat_burst=1)


async def test_bulk_sending_keeps_the_limits_and_loses_nothing(
    start_bot: RunningBot, standin: StandIn
) -> None:
    standin.limits = STRICT
    async with start_bot(send_rate=60) as bot:
        chats = await recipients(bot, standin, 1000, 120)
        assert await delivery_of(bot).enqueue("b1", "announcement", texts("b1", chats)) == 120
        progress = await until_done(delivery_of(bot), "b1")
    assert progress.sent == 120
    assert standin.stats.too_many_requests == 0
    assert set(messages_per_chat(standin, chats).values()) == {1}
    assert standin.user(1005).messages[0].text == "Hello 1005"


async def test_several_messages_to_one_chat_are_spaced_a_second_apart(
    start_bot: RunningBot, standin: StandIn
) -> None:
    standin.limits = STRICT
    async with start_bot(send_rate=60) as bot:
        (chat,) = await recipients(bot, standin, 1200, 1)
        items = [Outgoing(chat, Text(f"part {i}"), f"parts:{i}") for i in range(3)]
        await delivery_of(bot).enqueue("parts", "announcement", items)
        await until_done(delivery_of(bot), "parts")
    assert [m.text for m in standin.user(chat).messages] == ["part 0", "part 1", "part 2"]
    assert standin.stats.too_many_requests == 0


async def test_the_same_dedupe_key_is_never_queued_twice(
    bot: BotApplication, standin: StandIn
) -> None:
    chats = await recipients(bot, standin, 1300, 10)
    delivery = delivery_of(bot)
    assert await delivery.enqueue("d", "reminder", texts("d", chats)) == 10
    assert await delivery.enqueue("d", "reminder", texts("d", chats)) == 0
    await until_done(delivery, "d")
    assert await delivery.enqueue("d", "reminder", texts("d", chats)) == 0  # also once sent
    await asyncio.sleep(0.3)
    assert set(messages_per_chat(standin, chats).values()) == {1}


async def test_a_429_storm_pauses_and_retries_the_same_messages(
    bot: BotApplication, standin: StandIn
) -> None:
    chats = await recipients(bot, standin, 1400, 20)
    standin.inject("429", method="sendMessage", times=4, retry_after=1)
    delivery = delivery_of(bot)
    await delivery.enqueue("storm", "announcement", texts("storm", chats))
    progress = await until_done(delivery, "storm")
    assert progress.sent == 20
    assert delivery.sender.stats.rate_limited == 4
    assert set(messages_per_chat(standin, chats).values()) == {1}


async def test_blocked_users_are_marked_and_skipped_afterwards(
    bot: BotApplication, standin: StandIn
) -> None:
    chats = await recipients(bot, standin, 1500, 10)
    for chat in chats[:3]:
        standin.block(chat)
    delivery = delivery_of(bot)
    await delivery.enqueue("first", "announcement", texts("first", chats))
    first = await until_done(delivery, "first")
    assert (first.sent, first.blocked) == (7, 3)
    await asyncio.sleep(0.3)  # outcomes and blocked flags are written in small batches
    users = bot.bot_data.deps.storage.users
    assert [(await users.get(c)).blocked for c in chats[:4]] == [True, True, True, False]  # type: ignore[union-attr]
    calls_before = len(standin.calls_to(chats[0], "sendMessage"))
    await delivery.enqueue("second", "announcement", texts("second", chats))
    second = await until_done(delivery, "second")
    assert (second.sent, second.blocked) == (7, 3)
    assert len(standin.calls_to(chats[0], "sendMessage")) == calls_before  # not even tried


async def test_server_errors_are_retried_with_backoff_then_given_up(
    start_bot: RunningBot, standin: StandIn
) -> None:
    async with start_bot(retry_backoff=0.05, send_attempts=4) as bot:
        flaky, dead, fine = await recipients(bot, standin, 1600, 3)
        standin.inject("500", method="sendMessage", chat_id=flaky, times=2)
        standin.inject("502", method="sendMessage", chat_id=dead, times=100)
        delivery = delivery_of(bot)
        await delivery.enqueue("x", "announcement", texts("x", [flaky, dead, fine]))
        progress = await until_done(delivery, "x")
    assert (progress.sent, progress.failed) == (2, 1)
    assert len(standin.calls_to(flaky, "sendMessage")) == 3
    assert len(standin.calls_to(dead, "sendMessage")) == 4  # the bounded number of attempts
    assert len(standin.user(dead).messages) == 0


async def test_a_timeout_is_retried(start_bot: RunningBot, standin: StandIn) -> None:
    standin.timeout_hold = 8.0  # longer than the client's 5 s read timeout
    async with start_bot(retry_backoff=0.05) as bot:
        (chat,) = await recipients(bot, standin, 1700, 1)
        standin.inject("timeout", method="sendMessage", chat_id=chat)
        await delivery_of(bot).enqueue("t", "announcement", texts("t", [chat]))
        progress = await until_done(delivery_of(bot), "t", timeout=30)
    assert progress.sent == 1
    assert len(standin.user(chat).messages) == 1


async def test_chat_not_found_fails_at_once(bot: BotApplication, standin: StandIn) -> None:
    (chat,) = await recipients(bot, standin, 1800, 1)
    standin.inject("400_chat_not_found", method="sendMessage", chat_id=chat)
    await delivery_of(bot).enqueue("nf", "announcement", texts("nf", [chat]))
    progress = await until_done(delivery_of(bot), "nf")
    assert progress.failed == 1
    assert len(standin.calls_to(chat, "sendMessage")) == 1


async def test_a_batch_can_be_cancelled_half_way(start_bot: RunningBot, standin: StandIn) -> None:
    async with start_bot(send_rate=10) as bot:
        chats = await recipients(bot, standin, 1900, 40)
        delivery = delivery_of(bot)
        await delivery.enqueue("c", "announcement", texts("c", chats))
        async with asyncio.timeout(10):
            while (await delivery.progress("c")).sent < 5:
                await asyncio.sleep(0.05)
        cancelled = await delivery.cancel("c")
        progress = await until_done(delivery, "c")
        await asyncio.sleep(0.5)
    assert cancelled > 20
    assert progress.cancelled == cancelled
    assert progress.sent + progress.cancelled == 40
    assert sum(messages_per_chat(standin, chats).values()) == progress.sent


async def test_pending_and_in_flight_items_survive_a_restart(
    start_bot: RunningBot, standin: StandIn, settings_path_db: None = None
) -> None:
    async with start_bot() as bot:
        chats = await recipients(bot, standin, 2000, 12)
        db_path = bot.bot_data.deps.settings.db_path
    # While the bot is down: items are queued, and some look in flight (a crash mid-send).
    storage = await Storage.open(db_path)
    try:
        from tests.conftest import at

        await storage.outbox.enqueue(
            "r", "announcement", texts("r", chats), at("2025-10-27T09:00+07:00")
        )
        await storage.db.write("UPDATE outbox SET status = 'sending' WHERE id % 3 = 0")
        in_flight = await storage.outbox.by_status("sending")
    finally:
        await storage.close()
    async with start_bot() as bot:
        progress = await until_done(delivery_of(bot), "r")
        assert bot.bot_data.deps.delivery.sender.stats.recovered == in_flight > 0
    assert progress.sent == 12
    assert set(messages_per_chat(standin, chats).values()) == {1}


async def test_replies_keep_priority_while_a_broadcast_runs(
    start_bot: RunningBot, standin: StandIn
) -> None:
    standin.limits = Limits(global_rate=20, global_burst=3, chat_rate=1, chat_burst=3)
    async with start_bot(send_rate=20) as bot:
        chats = await recipients(bot, standin, 2100, 80)
        delivery = delivery_of(bot)
        await delivery.enqueue("big", "announcement", texts("big", chats))
        await asyncio.sleep(0.5)
        attendee = standin.user(2999, language_code="en")
        reply = await attendee.ask("/schedule", timeout=3)
        progress = await delivery.progress("big")
        assert "Programme" in reply.text
        assert progress.unsent > 40  # answered long before the broadcast finished
        assert progress.eta_seconds > 1
        await delivery.cancel("big")
    assert standin.stats.too_many_requests == 0


async def test_polls_and_buttons_go_out_and_report_their_ids(
    bot: BotApplication, standin: StandIn
) -> None:
    from bot.outgoing import Poll, Receipt
    from bot.storage.outbox import OutboxItem
    from bot.ui.model import Button, PollRequest

    (chat,) = await recipients(bot, standin, 2200, 1)
    receipts: list[tuple[str, Receipt]] = []

    async def remember(item: OutboxItem, receipt: Receipt) -> None:
        receipts.append((item.kind, receipt))

    delivery = delivery_of(bot)
    delivery.sender.hooks["poll"] = remember
    stars = ("5", "4", "3", "2", "1")
    question = Poll(PollRequest("test", "q", "en", "How was the roundtable?", stars, stars))
    card = Text("<b>Reminder</b>", ((Button("Open", "s:AIGOV"),),))
    await delivery.enqueue("p", "poll", [Outgoing(chat, question, "p:1")])
    await delivery.enqueue("k", "reminder", [Outgoing(chat, card, "k:1")])
    await until_done(delivery, "p")
    await until_done(delivery, "k")
    poll_message, reminder = standin.user(chat).messages
    assert poll_message.poll is not None and poll_message.poll["is_anonymous"] is False
    assert [o["text"] for o in poll_message.poll["options"]] == ["5", "4", "3", "2", "1"]
    assert receipts == [("poll", Receipt(poll_message.message_id, poll_message.poll["id"]))]
    assert reminder.text == "Reminder" and reminder.buttons == [[("Open", "s:AIGOV")]]
