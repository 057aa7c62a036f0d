"""Business matching over the Telegram stand-in, in en, fr and vi: profile → suggestion →
request → counter-proposal → accept → table → agenda and .ics → reminder → cancel; expiry;
double booking refused; every bad input refused with nothing changed.

The clock stands at 10:00 on day 1; BM1 is on day 2 (28/10) from 08:30 to 11:30.
"""

from __future__ import annotations

from datetime import datetime

from bot.clock import Clock
from bot.deps import Deps
from bot.features.matching.rules import Details
from bot.ui.meetings import slot_of
from channels.telegram.app import BotApplication
from standin.telegram import ChatMessage, SimUser, StandIn
from tests.e2e.conftest import settled

FIRST = slot_of(datetime.fromisoformat("2025-10-28T08:30:00+07:00"))
SECOND = FIRST + 20


def labels(message: ChatMessage) -> list[str]:
    return [label for row in message.buttons for label, _data in row]


async def press(user: SimUser, message: ChatMessage, part: str) -> ChatMessage:
    """Tap the first button whose label contains `part`."""
    label = next((b for b in labels(message) if part in b), None)
    assert label is not None, f"no button with {part!r} in {labels(message)}"
    return await user.press(message, label)


async def profile(
    user: SimUser, details: str, facets: dict[str, list[str]], publish: str
) -> ChatMessage:
    """/matching, details typed, some themes or interests chosen, published — in the UI."""
    home = await user.ask("/matching")
    prompt = await press(user, home, "✏️")
    assert ";" in (prompt.text or "")
    home = await user.ask(details)
    for facet, items in facets.items():
        listed = await press(user, home, facet)
        for item in items:
            listed = await press(user, listed, item)
            assert f"✅ {item}" in labels(listed)
        home = await press(user, listed, "‹")
    return await press(user, home, publish)


async def quick_profile(deps: Deps, user_id: int, organization: str) -> int:
    """A published profile made through the service (the UI is tested above)."""
    await deps.matching.set_details(user_id, Details(organization, "CEO", "Japan"))
    assert await deps.matching.opt_in(user_id)
    found = await deps.storage.matching.profile(user_id)
    assert found is not None
    return found.id


async def confirmed_pair(
    bot: BotApplication, standin: StandIn, users: tuple[tuple[int, str, str], ...]
) -> tuple[SimUser, SimUser]:
    """Two people (id, language, organization) met in the chat, with a meeting at FIRST."""
    deps = bot.bot_data.deps
    (a, a_lang, a_org), (b, b_lang, b_org) = users
    first = standin.user(a, first_name="A", language_code=a_lang)
    second = standin.user(b, first_name="B", language_code=b_lang)
    await first.ask("/matching")
    await second.ask("/matching")
    await quick_profile(deps, a, a_org)
    sent = await deps.matching.send(a, await quick_profile(deps, b, b_org), FIRST, "")
    assert getattr(await deps.matching.accept(b, sent.id), "table_no", None) == 1  # type: ignore[union-attr]
    return first, second


async def test_the_whole_flow_in_english_and_french(
    bot: BotApplication, standin: StandIn, clock: Clock
) -> None:
    deps = bot.bot_data.deps
    anna = standin.user(7100, first_name="A", language_code="en")
    bao = standin.user(7101, first_name="B", language_code="fr")
    first_theme = deps.programme.schedule.tracks[0].name_in("en")
    shown = await profile(
        anna,
        "Acme Robotics; CEO; France",
        {"🏷 Themes": [first_theme], "🤝 What I offer": ["Investment"]},
        "✅ Publish my profile",
    )
    assert "Acme Robotics, CEO (France)" in (shown.text or "")
    assert "visible to the other participants" in (shown.text or "")
    shown = await profile(
        bao,
        "Viettel ; Directeur ; Vietnam",
        {"🔎 Ce que je recherche": ["Investissement"]},
        "✅ Publier mon profil",
    )
    assert "Recherche\u00a0: Investissement" in (shown.text or "")

    suggestions = await press(anna, await anna.ask("/matching"), "👥")
    assert "Viettel, Directeur (Vietnam)" in (suggestions.text or "")
    assert "Acme" not in (suggestions.text or "")  # never oneself
    card = await press(anna, suggestions, "Viettel")
    slots = await press(anna, card, "📅 Request a meeting")
    assert "08:30–08:50" in " ".join(labels(slots))
    prompt = await press(anna, slots, "08:30–08:50")
    assert "short message" in (prompt.text or "")
    mark = bao.seq
    sent = await anna.ask("Let us talk about investment in 5G.")
    assert "sent to Viettel" in (sent.text or "")

    asked = await bao.wait_for(lambda m: "demande de rendez-vous" in (m.text or ""), since=mark)
    assert "Acme Robotics" in (asked.text or "") and "investment in 5G" in (asked.text or "")
    choices = await press(bao, asked, "🕒 Proposer un autre créneau")
    mark = anna.seq
    countered = await press(bao, choices, "08:50–09:10")
    assert "proposé à Acme Robotics" in (countered.text or "")

    proposal = await anna.wait_for(lambda m: "proposes another slot" in (m.text or ""), since=mark)
    mark = bao.seq
    confirmed = await press(anna, proposal, "✅ Accept")
    assert "Meeting confirmed with Viettel" in (confirmed.text or "")
    assert "table 1" in (confirmed.text or "")
    told = await bao.wait_for(lambda m: "a accepté" in (m.text or ""), since=mark)
    assert "table 1" in (told.text or "") and "08:50–09:10" in (told.text or "")

    agenda = await anna.ask("/agenda")
    assert "Table 1" in (agenda.text or "") and "Viettel" in (agenda.text or "")
    document = await anna.press(agenda, data="ics")  # no session followed: no 📥 button
    assert document.document is not None
    ics = document.document[1].decode()
    assert "meeting-" in ics and "Business-matching meeting: Viettel" in ics
    assert "Table 1" in ics
    french = await bao.ask("/agenda")
    assert "Table 1" in (french.text or "") and "Acme Robotics" in (french.text or "")

    # the reminder, 15 minutes before (by the bot's clock), once to each side
    clock.set(datetime.fromisoformat("2025-10-28T08:40:00+07:00"))
    mark_a, mark_b = anna.seq, bao.seq
    assert await deps.matching_planner.run() == 2
    reminded = await anna.wait_for(lambda m: "⏰" in (m.text or ""), since=mark_a)
    assert "Viettel" in (reminded.text or "") and "table 1" in (reminded.text or "")
    await bao.wait_for(lambda m: "⏰" in (m.text or ""), since=mark_b)
    assert await deps.matching_planner.run() == 0  # never twice

    mine = await press(anna, await anna.ask("/matching"), "📅 My meetings")
    assert "confirmed, table 1" in (mine.text or "")
    opened = await press(anna, mine, "1.")
    mark = bao.seq
    cancelled = await press(anna, opened, "🚫 Cancel the meeting")
    assert "Viettel, Directeur (Vietnam) is told" in (cancelled.text or "")
    await bao.wait_for(lambda m: "a annulé le rendez-vous" in (m.text or ""), since=mark)
    assert await deps.storage.matching.booked_slots(7100) == set()
    agenda = await anna.ask("/agenda")
    assert "Table 1" not in (agenda.text or "")


async def test_vietnamese_profile_decline_and_hiding(bot: BotApplication, standin: StandIn) -> None:
    deps = bot.bot_data.deps
    lan = standin.user(7200, first_name="L", language_code="vi")
    shown = await profile(
        lan,
        "FPT; Giám đốc; Việt Nam",
        {"🤝 Nội dung cung cấp": ["Chuyển giao công nghệ"]},
        "✅ Công khai hồ sơ",
    )
    assert "FPT, Giám đốc (Việt Nam)" in (shown.text or "")
    assert "Quý vị" in (shown.text or "") and "bạn" not in (shown.text or "")
    other = await quick_profile(deps, 7201, "Sony")
    mine = await deps.storage.matching.profile(7200)
    assert mine is not None
    request = await deps.matching.send(7201, mine.id, FIRST, "Xin chào")
    assert not isinstance(request, type(None))
    told = await lan.wait_for(lambda m: "Sony" in (m.text or ""))
    assert "đề nghị gặp" in (told.text or "")
    declined = await press(lan, told, "❌ Từ chối")
    assert "Đã từ chối đề nghị của Sony" in (declined.text or "")
    hidden = await press(lan, await lan.ask("/matching"), "🙈 Ẩn hồ sơ")
    assert "Hồ sơ của Quý vị đang ẩn" in (hidden.text or "")
    found = await deps.matching.suggestions(7201)
    assert found is not None and all(p.user_id != 7200 for p, _score in found)  # at once
    refused = await deps.matching.send(7201, mine.id, SECOND, "")
    assert refused.name == "NOT_OPTED_IN"  # type: ignore[union-attr]
    assert other


async def test_bad_input_is_refused_and_changes_nothing(
    bot: BotApplication, standin: StandIn, clock: Clock
) -> None:
    deps = bot.bot_data.deps
    user = standin.user(7300, first_name="U", language_code="en")
    store = deps.storage.matching
    hidden_id = (await store.ensure(7399, clock.now())).id  # never opted in
    other = await quick_profile(deps, 7301, "Toshiba")
    home = await user.ask("/matching")
    # not opted in yourself: suggestions and requests refused
    refused = await user.press(home, data="Ms:0")
    assert "publish your business-matching profile first" in (refused.text or "")
    # publishing without an organization is refused kindly
    no_org = await user.press(home, data="mhi")
    assert "give your organization first" in (no_org.text or "")
    # details typed wrong
    await user.press(home, data="mhd")
    wrong = await user.ask("just a name")
    assert "three parts" in (wrong.text or "")
    assert (await store.profile(7300)).organization == ""  # type: ignore[union-attr]
    await user.press(home, data="mha")
    long = await user.ask("x" * 301)
    assert "longer than 300 characters" in (long.text or "")
    mine = await quick_profile(deps, 7300, "Hitachi")

    async def refused_with(data: str, words: str) -> None:
        fresh = await user.ask("/matching")  # a new message: the same refusal twice edits nothing
        answer = await user.press(fresh, data=data)
        assert words in (answer.text or ""), answer.text

    await refused_with(f"Mq:{hidden_id}:{FIRST}", "does not take part")
    await refused_with(f"Mq:{mine}:{FIRST}", "with yourself")
    await refused_with(f"Mq:{other}:12345678", "only during the business-matching sessions")
    await refused_with(f"Mk:{other}:{FIRST + 7}", "only during the business-matching sessions")
    assert await store.requests_of(7300) == []
    # a message over 300 characters: told, nothing sent, typed again
    await user.press(await user.ask("/matching"), data=f"Mq:{other}:{FIRST}")
    again = await user.ask("y" * 301)
    assert "longer than 300 characters" in (again.text or "") and "short message" in (
        again.text or ""
    )
    assert await store.requests_of(7300) == []
    sent = await user.press(home, data=f"Mk:{other}:{FIRST}")
    assert "sent to Toshiba" in (sent.text or "")
    await refused_with(f"Mk:{other}:{SECOND}", "already waiting for an answer")
    await refused_with(f"Mc:{other}:0", "already waiting for an answer")
    (request,) = await store.requests_of(7300)
    # forged answers: the asker cannot accept, decline or counter their own request
    await refused_with(f"Ma:{request.id}", "no longer waiting for your answer")
    await refused_with(f"Md:{request.id}", "no longer waiting for your answer")
    await refused_with(f"Mn:{request.id}:{SECOND}", "no longer waiting for your answer")
    await refused_with("Ma:999999", "no longer waiting for your answer")
    await refused_with("Mx:999999", "no longer waiting for your answer")
    for data in ("Mr:999999", "Mt:2:99", "Mp:abc", "Mq:1"):
        forged = await user.press(await user.ask("/matching"), data=data)
        assert "Welcome" in (forged.text or "")  # the main menu, with a notice
        assert "no longer valid" in user.callback_answers[-1]
    (still,) = await store.requests_of(7300)
    assert still == request
    # a slot in the past
    clock.set(datetime.fromisoformat("2025-10-28T09:00:00+07:00"))
    await refused_with(f"Mq:{other}:{FIRST}", "already begun")
    await settled(standin, bot)


async def test_a_request_not_answered_in_24_hours_expires(
    bot: BotApplication, standin: StandIn, clock: Clock
) -> None:
    deps = bot.bot_data.deps
    asker = standin.user(7400, first_name="A", language_code="en")
    await asker.ask("/matching")
    await quick_profile(deps, 7400, "Bosch")
    other = await quick_profile(deps, 7401, "Siemens")
    sent = await deps.matching.send(7400, other, SECOND, "")
    assert not isinstance(sent, str)
    clock.set(datetime.fromisoformat("2025-10-28T10:00:01+07:00"))  # 24 h later
    mark = asker.seq
    assert await deps.matching_planner.run() >= 1
    told = await asker.wait_for(lambda m: "expired" in (m.text or ""), since=mark)
    assert "Siemens" in (told.text or "")
    (request,) = await deps.storage.matching.requests_of(7400)
    assert request.status == "expired"
    # answering it now is refused
    answer = await deps.matching.accept(7401, request.id)
    assert getattr(answer, "name", "") == "NOT_YOURS"


async def test_a_double_booking_is_refused(bot: BotApplication, standin: StandIn) -> None:
    deps = bot.bot_data.deps
    host = standin.user(7500, first_name="H", language_code="en")
    await host.ask("/matching")
    hosting = await quick_profile(deps, 7500, "Samsung")
    for guest in (7501, 7502):
        await quick_profile(deps, guest, f"Guest {guest}")
        assert not isinstance(await deps.matching.send(guest, hosting, FIRST, ""), str)
    first, second = await deps.storage.matching.requests_of(7500)
    ok = await deps.matching.accept(7500, first.id)
    assert getattr(ok, "table_no", None) == 1
    screen = await host.press(host.last, data=f"Ma:{second.id}")
    assert "already has a meeting in this slot" in (screen.text or "")
    again = await deps.storage.matching.request(second.id)
    assert again is not None and again.status == "pending"  # nothing changed
    assert await deps.storage.matching.double_bookings() == 0


async def test_forget_cancels_meetings_and_tells_the_other_side(
    bot: BotApplication, standin: StandIn
) -> None:
    deps = bot.bot_data.deps
    pair = ((7600, "en", "Leaving Ltd"), (7601, "fr", "Staying SA"))
    leaving, staying = await confirmed_pair(bot, standin, pair)
    mark = staying.seq
    confirm = await leaving.ask("/forget")
    await leaving.press(confirm, next(b for b in labels(confirm) if "🗑" in b))
    told = await staying.wait_for(lambda m: "a annulé" in (m.text or ""), since=mark)
    assert "Leaving Ltd" in (told.text or "")
    store = deps.storage.matching
    assert await store.profile(7600) is None and await store.requests_of(7600) == []
    assert await store.booked_slots(7601) == set()


async def test_meeting_reminders_follow_each_persons_reminder_settings(
    bot: BotApplication, standin: StandIn, clock: Clock
) -> None:
    deps = bot.bot_data.deps
    pair = ((7900, "en", "Early Ltd"), (7901, "en", "Quiet SA"))
    early, quiet = await confirmed_pair(bot, standin, pair)
    await deps.storage.users.set_lead_minutes(7900, 60)
    await deps.storage.users.set_reminders(7901, on=False)
    await deps.matching_planner.run()
    due = deps.matching_planner.next_due()
    assert due == datetime.fromisoformat("2025-10-28T07:30:00+07:00")  # 60 min before
    clock.set(datetime.fromisoformat("2025-10-28T07:31:00+07:00"))
    mark_early, mark_quiet = early.seq, quiet.seq
    assert await deps.matching_planner.run() == 1
    reminded = await early.wait_for(lambda m: "⏰" in (m.text or ""), since=mark_early)
    assert "Quiet SA" in (reminded.text or "")
    clock.set(datetime.fromisoformat("2025-10-28T08:25:00+07:00"))
    assert await deps.matching_planner.run() == 0  # not twice; reminders off: none
    await settled(standin, bot)
    assert not any("⏰" in (m.text or "") for m in quiet.events_since(mark_quiet))


async def test_slots_offered_leave_out_what_either_agenda_holds(
    bot: BotApplication, standin: StandIn, clock: Clock
) -> None:
    deps = bot.bot_data.deps
    user = standin.user(7950, first_name="U", language_code="en")
    card = await user.ask("/start s_HERIT")  # 08:30–10:00 on 28/10, beside BM1
    await user.press(card, next(b for b in labels(card) if "Follow" in b))
    await quick_profile(deps, 7950, "Busy Ltd")
    other = await quick_profile(deps, 7951, "Free SA")
    slots = await user.press(await user.ask("/matching"), data=f"Mc:{other}:0")
    offered = " ".join(labels(slots))
    assert "08:30–08:50" not in offered and "09:50–10:10" not in offered
    assert "10:10–10:30" in offered
