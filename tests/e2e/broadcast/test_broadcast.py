"""Organizer broadcasts over the stand-in: audiences, languages, preview, progress, refusals."""

from __future__ import annotations

import asyncio

from standin.telegram import ChatMessage, SimUser, StandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import until_done

ORGANIZER = 700
TIMEOUT = 10.0


async def people(standin: StandIn) -> dict[str, list[SimUser]]:
    """Two attendees per language who talked to the bot."""
    groups: dict[str, list[SimUser]] = {}
    for i, lang in enumerate(("vi", "vi", "en", "en", "fr", "fr")):
        user = standin.user(710 + i, language_code=lang)
        await user.ask("/start")
        groups.setdefault(lang, []).append(user)
    return groups


def last_text(user: SimUser) -> str:
    return user.messages[-1].text or ""


async def write(organizer: SimUser, text: str) -> ChatMessage:
    """Send the text; the bot answers with previews, then the summary (the last message)."""
    mark = organizer.seq
    await organizer.send(text)
    return await organizer.wait_for(is_summary, since=mark, timeout=TIMEOUT)


def is_summary(message: ChatMessage) -> bool:
    """The decision screen, in any language: it offers the versions per language."""
    return any((data or "").startswith("bcv:") for row in message.buttons for _, data in row)


async def test_everyone_gets_the_one_text_and_the_progress_ends_in_a_report(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        groups = await people(standin)
        audiences = await organizer.ask("/broadcast")
        assert "Everyone (7)" in audiences.labels  # the organizer is an attendee too
        prompt = await organizer.press(audiences, "Everyone (7)")
        assert "It goes to every attendee" in prompt.text
        summary = await write(organizer, "Shuttle buses to Hanoi leave at 17:30 from Gate B.")
        preview = organizer.messages[-2]
        assert preview.text == "Shuttle buses to Hanoi leave at 17:30 from Gate B."
        assert "Recipients in all: 7" in summary.text
        progress = await organizer.press(summary, "✅ Send to 7")
        assert "Announcement #1" in progress.text
        await until_done(bot.bot_data.deps.delivery, "broadcast:1")
        report = await organizer.wait_for(
            lambda m: "delivered" in (m.text or ""), since=0, timeout=TIMEOUT
        )
        assert "Sent: 7" in report.text and report.message_id == progress.message_id
        history = await organizer.ask("/broadcasts")
        assert "#1" in history.text and "sent 7, failed 0, blocked 0, left 0" in history.text
    for user in [u for group in groups.values() for u in group]:
        assert last_text(user) == preview.text  # delivered exactly as previewed


async def test_per_language_texts_with_a_default(start_bot: RunningBot, standin: StandIn) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        groups = await people(standin)
        prompt = await organizer.press(await organizer.ask("/broadcast"), "Everyone (7)")
        versions = await organizer.press(prompt, "🌐 One text per language")
        await organizer.press(versions, "✏️ 🇻🇳 Tiếng Việt")
        summary = await write(organizer, "Xe buýt đi Hà Nội khởi hành lúc 17:30.")
        # English is the default (the organizer's language) and has no text yet.
        assert "No text for" in summary.text and "✅ Send to 7" not in summary.labels
        versions = await organizer.press(summary, "🌐 Versions per language")
        await organizer.press(versions, "✏️ 🇬🇧 English")
        summary = await write(organizer, "Buses to Hanoi leave at 17:30.")
        await organizer.press(summary, "✅ Send to 7")
        await until_done(bot.bot_data.deps.delivery, "broadcast:1")
    assert all(last_text(u) == "Xe buýt đi Hà Nội khởi hành lúc 17:30." for u in groups["vi"])
    assert all(
        last_text(u) == "Buses to Hanoi leave at 17:30." for u in groups["en"] + groups["fr"]
    )


async def test_audiences_pick_exactly_the_right_people(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="fr")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        groups = await people(standin)
        follower = groups["en"][0]
        card = await follower.ask("/start s_AIGOV")
        await follower.press(card, data="F:AIGOV")
        flow = bot.bot_data.deps.broadcasting
        store = bot.bot_data.deps.storage.broadcasts
        session = bot.bot_data.deps.navigator.schedule.session("AIGOV")
        assert session is not None and session.track is not None
        by_lang = await store.recipients("lang:fr")
        by_session = await store.recipients(f"session:{session.guid}|{session.track.slug}")
        by_theme = await store.recipients(f"theme:{session.track.slug}")
        assert {u for u, _ in by_lang} == {u.id for u in groups["fr"]}
        assert {u for u, _ in by_session} == {follower.id}
        assert by_theme == []
        # Through the screens: the session audience.
        audiences = await organizer.ask("/broadcast")
        days = await organizer.press(audiences, "Abonnés d’une session")
        day = await organizer.press(days, days.labels[0])
        prompt = await organizer.press(day, next(label for label in day.labels if "10:30" in label))
        assert "les abonnés de" in prompt.text
        summary = await write(organizer, "La table ronde commence avec dix minutes de retard.")
        assert "Destinataires au total\u00a0: 1" in summary.text
        await organizer.press(summary, "✅ Envoyer (destinataires\u00a0: 1)")
        await until_done(bot.bot_data.deps.delivery, "broadcast:1")
        assert flow is not None
    assert last_text(follower) == "La table ronde commence avec dix minutes de retard."
    assert all("retard" not in last_text(u) for u in groups["vi"] + groups["fr"])


async def test_attendees_and_forged_buttons_are_refused_and_nothing_is_queued(
    start_bot: RunningBot, standin: StandIn
) -> None:
    attendee = standin.user(720, language_code="en")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        refusal = await attendee.ask("/broadcast")
        assert refusal.text == "Sorry, this is only for the organizers of the event."
        assert (await attendee.ask("/broadcasts")).text == refusal.text
        for forged in ("bc", "bca:0", "bca:1", "bcy:1", "bcn:1", "bcv:1", "bcw:1:0", "bcs:AIGOV"):
            screen = await attendee.press(await attendee.ask("/help"), data=forged)
            assert screen.text == refusal.text
        # Text from an attendee is never taken as an announcement.
        search = await attendee.ask("Shuttle buses")
        assert "found" in search.text
        assert await bot.bot_data.deps.storage.broadcasts.recent() == []
        assert (await bot.bot_data.deps.storage.broadcasts.get(1)) is None


async def test_cancel_half_way_and_blocked_users_are_counted(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(organizers=frozenset({ORGANIZER}), send_rate=4) as bot:
        crowd = [standin.user(730 + i, language_code="en") for i in range(24)]
        for user in crowd:
            await user.ask("/start")
        standin.block(730)
        await organizer.press(await organizer.ask("/broadcast"), "Everyone (25)")
        summary = await write(organizer, "Lunch is served in Hall B.")
        progress = await organizer.press(summary, "✅ Send to 25")
        async with asyncio.timeout(TIMEOUT):
            while (await bot.bot_data.deps.delivery.progress("broadcast:1")).sent < 4:
                await asyncio.sleep(0.05)
        stopped = await organizer.press(progress, "⏹ Stop sending")
        assert "cancelled" in stopped.text
        final = await until_done(bot.bot_data.deps.delivery, "broadcast:1")
        history = await organizer.ask("/broadcasts")
    assert final.cancelled > 5
    assert final.blocked == 1
    assert final.sent + final.cancelled + final.blocked + final.failed == 25
    lunch = "Lunch is served in Hall B."
    received = [u for u in [*crowd, organizer] if any(m.text == lunch for m in u.messages)]
    assert len(received) == final.sent
    assert "cancelled" in history.text and f"sent {final.sent}" in history.text


async def test_a_broadcast_survives_a_restart(start_bot: RunningBot, standin: StandIn) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    crowd = [standin.user(760 + i, language_code="vi") for i in range(15)]
    async with start_bot(organizers=frozenset({ORGANIZER}), send_rate=5) as bot:
        for user in crowd:
            await user.ask("/start")
        await organizer.press(await organizer.ask("/broadcast"), "Everyone (16)")
        summary = await write(organizer, "Hẹn gặp lại tại Hà Nội!")
        await organizer.press(summary, "✅ Send to 16")
        async with asyncio.timeout(TIMEOUT):
            while (await bot.bot_data.deps.delivery.progress("broadcast:1")).sent < 3:
                await asyncio.sleep(0.05)
    async with start_bot(organizers=frozenset({ORGANIZER}), send_rate=30) as bot:
        final = await until_done(bot.bot_data.deps.delivery, "broadcast:1")
        history = await organizer.ask("/broadcasts")
    assert final.sent == 16
    assert all(last_text(u) == "Hẹn gặp lại tại Hà Nội!" for u in crowd)
    assert "sent 16, failed 0, blocked 0, left 0" in history.text


async def test_an_announcement_with_a_photo(start_bot: RunningBot, standin: StandIn) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        attendee = standin.user(780, language_code="vi")
        await attendee.ask("/start")
        await organizer.press(await organizer.ask("/broadcast"), "Everyone (2)")
        mark = organizer.seq
        await standin.user_sends_photo(ORGANIZER, b"\xff\xd8 map of the venue", "Map of Hall B")
        summary = await organizer.wait_for(is_summary, since=mark, timeout=TIMEOUT)
        preview = organizer.messages[-2]
        assert preview.photo == b"\xff\xd8 map of the venue" and preview.caption == "Map of Hall B"
        await organizer.press(summary, "✅ Send to 2")
        await until_done(bot.bot_data.deps.delivery, "broadcast:1")
        # A photo from an attendee is not taken as anything.
        mark = attendee.seq
        await standin.user_sends_photo(780, b"\xff\xd8 selfie", "hello")
        reply = await attendee.wait_for(lambda m: m.photo is None, since=mark, timeout=TIMEOUT)
    received = next(m for m in attendee.messages if m.photo is not None)
    assert received.photo == b"\xff\xd8 map of the venue" and received.caption == "Map of Hall B"
    assert "Hệ thống chỉ đọc được tin nhắn văn bản" in (reply.text or "")
