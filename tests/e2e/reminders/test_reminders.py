"""Reminders over the stand-in with a moved clock: on time, in the user's language, once."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from bot.clock import Clock
from bot.features.reminders.planner import MISSED
from bot.programme.loader import load_schedule
from standin.telegram import ChatMessage, SimUser
from tests.conftest import SCHEDULE, at
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import until_done

TIMEOUT = 10.0


def is_reminder(message: ChatMessage) -> bool:
    return (message.text or "").startswith("⏰")


async def follow(user: SimUser, key: str) -> None:
    card = await user.ask(f"/start s_{key}")
    await user.press(card, data=f"F:{key}")


def guid_of(key: str) -> str:
    session = load_schedule(SCHEDULE).session(key)
    assert session is not None
    return session.guid


async def test_a_follower_is_reminded_at_the_lead_time_in_their_language(
    start_bot: RunningBot,
    standin,
    clock: Clock,  # type: ignore[no-untyped-def]
) -> None:
    vi, fr = standin.user(400, language_code="vi"), standin.user(401, language_code="fr")
    async with start_bot():
        await follow(vi, "AITAL")
        await follow(fr, "AITAL")
    marks = vi.seq, fr.seq
    due = at("2025-10-27T13:15:00+07:00")  # AITAL starts 13:30; default lead 15 minutes
    clock.set(at("2025-10-27T13:14:58.5+07:00"))
    async with start_bot():
        in_vi = await vi.wait_for(is_reminder, since=marks[0], timeout=TIMEOUT)
        arrived = clock.now()
        in_fr = await fr.wait_for(is_reminder, since=marks[1], timeout=TIMEOUT)
    assert arrived >= due
    assert "Còn 15 phút nữa là bắt đầu" in in_vi.text
    assert "Đào tạo nhân tài trí tuệ nhân tạo" in in_vi.text
    assert "Ninh Bình — Hội trường A" in in_vi.text
    assert "Commence dans 15\u00a0minutes" in in_fr.text
    assert "Lundi 27 octobre 2025" in in_fr.text
    assert in_fr.buttons == [[("Ouvrir la session", "s:AITAL")]]


async def test_the_featured_roundtable_reminds_everyone_who_did_not_opt_out(
    start_bot: RunningBot,
    standin,
    clock: Clock,  # type: ignore[no-untyped-def]
) -> None:
    plain = standin.user(410, language_code="vi")
    no_highlights = standin.user(411, language_code="en")
    silenced = standin.user(412, language_code="fr")
    async with start_bot():
        await plain.ask("/start")
        await no_highlights.press(await no_highlights.ask("/reminders"), data="Rf:0")
        await follow(silenced, "AIGOV")
        await silenced.press(await silenced.ask("/reminders"), data="Re:0")
    mark = plain.seq
    clock.set(at("2025-10-27T10:14:58.5+07:00"))
    async with start_bot() as bot:
        reminder = await plain.wait_for(is_reminder, since=mark, timeout=TIMEOUT)
        progress = await until_done(bot.bot_data.deps.delivery, f"reminder:{guid_of('AIGOV')}")
    assert "⭐ " in reminder.text and "Hội nghị bàn tròn cấp Bộ trưởng" in reminder.text
    assert progress.total == 1  # only the one who follows nothing but kept highlights on
    assert not any(is_reminder(m) for m in no_highlights.messages + silenced.messages)


async def test_a_followed_theme_covers_a_session_added_later(
    start_bot: RunningBot,
    standin,
    clock: Clock,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    schedule = load_schedule(SCHEDULE)
    five_g = next(t for t in schedule.tracks if t.slug == "5g")
    user = standin.user(420, language_code="en")
    async with start_bot():
        theme = await user.press(await user.ask("/start"), data=f"t:{five_g.index}:0")
        await user.press(theme, "🔔 Follow this theme")
    document = json.loads(SCHEDULE.read_text("utf-8"))
    day_one = document["schedule"]["conference"]["days"][0]["rooms"]
    template = day_one["Ninh Binh — Hall B"][0]
    added = {
        **template,
        "guid": str(uuid.uuid4()),
        "id": 9999,
        "code": "LATE5G",
        "slug": "late-5g",
        "title": "5G late addition",
        "track": "5G",
        "date": "2025-10-27T17:00:00+07:00",
        "start": "17:00",
        "duration": "00:45",
    }
    day_one["Ninh Binh — Hall B"].append(added)
    changed = tmp_path / "schedule.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    mark = user.seq
    clock.set(at("2025-10-27T16:44:58.5+07:00"))
    async with start_bot(schedule_path=changed):
        reminder = await user.wait_for(is_reminder, since=mark, timeout=TIMEOUT)
    assert "5G late addition" in reminder.text
    assert "Starts in 15 minutes" in reminder.text


async def test_a_reminder_due_while_the_bot_was_down_is_sent_if_the_session_has_not_started(
    start_bot: RunningBot,
    standin,
    clock: Clock,  # type: ignore[no-untyped-def]
) -> None:
    user = standin.user(430, language_code="en")
    async with start_bot():
        await follow(user, "AITAL")
    mark = user.seq
    clock.set(at("2025-10-27T13:21:10+07:00"))  # due at 13:15, the bot was down
    async with start_bot() as bot:
        reminder = await user.wait_for(is_reminder, since=mark, timeout=TIMEOUT)
        # A restart (another run) does not send it again.
        again = await bot.bot_data.deps.reminders.run()
    assert "Starts in 9 minutes" in reminder.text
    assert again.queued == 0
    async with start_bot():
        pass
    assert sum(1 for m in user.messages if is_reminder(m)) == 1


async def test_a_reminder_is_never_sent_late(
    start_bot: RunningBot,
    standin,
    clock: Clock,  # type: ignore[no-untyped-def]
) -> None:
    user = standin.user(440, language_code="en")
    async with start_bot():
        await follow(user, "AITAL")
    clock.set(at("2025-10-27T13:31:00+07:00"))  # the session started while the bot was down
    async with start_bot() as bot:
        run = await bot.bot_data.deps.reminders.run()
        missed = await bot.bot_data.deps.storage.state.get(MISSED)
    assert run.queued == 0
    assert int(missed or 0) >= 1
    assert not any(is_reminder(m) for m in user.messages)


async def test_a_longer_lead_time_reminds_earlier(
    start_bot: RunningBot,
    standin,
    clock: Clock,  # type: ignore[no-untyped-def]
) -> None:
    user = standin.user(450, language_code="fr")
    async with start_bot():
        await follow(user, "AITAL")
        await user.press(await user.ask("/reminders"), data="Rl:60")
    mark = user.seq
    clock.set(at("2025-10-27T12:29:58.5+07:00"))
    async with start_bot():
        reminder = await user.wait_for(is_reminder, since=mark, timeout=TIMEOUT)
    assert "Commence dans 60\u00a0minutes" in reminder.text
