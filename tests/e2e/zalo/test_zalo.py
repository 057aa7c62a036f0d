"""The Zalo channel end to end: the real bot, the Telegram stand-in and the Zalo stand-in."""

from __future__ import annotations

import asyncio
import re

import aiohttp

from bot.channels import CHANNEL_BASE, ZALO
from bot.clock import Clock
from bot.config import Settings, Zalo
from bot.features.broadcast.cli import broadcast
from bot.features.exports.results import collect
from bot.outgoing import Document, Outgoing, Text, Venue
from bot.storage import Storage
from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from standin.zalo import ZaloMessage, ZaloStandIn, ZaloUser
from tests.conftest import at
from tests.e2e.conftest import RunningBot

TIMEOUT = 10.0


def channel(zalo: ZaloStandIn, **extra: object) -> Zalo:
    return Zalo(zalo.token, zalo.base_url, send_rate=100, **extra)  # type: ignore[arg-type]


def number_of(message: ZaloMessage, label: str) -> str:
    """The number in front of the first choice whose label contains `label`."""
    for line in message.text.splitlines():
        found = re.match(r"(\d+)\. (.*)", line)
        if found and label in found.group(2):
            return found.group(1)
    raise LookupError(f"no choice {label!r} in {message.text!r}")


async def choose(user: ZaloUser, message: ZaloMessage, label: str) -> ZaloMessage:
    return await user.ask(number_of(message, label), timeout=TIMEOUT)


async def meet(user: ZaloUser, language: str) -> ZaloMessage:
    """First contact: the bot asks for a language; the user picks one and gets the menu."""
    picker = await user.ask("xin chào", timeout=TIMEOUT)
    name = {"vi": "Tiếng Việt", "en": "English", "fr": "Français"}[language]
    return await choose(user, picker, name)


async def user_id_of(bot: BotApplication, user: ZaloUser) -> int:
    user_id, _ = await bot.bot_data.deps.storage.channel_users.user_id(ZALO, user.id)
    return user_id


async def test_first_contact_asks_the_language_then_browses_to_a_follow(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345678", name="Lan", name_field="display_name")
    async with start_bot(zalo=channel(zalo)) as bot:
        picker = await lan.ask("xin chào", timeout=TIMEOUT)
        home = await choose(lan, picker, "Français")
        programme = await choose(lan, home, "📅 Programme")
        theme = await choose(lan, programme, "5G")
        card = await choose(lan, theme, "13:30")
        followed = await choose(lan, card, "🔔")
        user_id = await user_id_of(bot, lan)
        follows = await bot.bot_data.deps.storage.follows.sessions(user_id)
    assert "Chọn ngôn ngữ · Choose your language · Choisissez votre langue" in picker.text
    assert "1. 🇻🇳 Tiếng Việt" in picker.text and "2. 🇬🇧 English" in picker.text
    assert "Bonjour Lan" in home.text and "Répondez par un numéro" in home.text
    assert "<b>" not in home.text  # plain text: Zalo shows no formatting
    assert user_id >= CHANNEL_BASE
    assert len(follows) == 1
    assert "✅" in followed.text


async def test_plain_words_open_screens_in_each_language(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    users = {
        lang: zalo.user(f"70000000000000000{i}", name=lang)
        for i, lang in enumerate(("vi", "en", "fr"))
    }
    async with start_bot(zalo=channel(zalo)):
        for lang, user in users.items():
            await meet(user, lang)
        vi = await users["vi"].ask("Lịch", timeout=TIMEOUT)
        en = await users["en"].ask("schedule", timeout=TIMEOUT)
        fr = await users["fr"].ask("programme", timeout=TIMEOUT)
        help_fr = await users["fr"].ask("aide", timeout=TIMEOUT)
        search = await users["en"].ask("5G", timeout=TIMEOUT)
        wrong = await users["en"].ask("99", timeout=TIMEOUT)
    assert vi.text.startswith("Chương trình")
    assert en.text.startswith("Programme")
    assert fr.text.startswith("Programme") and "Répondez par un numéro" in fr.text
    assert "/privacy" in help_fr.text
    assert "5G" in search.text and "found" in search.text
    assert wrong.text.startswith("Please reply with a number from 1 to")


async def test_a_zalo_follower_is_reminded(
    start_bot: RunningBot, zalo: ZaloStandIn, clock: Clock
) -> None:
    minh = zalo.user("900000000000000001", name="Minh")
    async with start_bot(zalo=channel(zalo)) as bot:
        await meet(minh, "vi")
        results = await minh.ask("Đào tạo nhân tài", timeout=TIMEOUT)
        card = await minh.ask(number_of(results, "13:30"), timeout=TIMEOUT)
        await choose(minh, card, "🔔")
        mark = minh.seq
        clock.set(at("2025-10-27T13:15:01+07:00"))
        await bot.bot_data.deps.reminders.run()
        reminder = await minh.wait_for(
            lambda m: m.text.startswith("⏰"), since=mark, timeout=TIMEOUT
        )
        opened = await choose(minh, reminder, "Xem phiên")
    assert "Còn 15 phút nữa là bắt đầu" in reminder.text
    assert "Ninh Bình — Hội trường A" in reminder.text
    assert "Đào tạo nhân tài" in opened.text


async def test_feedback_from_zalo_and_telegram_lands_in_one_result(
    start_bot: RunningBot, zalo: ZaloStandIn, standin: StandIn, settings: Settings
) -> None:
    telegram_user = standin.user(600, language_code="en")
    zalo_user = zalo.user("900000000000000002", name="Hoa")
    async with start_bot(zalo=channel(zalo)) as bot:
        deps = bot.bot_data.deps
        card = await telegram_user.ask("/start s_OPEN")
        await telegram_user.press(card, data="F:OPEN")
        await meet(zalo_user, "fr")
        results = await zalo_user.ask("Opening ceremony", timeout=TIMEOUT)
        card_z = await zalo_user.ask(number_of(results, "08:30"), timeout=TIMEOUT)
        await choose(zalo_user, card_z, "🔔")
        marks = telegram_user.seq, zalo_user.seq
        await deps.feedback.run()  # OPEN ended at 09:30: its followers get the poll now
        poll = await telegram_user.wait_for(
            lambda m: m.poll is not None, since=marks[0], timeout=TIMEOUT
        )
        question = await zalo_user.wait_for(
            lambda m: "⭐" in m.text, since=marks[1], timeout=TIMEOUT
        )
        await telegram_user.answer_poll(poll.poll["id"], [0])  # five stars
        thanks = await zalo_user.ask("4", timeout=TIMEOUT)
        async with asyncio.timeout(TIMEOUT):
            while len(await deps.storage.feedback.all_answers()) < 2:
                await asyncio.sleep(0.05)
        survey = deps.surveys.definition
        data = await collect(deps.storage, deps.navigator.schedule, survey, user_ids=False)
    assert "Répondez par un nombre de 1 à 5, ou 0 si vous n’y avez pas assisté." in question.text
    assert "5. ⭐⭐⭐⭐⭐" in question.text and "0. Je n’y ai pas assisté" in question.text
    assert thanks.text.startswith("Merci, votre réponse est enregistrée.")
    ratings = sorted((row[3], row[4], row[7]) for row in data.raw)
    assert ratings == [("4", "fr", "zalo"), ("5", "en", "telegram")]


async def test_a_broadcast_reaches_both_channels(
    start_bot: RunningBot, zalo: ZaloStandIn, standin: StandIn, settings: Settings
) -> None:
    telegram_user = standin.user(601, language_code="en")
    zalo_user = zalo.user("900000000000000003", name="Tuan")
    async with start_bot(zalo=channel(zalo)):
        await telegram_user.ask("/start")
        await meet(zalo_user, "en")
        marks = telegram_user.seq, zalo_user.seq
        code = await broadcast(
            settings, "all", {"all": "<b>Shuttle buses</b> leave at 17:30."}, "en", confirmed=True
        )
        on_telegram = await telegram_user.wait_for(since=marks[0], timeout=TIMEOUT)
        on_zalo = await zalo_user.wait_for(since=marks[1], timeout=TIMEOUT)
    assert code == 0
    assert on_telegram.text == "Shuttle buses leave at 17:30."
    assert on_zalo.text == "Shuttle buses leave at 17:30."


async def test_what_zalo_cannot_show_is_explained(start_bot: RunningBot, zalo: ZaloStandIn) -> None:
    user = zalo.user("900000000000000004", name="Linh")
    async with start_bot(zalo=channel(zalo), organizers=frozenset({1})):
        await meet(user, "en")
        image = await _after(user, user.send_image("https://example.org/a.jpg"))
        broadcast_cmd = await user.ask("/broadcast", timeout=TIMEOUT)
        agenda = await user.ask("/agenda", timeout=TIMEOUT)
        unknown = await user.ask("/dance", timeout=TIMEOUT)
    assert image.text.startswith("I can only read text")
    assert "Telegram" in broadcast_cmd.text
    assert "agenda" in agenda.text.lower()
    assert "I don't know the command /dance" in unknown.text


async def _after(user: ZaloUser, sending: object) -> ZaloMessage:
    mark = user.seq
    await sending  # type: ignore[misc]
    return await user.wait_for(since=mark, timeout=TIMEOUT)


async def test_the_webhook_refuses_requests_without_the_secret(
    start_bot: RunningBot, zalo: ZaloStandIn, unused_tcp_port: int
) -> None:
    secret = "s3cret-zalo-hook"
    hook = f"http://127.0.0.1:{unused_tcp_port}/zalo"
    settings = channel(zalo, webhook_url=hook, webhook_secret=secret, port=unused_tcp_port)
    user = zalo.user("900000000000000005", name="Nam")
    update = {
        "event_name": "message.text.received",
        "message": {
            "message_id": "forged-1",
            "from": {"id": "900000000000000006"},
            "chat": {"id": "900000000000000006", "chat_type": "PRIVATE"},
            "date": 1761530000000,
            "text": "hello",
        },
    }
    async with start_bot(zalo=settings) as bot:
        assert zalo.webhook_url == hook and zalo.webhook_secret == secret
        picker = await user.ask("hi", timeout=TIMEOUT)  # pushed by the stand-in, with the secret
        async with aiohttp.ClientSession() as session:
            statuses = []
            for headers in ({}, {"X-Bot-Api-Secret-Token": "wrong-secret"}):
                async with session.post(hook, json=update, headers=headers) as response:
                    statuses.append(response.status)
        await asyncio.sleep(0.3)
        storage: Storage = bot.bot_data.deps.storage
        forged = await storage.db.one(
            "SELECT count(*) FROM channel_users WHERE external_id = ?", ("900000000000000006",)
        )
    assert "Choose your language" in picker.text
    assert statuses == [403, 403]
    assert forged is not None and forged[0] == 0


async def test_zalo_faults_are_retried_and_a_blocked_user_is_recorded(
    start_bot: RunningBot, zalo: ZaloStandIn, standin: StandIn, settings: Settings
) -> None:
    user = zalo.user("900000000000000007", name="Quang")
    gone = zalo.user("900000000000000008", name="Thu")
    async with start_bot(zalo=channel(zalo)) as bot:
        await meet(user, "en")
        await meet(gone, "en")
        zalo.fail("sendMessage", 500, times=1)
        zalo.fail("sendMessage", 429, times=1)
        answer = await user.ask("schedule", timeout=TIMEOUT)  # retried twice, then delivered
        zalo.block(gone.id)
        mark = user.seq
        code = await broadcast(settings, "all", {"all": "Lunch in Hall B."}, "en", confirmed=True)
        await user.wait_for(since=mark, timeout=TIMEOUT)
        async with asyncio.timeout(TIMEOUT):
            while (
                not (
                    profile := await bot.bot_data.deps.storage.users.get(
                        await user_id_of(bot, gone)
                    )
                )
                or not profile.blocked
            ):
                await asyncio.sleep(0.05)
    assert code == 0
    assert answer.text.startswith("Programme")
    assert profile.blocked


async def test_the_survey_goes_question_by_question_on_zalo(
    start_bot: RunningBot, zalo: ZaloStandIn, standin: StandIn
) -> None:
    organizer = standin.user(610, language_code="en")
    user = zalo.user("900000000000000009", name="Mai")
    async with start_bot(zalo=channel(zalo), organizers=frozenset({610})) as bot:
        await meet(user, "vi")
        preview = await organizer.ask("/survey")
        mark = user.seq
        await organizer.press(preview, "Send to everyone (2)")
        overall = await user.wait_for(
            lambda m: "VIDW 2025" in m.text and "1." in m.text, since=mark, timeout=TIMEOUT
        )
        themes = await user.ask("1", timeout=TIMEOUT)
        come_back = await user.ask("3 4", timeout=TIMEOUT)
        comment = await user.ask("1", timeout=TIMEOUT)
        saved = await user.ask("Rất hữu ích!", timeout=TIMEOUT)
        storage = bot.bot_data.deps.storage
        overall_result = await storage.feedback.results("survey:vidw2025", "overall")
        themes_result = await storage.feedback.results("survey:vidw2025", "themes")
    assert overall.text.startswith("Nhìn chung, Quý vị đánh giá VIDW 2025 thế nào?")
    assert "Trả lời bằng các số" in themes.text  # several answers allowed
    assert come_back.text.startswith("Quý vị có dự định tham dự VIDW 2026 không?")
    assert "Bỏ qua" in comment.text
    assert saved.text.startswith("Trân trọng cảm ơn Quý vị")
    assert overall_result == {"5": {"vi": 1}}
    assert set(themes_result) == {"artificial-intelligence", "digital-transformation"}


async def test_a_zalo_user_flooding_the_bot_does_not_hold_up_others(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    flooder = zalo.user("900000000000000010", name="Flood")
    calm = zalo.user("900000000000000011", name="Calm")
    async with start_bot(zalo=Zalo(zalo.token, zalo.base_url, send_rate=5)):
        await meet(flooder, "en")
        await meet(calm, "en")
        mark = flooder.seq
        for i in range(30):
            await flooder.send(f"flood {i}")
        started = asyncio.get_running_loop().time()
        answer = await calm.ask("schedule", timeout=TIMEOUT)
        waited = asyncio.get_running_loop().time() - started
        notice = await flooder.wait_for(
            lambda m: "faster than I can answer" in m.text, since=mark, timeout=TIMEOUT
        )
        await asyncio.sleep(1.0)
        answered = flooder.seq - mark
    assert answer.text.startswith("Programme")
    # 30 answers at 5 messages/s would take 6 s; the calm user is served within ~2 s.
    assert waited < 2.5
    assert notice is not None
    assert answered < 10  # a few answers and one notice, not thirty replies


async def test_privacy_on_zalo_speaks_of_zalo_and_forget_works(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    user = zalo.user("900000000000000012", name="Hanh")
    async with start_bot(zalo=channel(zalo)) as bot:
        await meet(user, "fr")
        privacy = await user.ask("/privacy", timeout=TIMEOUT)
        confirm = await choose(user, privacy, "Effacer mes données")
        done = await choose(user, confirm, "Oui, effacer")
        mapping = await bot.bot_data.deps.storage.db.one(
            "SELECT count(*) FROM channel_users WHERE external_id = ?", (user.id,)
        )
        again = await user.ask("bonjour", timeout=TIMEOUT)
    assert "votre identifiant Zalo" in privacy.text and "Zalo achemine" in privacy.text
    assert "Telegram" not in privacy.text
    assert done.text.startswith("C’est fait")
    assert mapping is not None and mapping[0] == 0
    assert "Choisissez votre langue" in again.text  # a new person: asked for a language again


async def test_documents_are_refused_on_zalo_with_the_reason_and_venues_sent_as_links(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    user = zalo.user("900000000000000031", name="Hoa")
    async with start_bot(zalo=channel(zalo)) as bot:
        await meet(user, "vi")
        mark = user.seq
        user_id = await user_id_of(bot, user)
        delivery = bot.bot_data.deps.delivery
        items = [
            Outgoing(user_id, Document("BQACAgIAAxkBAAIC", "Chương trình"), "zalo-doc:1"),
            Outgoing(user_id, Venue(21.0285, 105.8542, "NCC", "Phạm Hùng, Hà Nội"), "zalo-venue:1"),
            Outgoing(user_id, Text("<b>Xe đưa đón</b> lúc 17:30"), "zalo-text:1"),
        ]
        await delivery.enqueue("zalo-kinds", "announcement", items)
        shown = await user.wait_for(since=mark, timeout=TIMEOUT)
        async with asyncio.timeout(TIMEOUT):
            while not (await delivery.progress("zalo-kinds")).done:
                await asyncio.sleep(0.05)
        rows = await bot.bot_data.deps.storage.db.all(
            "SELECT dedupe_key, status, last_error FROM outbox WHERE batch = 'zalo-kinds'"
            " ORDER BY id"
        )
    # no maps on Zalo: the venue as its title, address, a map link and the coordinates
    assert shown.text.startswith("📍 NCC\nPhạm Hùng, Hà Nội\nhttps://www.google.com/maps/")
    assert "21.028500, 105.854200" in shown.text
    assert user.messages[-1].text == "Xe đưa đón lúc 17:30"
    assert [tuple(r) for r in rows] == [
        ("zalo-doc:1", "failed", "Rejected: documents are not sent on Zalo"),
        ("zalo-venue:1", "sent", None),
        ("zalo-text:1", "sent", None),
    ]
    assert user.seq == mark + 2
