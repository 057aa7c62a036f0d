"""Schedule changes over the stand-in: who is told what, in which language, and what stays put."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.config import Settings
from bot.features.changes.cli import run_import
from bot.programme.applied import APPLIED_HASH
from bot.programme.loader import ScheduleError, load_schedule
from channels.telegram.app import BotApplication, build_application
from standin.telegram import ChatMessage, SimUser, StandIn
from tests.conftest import SCHEDULE, at, democon_path
from tests.e2e.conftest import RunningBot
from tests.e2e.delivery.helpers import until_done
from tests.schedule_edit import ScheduleEdit

ORGANIZER = 890
TIMEOUT = 10.0
DHR_THEME = "Digital Human Resources"


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """The bot's schedule file: a copy the tests replace as an organizer would."""
    path = tmp_path / "schedule.json"
    shutil.copyfile(SCHEDULE, path)
    return path


def is_notice(message: ChatMessage) -> bool:
    return (message.text or "")[:1] in ("📣", "❌", "🆕")


async def follow(user: SimUser, key: str) -> None:
    card = await user.ask(f"/start s_{key}")
    await user.press(card, data=f"F:{key}")


async def follow_theme(user: SimUser, name: str) -> None:
    index = next(t.index for t in load_schedule(SCHEDULE).tracks if t.name == name)
    theme = await user.ask("/start")
    theme = await user.press(theme, data=f"t:{index}:0")
    [follow_button] = [label for label in theme.labels if label.startswith("🔔")]
    await user.press(theme, follow_button)


async def notices_done(bot: BotApplication) -> None:
    """Wait until every notice of the last applied file has been delivered."""
    version = await bot.bot_data.deps.storage.state.get(APPLIED_HASH)
    assert version is not None
    await until_done(bot.bot_data.deps.delivery, f"change:{version[:16]}")


def notices(user: SimUser, since: int = 0) -> list[str]:
    return [m.text or "" for m in user.messages[since:] if is_notice(m)]


def marks(users: Iterable[SimUser]) -> list[int]:
    return [len(u.messages) for u in users]


async def test_a_moved_session_tells_its_followers_in_their_language_and_no_one_else(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    vi, fr, en = (
        standin.user(800 + i, language_code=lang) for i, lang in enumerate(["vi", "fr", "en"])
    )
    theme_fan = standin.user(803, language_code="en")
    bystander = standin.user(804, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        for user in (vi, fr, en):
            await follow(user, "AITAL")
        await follow_theme(theme_fan, DHR_THEME)  # AITAL is in this theme
        await follow(bystander, "NB5G")
        await organizer.ask("/start")
        before = marks([vi, fr, en, theme_fan, bystander])
        ScheduleEdit().version("v2").move("AITAL", 90).to_room("AITAL", "Ninh Binh — Hall B").write(
            programme
        )
        summary = await organizer.ask("/reload")
        await notices_done(bot)
        card = await en.ask("/start s_AITAL")
    assert "Programme updated" in summary.text
    assert "2025-10-01 illustrative-1 → v2" in summary.text
    assert "Moved: 1 · new room: 1 · new title: 0" in summary.text
    assert "4 notices are on their way" in summary.text
    [in_vi] = notices(vi, before[0])
    [in_fr] = notices(fr, before[1])
    [in_en] = notices(en, before[2])
    assert "Thay đổi chương trình" in in_vi and "Đã dời từ" in in_vi
    assert "Địa điểm mới: Ninh Bình — Hội trường B (trước đây: Ninh Bình — Hội trường A)" in in_vi
    assert "Déplacée de" in in_fr and "Nouveau lieu\u00a0: Ninh Binh — Salle B" in in_fr
    assert "Moved from" in in_en and "13:30" in in_en and "15:00" in in_en
    assert "Now in Ninh Binh — Hall B (was Ninh Binh — Hall A)" in in_en
    assert len(notices(theme_fan, before[3])) == 1
    assert notices(bystander, before[4]) == []
    assert "15:00" in card.text and "Hall B" in card.text  # every screen shows the new time


async def test_cancelled_renamed_and_added_sessions(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    cancelled_fan = standin.user(810, language_code="fr")
    renamed_en = standin.user(811, language_code="en")
    renamed_vi = standin.user(812, language_code="vi")
    theme_fan = standin.user(813, language_code="vi")
    organizer = standin.user(ORGANIZER, language_code="fr")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        await follow(cancelled_fan, "DSKL")
        await follow(renamed_en, "HERIT")
        await follow(renamed_vi, "HERIT")
        await follow_theme(theme_fan, DHR_THEME)
        await organizer.ask("/start")
        edit = ScheduleEdit().version("v3").remove("DSKL")
        # Only the English title is corrected: Vietnamese readers see no change.
        edit.retitle("HERIT", en="Digital heritage and culture: the new frontier")
        edit.add_like("UNIV", "DHRNEW", "Digital skills for civil servants", minutes=90)
        edit.write(programme)
        summary = await organizer.ask("/reload")
        await notices_done(bot)
    assert "Annulées\u00a0: 1 · ajoutées\u00a0: 1" in summary.text
    [cancelled] = notices(cancelled_fan)
    assert cancelled.startswith("❌ Session annulée")
    assert "vous ne recevrez donc aucun rappel" in cancelled
    [renamed] = notices(renamed_en)
    assert "Digital heritage and culture: the new frontier" in renamed
    assert "Formerly: " in renamed
    assert notices(renamed_vi) == []
    received = notices(theme_fan)
    assert len(received) == 2  # DSKL (in the theme) cancelled, DHRNEW added to it
    assert any("Phiên mới trong chủ đề đang theo dõi" in text for text in received)
    assert any("Digital skills for civil servants" in text for text in received)


async def test_an_invalid_file_is_refused_and_nothing_changes(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    fan = standin.user(820, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="vi")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        await follow(fan, "AITAL")
        await organizer.ask("/start")
        before = len(fan.messages)
        programme.write_text('{"schedule": ', "utf-8")
        broken_json = await organizer.ask("/reload")
        document = ScheduleEdit().move("AITAL", 60)
        del document.conference["days"][0]["rooms"]["Ninh Binh — Hall A"][0]["title"]
        document.write(programme)
        broken_schema = await organizer.ask("/reload")
        version = bot.bot_data.deps.navigator.schedule.version
        card = await fan.ask("/start s_AITAL")
        queued = await bot.bot_data.deps.storage.db.one(
            "SELECT count(*) FROM outbox WHERE kind = 'schedule-change'"
        )
    assert "Tệp chương trình mới đã bị từ chối" in broken_json.text
    assert "not valid JSON" in broken_json.text
    assert "AITAL" in broken_schema.text and "title" in broken_schema.text
    assert version == "2025-10-01 illustrative-1"
    assert "13:30" in card.text
    assert notices(fan, before) == []
    assert queued is not None and queued[0] == 0


async def test_reading_the_same_programme_again_tells_no_one(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    fan = standin.user(830, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})):
        await follow(fan, "AITAL")
        await organizer.ask("/start")
        before = len(fan.messages)
        same = await organizer.ask("/reload")
        ScheduleEdit().write(programme, indent=4)  # other bytes, same programme
        reformatted = await organizer.ask("/reload")
        await asyncio.sleep(0.5)
    assert "has not changed" in same.text
    assert "has not changed" in reformatted.text
    assert notices(fan, before) == []


async def test_only_organizers_may_reload(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    attendee = standin.user(840, language_code="en")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        ScheduleEdit().version("v9").move("AITAL", 60).write(programme)
        refused = await attendee.ask("/reload")
        version = bot.bot_data.deps.navigator.schedule.version
    assert "only for the organizers" in refused.text
    assert version != "v9"


async def test_reminders_follow_the_new_time(
    start_bot: RunningBot, standin: StandIn, programme: Path, clock: Clock
) -> None:
    """A reminder already sent is sent again only if the session moved later by more than
    the user's lead time (15 minutes here); a cancelled session is never reminded."""
    fan = standin.user(850, language_code="en")
    cancelled_fan = standin.user(851, language_code="en")
    control = standin.user(852, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="en")

    def reminders(user: SimUser) -> list[str]:
        return [m.text or "" for m in user.messages if (m.text or "").startswith("⏰")]

    async def reload(edit: ScheduleEdit) -> None:
        edit.write(programme)
        await organizer.ask("/reload")

    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        await follow(fan, "AITAL")  # 13:30
        await follow(cancelled_fan, "DC")  # 15:15
        await follow(control, "OSAI")  # 15:15, stays
        await organizer.ask("/start")
        clock.set(at("2025-10-27T13:15:01+07:00"))
        await bot.bot_data.deps.reminders.run()
        await fan.wait_for(lambda m: (m.text or "").startswith("⏰"), since=0, timeout=TIMEOUT)

        clock.set(at("2025-10-27T13:25:01+07:00"))  # 15 minutes before 13:40
        await reload(ScheduleEdit().version("later-by-10").move("AITAL", 10).remove("DC"))
        await asyncio.sleep(1.0)
        after_small_move = len(reminders(fan))

        clock.set(at("2025-10-27T13:45:01+07:00"))  # 15 minutes before 14:00
        await reload(ScheduleEdit().version("later-by-30").move("AITAL", 30).remove("DC"))
        second = await fan.wait_for(
            lambda m: (m.text or "").startswith("⏰") and "14:00" in (m.text or ""),
            since=0,
            timeout=TIMEOUT,
        )

        clock.set(at("2025-10-27T15:00:01+07:00"))
        await bot.bot_data.deps.reminders.run()
        await control.wait_for(lambda m: (m.text or "").startswith("⏰"), since=0, timeout=TIMEOUT)
        await asyncio.sleep(0.5)
    assert after_small_move == 1
    assert "Starts in 15 minutes" in second.text
    assert len(reminders(fan)) == 2
    assert reminders(cancelled_fan) == []


async def test_a_file_replaced_while_the_bot_was_down_is_applied_at_start(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    fan = standin.user(860, language_code="vi")
    async with start_bot(schedule_path=programme):
        await follow(fan, "NB5G")
    before = len(fan.messages)
    ScheduleEdit().version("v4").to_room("NB5G", "Ninh Binh — Main Hall").write(programme)
    async with start_bot(schedule_path=programme) as bot:
        await notices_done(bot)
    [notice] = notices(fan, before)
    assert "Địa điểm mới: Ninh Bình — Hội trường chính" in notice


async def test_import_schedule_with_the_bot_running_applies_within_the_watch_interval(
    start_bot: RunningBot,
    standin: StandIn,
    programme: Path,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The democon export replaces the whole VIDW programme: every VIDW session is cancelled."""
    fan = standin.user(870, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="en")
    overrides = {
        "schedule_path": programme,
        "organizers": frozenset({ORGANIZER}),
        "schedule_watch": 1.0,
    }
    async with start_bot(**overrides) as bot:
        await follow(fan, "AITAL")
        await follow(fan, "NB5G")
        mark = organizer.seq
        await organizer.ask("/start")
        target = replace(settings, **overrides)
        code = await asyncio.to_thread(run_import, target, democon_path(), True)
        summary = await organizer.wait_for(
            lambda m: "Programme updated" in (m.text or ""), since=mark, timeout=TIMEOUT
        )
        await notices_done(bot)
        schedule = await fan.ask("/schedule")
    out = capsys.readouterr().out
    democon = load_schedule(democon_path())
    assert code == 0
    assert f"valid, version {democon.version}" in out
    # Two sessions the fan follows, and the featured roundtable for the fan and the organizer.
    assert "Notices to attendees: 4" in out
    assert "cancelled  Closing session (Wed 29/10 16:45" in out  # in the VIDW zone
    assert f"Cancelled: 35 · added: {len(democon.sessions)}" in summary.text
    assert len(notices(fan)) == 3
    assert all(text.startswith("❌ Session cancelled") for text in notices(fan))
    assert democon.tracks[0].name in schedule.text or any(
        democon.tracks[0].name in label for label in schedule.labels
    )


def test_import_schedule_refuses_an_invalid_file_and_installs_nothing(
    settings: Settings, programme: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "new.json"
    document = ScheduleEdit()
    document.conference["days"][0]["rooms"]["Ninh Binh — Main Hall"][0]["date"] = "tomorrow"
    document.write(broken)
    target = replace(settings, schedule_path=programme)
    with pytest.raises(ScheduleError, match="OPEN"):
        run_import(target, broken, True)
    assert programme.read_bytes() == SCHEDULE.read_bytes()


async def test_a_broken_file_at_restart_keeps_the_programme_attendees_last_saw(
    start_bot: RunningBot, standin: StandIn, programme: Path
) -> None:
    fan = standin.user(880, language_code="en")
    organizer = standin.user(ORGANIZER, language_code="en")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})):
        await organizer.ask("/start")
        await follow(fan, "AITAL")
    mark = organizer.seq
    programme.write_text('{"schedule": {"version": "broken"', "utf-8")
    async with start_bot(schedule_path=programme, organizers=frozenset({ORGANIZER})) as bot:
        warning = await organizer.wait_for(
            lambda m: "refused" in (m.text or ""), since=mark, timeout=TIMEOUT
        )
        card = await fan.ask("/start s_AITAL")
        version = bot.bot_data.deps.navigator.schedule.version
    assert "not valid JSON" in warning.text
    assert version == "2025-10-01 illustrative-1"
    assert "13:30" in card.text


def test_a_broken_file_with_no_programme_ever_applied_stops_the_bot(
    settings: Settings, programme: Path
) -> None:
    programme.write_text("{}", "utf-8")
    with pytest.raises(ScheduleError):
        build_application(replace(settings, schedule_path=programme))
