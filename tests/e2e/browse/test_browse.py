"""An attendee browses the programme, in Vietnamese, English and French, over real HTTP."""

from __future__ import annotations

import pytest

from bot.ui.routes import Who
from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, StandIn

WELCOME = {
    "vi": "Chào mừng Quý vị đến với",
    "en": "Welcome to",
    "fr": "Bienvenue sur le bot",
}
PROGRAMME_BUTTON = {"vi": "📅 Chương trình", "en": "📅 Programme", "fr": "📅 Programme"}
AI_THEME = {
    "vi": "Trí tuệ nhân tạo",
    "en": "Artificial Intelligence",
    "fr": "Intelligence artificielle",
}
ROUNDTABLE = {
    "vi": "Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo",
    "en": "Ministerial Roundtable on AI Governance",
    "fr": "Table ronde ministérielle sur la gouvernance de l’intelligence artificielle",
}
MAIN_HALL = {
    "vi": "Ninh Bình — Hội trường chính",
    "en": "Ninh Binh — Main Hall",
    "fr": "Ninh Binh — Salle plénière",
}
SESSION_LANGUAGE = {
    "vi": "Ngôn ngữ: tiếng Anh, có phiên dịch sang tiếng Việt",
    "en": "In English, with interpretation into Vietnamese",
    "fr": "En anglais, avec interprétation en vietnamien",
}
BACK = {"vi": "‹ Quay lại", "en": "‹ Back", "fr": "‹ Retour"}
DAY_ONE = {
    "vi": "Thứ Hai, ngày 27/10/2025",
    "en": "Monday 27 October 2025",
    "fr": "Lundi 27 octobre 2025",
}


def labels(message: ChatMessage) -> list[str]:
    return [label for row in message.buttons for label, _data in row]


def label_starting(message: ChatMessage, prefix: str) -> str:
    return next(label for label in labels(message) if label.startswith(prefix))


@pytest.mark.parametrize("lang", ["vi", "en", "fr"])
async def test_schedule_to_theme_to_session_card_in_each_language(
    bot: BotApplication, standin: StandIn, lang: str
) -> None:
    user = standin.user(100, first_name="Linh", language_code=lang)
    home = await user.ask("/start")
    assert WELCOME[lang] in home.text
    assert "Linh" in home.text

    programme = await user.press(home, PROGRAMME_BUTTON[lang])
    assert programme.message_id == home.message_id  # navigation edits in place
    # The featured roundtable comes first, before the six themes.
    assert labels(programme)[0].startswith("⭐ " + ROUNDTABLE[lang][:15])
    assert ROUNDTABLE[lang][:30] in programme.text
    themes = [i for i, label in enumerate(labels(programme)) if label.endswith(")")]
    assert len(themes) == 6 and min(themes) > 0

    theme = await user.press(programme, label_starting(programme, AI_THEME[lang]))
    assert AI_THEME[lang] in theme.text
    roundtable_button = next(label for label in labels(theme) if "10:30" in label)

    card = await user.press(theme, roundtable_button)
    assert ROUNDTABLE[lang] in card.text
    assert DAY_ONE[lang] in card.text
    assert "10:30" in card.text and "12:00" in card.text
    assert MAIN_HALL[lang] in card.text
    assert SESSION_LANGUAGE[lang] in card.text
    assert card.text.startswith("⭐")

    back = await user.press(card, BACK[lang])
    assert back.text == theme.text


async def test_first_contact_language_comes_from_telegram_and_defaults_to_english(
    bot: BotApplication, standin: StandIn
) -> None:
    german = standin.user(101, language_code="de")
    assert WELCOME["en"] in (await german.ask("/start")).text
    unknown = standin.user(102, language_code=None)
    assert WELCOME["en"] in (await unknown.ask("/start")).text
    canadian = standin.user(103, language_code="fr-CA")
    assert WELCOME["fr"] in (await canadian.ask("/start")).text


async def test_language_switch_is_stored_and_survives_a_restart(
    start_bot,
    standin: StandIn,  # type: ignore[no-untyped-def]
) -> None:
    user = standin.user(104, language_code="en")
    async with start_bot():
        picker = await user.ask("/language")
        home = await user.press(picker, "🇻🇳 Tiếng Việt")
        assert WELCOME["vi"] in home.text
        assert user.callback_answers[-1] == "Đã chuyển sang tiếng Việt."
    async with start_bot():
        help_text = (await user.ask("/help")).text
        assert "Cách sử dụng bot" in help_text


async def test_browse_by_day_paginates(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(105, language_code="en")
    days = await user.ask("/days")
    assert len(days.buttons) == 4  # three days and the menu
    assert "Today · Monday 27 October 2025 (13)" in labels(days)[0]  # the clock says day 1
    first = await user.press(days, labels(days)[0])
    assert "1/3" in labels(first)
    second = await user.press(first, "›")
    assert "2/3" in labels(second)
    assert second.text != first.text
    third = await user.press(second, "›")
    assert "›" not in labels(third)
    assert "CULT" not in third.text and "19:00" in third.text
    again = await user.press(third, "‹")
    assert again.text == second.text


async def test_now_and_next_follow_the_bots_clock(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(106, language_code="fr")
    screen = await user.ask("/now")
    assert "(à 10:00)" in screen.text
    on_now, coming = screen.text.split("À suivre")
    assert "Allocution" in on_now or "10:00" in on_now
    assert ROUNDTABLE["fr"][:40] in coming


async def test_deep_link_opens_a_session_card(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(107, language_code="vi")
    card = await user.ask("/start s_AIGOV")
    assert ROUNDTABLE["vi"] in card.text
    missing = await user.ask("/start s_NOPE")
    assert "Không có phiên nào mang mã NOPE" in missing.text
    assert WELCOME["vi"] in missing.text


async def test_search_is_accent_insensitive_and_paged(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(108, language_code="vi")
    results = await user.ask("chuyen doi so")
    assert "phiên cho “chuyen doi so”" in results.text
    assert "Tìm thấy" in results.text
    french = standin.user(109, language_code="fr")
    found = await french.ask("/search intelligence artificielle")
    assert "trouvées pour «\u00a0intelligence artificielle\u00a0»" in found.text
    if "›" in labels(found):
        page_two = await french.press(found, "›")
        assert "2/" in " ".join(labels(page_two))


async def test_search_without_words_or_with_too_many(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(110, language_code="en")
    prompt = await user.ask("/search")
    assert "Type a few words" in prompt.text
    too_long = await user.ask("x" * 500)
    assert "at most 100 characters" in too_long.text
    nothing = await user.ask("zebra quantum")
    assert "Nothing found for “zebra quantum”" in nothing.text


async def test_unknown_command_gets_a_clear_answer(bot: BotApplication, standin: StandIn) -> None:
    user = standin.user(111, language_code="fr")
    reply = await user.ask("/teleport now")
    assert "Je ne connais pas la commande /teleport" in reply.text
    assert "/schedule" in reply.text


async def test_forged_and_stale_buttons_are_refused_politely(
    bot: BotApplication, standin: StandIn
) -> None:
    user = standin.user(112, language_code="en")
    for forged in ["s:NOPE", "t:99:0", "admin:delete", "L:de", "s:AIGOV:s:X", "x" * 64]:
        help_message = await user.ask("/help")
        screen = await user.press(help_message, data=forged)
        assert screen.message_id == help_message.message_id
        assert "Welcome to" in (screen.text or "")
        assert user.callback_answers[-1] == "This button is no longer valid. Here is the main menu."


async def test_command_menu_is_published_in_each_language(
    bot: BotApplication, standin: StandIn
) -> None:
    COMMANDS = [
        (c.name, c.description) for c in bot.bot_data.deps.navigator.routes.menu(Who.EVERYONE)
    ]
    for lang, expected in [("vi", "Chương trình theo chủ đề"), ("fr", "Le programme par thème")]:
        commands = standin.commands(lang)
        assert [c["command"] for c in commands] == [name for name, _ in COMMANDS]
        assert any(c["description"] == expected for c in commands)
    assert any(c["description"] == "The programme by theme" for c in standin.commands(None))


async def test_plain_words_are_commands_on_telegram_too(
    bot: BotApplication, standin: StandIn
) -> None:
    vi = standin.user(1300, language_code="vi")
    fr = standin.user(1301, language_code="fr")
    schedule = await vi.ask("lịch")
    aide = await fr.ask("Aide")
    search = await fr.ask("gouvernance IA")
    assert schedule.text.startswith("Chương trình")
    assert "/privacy" in aide.text
    assert "Table ronde" in search.text  # longer words are still a search
