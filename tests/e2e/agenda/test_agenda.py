"""Following sessions and themes, the agenda with clashes, the calendar file, settings."""

from __future__ import annotations

from datetime import UTC

from icalendar import Calendar

from bot.programme.loader import load_schedule
from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, StandIn
from tests.conftest import SCHEDULE


def labels(message: ChatMessage) -> list[str]:
    return [label for row in message.buttons for label, _data in row]


async def test_follow_from_the_card_then_see_it_in_the_agenda(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(300, language_code="fr")
    card = await user.ask("/start s_AIGOV")
    assert "🔔 Suivre et me rappeler" in labels(card)
    followed = await user.press(card, "🔔 Suivre et me rappeler")
    assert "✅ Dans votre agenda" in followed.text
    assert "🔕 Ne plus suivre" in labels(followed)
    agenda = await user.ask("/agenda")
    assert "Mon agenda (1 session)" in agenda.text
    assert "Table ronde ministérielle" in agenda.text
    assert "Lundi 27 octobre 2025" in agenda.text
    card_again = await user.ask("/start s_AIGOV")
    unfollowed = await user.press(card_again, "🔕 Ne plus suivre")
    assert "🔔 Suivre et me rappeler" in labels(unfollowed)
    empty = await user.ask("/agenda")
    assert "Vous ne suivez encore aucune session" in empty.text


async def test_following_a_theme_fills_the_agenda_and_warns_of_clashes(
    bot: BotApplication, standin: StandIn
) -> None:
    schedule = load_schedule(SCHEDULE)
    ai_index = next(t.index for t in schedule.tracks if t.slug == "artificial-intelligence")
    user = standin.user(301, language_code="en")
    theme = await user.ask("/start")
    theme = await user.press(theme, data=f"t:{ai_index}:0")
    followed = await user.press(theme, "🔔 Follow this theme")
    assert "✅ You follow this theme" in followed.text
    assert "🔕 Unfollow this theme" in labels(followed)
    # NB5G (5G theme) runs at the same time as AITAL (AI theme): follow it too.
    card = await user.ask("/start s_NB5G")
    await user.press(card, "🔔 Follow and remind me")
    agenda = await user.ask("/agenda")
    ai_sessions = len([s for s in schedule.sessions if s.track and s.track.index == ai_index])
    assert f"My agenda ({ai_sessions + 1} sessions)" in agenda.text
    assert "⚠️ Overlaps with Ninh Binh: from full fibre coverage to 5G" in agenda.text
    assert any(label.startswith("⚠️ 13:30") for label in labels(agenda))
    assert "›" in labels(agenda)  # more than one page


async def test_the_agenda_as_a_calendar_file(bot: BotApplication, standin: StandIn) -> None:
    schedule = load_schedule(SCHEDULE)
    user = standin.user(302, language_code="vi")
    for key in ("AIGOV", "RAM"):
        card = await user.ask(f"/start s_{key}")
        await user.press(card, data=f"F:{key}")
    agenda = await user.ask("/agenda")
    document = await user.press(agenda, "📥 Xuất ra ứng dụng lịch")
    assert document.document is not None
    name, content = document.document
    assert name == "vidw2025-agenda.ics"
    assert "Lịch cá nhân (2 phiên)" in (document.caption or "")
    events = Calendar.from_ical(content).events
    by_key = {s.key: s for s in schedule.sessions}
    assert {str(e["UID"]) for e in events} == {
        f"{by_key[k].guid}@vidw-bot" for k in ("AIGOV", "RAM")
    }
    roundtable = next(e for e in events if str(e["UID"]).startswith(by_key["AIGOV"].guid))
    assert roundtable.start.astimezone(UTC) == by_key["AIGOV"].start
    assert (
        str(roundtable["SUMMARY"]) == "Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo"
    )


async def test_reminder_settings_are_stored(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(303, language_code="en")
    settings = await user.ask("/reminders")
    assert "✓ 15 min" in labels(settings)
    changed = await user.press(settings, "30 min")
    assert "✓ 30 min" in labels(changed)
    assert "How long before a session: 30 minutes" in changed.text
    off = await user.press(changed, "🔕 Turn reminders off")
    assert "Reminders: off" in off.text
    no_highlights = await user.press(off, "Stop highlight reminders")
    assert "even if you don't follow them: off" in no_highlights.text
    profile = await bot.bot_data.deps.storage.users.get(303)
    assert profile is not None
    assert (profile.lead_minutes, profile.reminders_on, profile.featured_on) == (30, False, False)
