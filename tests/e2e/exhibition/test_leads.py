"""Leads, with consent, end to end: an attendee types a contact, sees exactly what will be
shared and confirms (nothing reaches the exhibitor before); the exhibitor's staff get it in the
chat and download their booth's leads as a CSV; another booth's leads are refused; withdrawing
and /forget remove it; organizers tie staff to a booth."""

from __future__ import annotations

import asyncio
import csv
import io

import pytest

from standin.telegram import StandIn
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.zalo.test_zalo import TIMEOUT, channel, choose, meet, user_id_of

ORGANIZER, STAFF_B12, STAFF_B1 = 750, 751, 752

WORDS = {
    "en": {
        "share": "📇 Share my contact with this exhibitor",
        "name": "full name",
        "bad": "neither an e-mail address nor a phone number",
        "exact": "exactly what the exhibitor will receive",
        "confirm": "✅ Share with the exhibitor",
        "shared": "Your contact is shared with this exhibitor.",
        "withdraw": "↩️ Withdraw my contact",
        "theirs": "the copy the exhibitor has already received is theirs",
    },
    "vi": {
        "share": "📇 Chia sẻ liên hệ với đơn vị triển lãm này",
        "name": "họ và tên",
        "bad": "không phải là địa chỉ thư điện tử hay số điện thoại",
        "exact": "nhận đúng những thông tin sau",
        "confirm": "✅ Chia sẻ với đơn vị triển lãm",
        "shared": "Liên hệ của Quý vị đã được chia sẻ với đơn vị triển lãm này.",
        "withdraw": "↩️ Rút lại liên hệ",
        "theirs": "bản sao đơn vị triển lãm đã nhận thuộc về đơn vị đó",
    },
    "fr": {
        "share": "📇 Partager mon contact avec cet exposant",
        "name": "nom et prénom",
        "bad": "ni une adresse électronique ni un numéro de téléphone",
        "exact": "exactement ce que l’exposant recevra",
        "confirm": "✅ Partager avec l’exposant",
        "shared": "Votre contact est partagé avec cet exposant.",
        "withdraw": "↩️ Retirer mon contact",
        "theirs": "la copie que l’exposant a déjà reçue lui appartient",
    },
}


def leads_in(message: object) -> list[list[str]]:
    name, content = getattr(message, "document", None) or ("", b"")
    assert name.endswith(".csv") and content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


async def grant(standin: StandIn, booth: str, user_id: int) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    answer = await organizer.ask(f"/exhibitor_staff {booth} {user_id}")
    assert f"{user_id} is now staff of booth {booth}." in answer.text


@pytest.mark.parametrize("language", ["en", "vi", "fr"])
async def test_share_a_contact_with_consent_then_withdraw_it(
    start_bot: RunningBot, standin: StandIn, language: str
) -> None:
    words = WORDS[language]
    staff = standin.user(STAFF_B12, language_code="en")
    attendee = standin.user(760, language_code=language)
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        await staff.ask("/start")
        await grant(standin, "B12", STAFF_B12)
        welcome = await staff.wait_for(lambda m: "You are now staff of" in m.text)
        assert "/leads" in welcome.text
        card = await attendee.ask("/start x_B12")
        prompt = await attendee.press(card, words["share"])
        assert words["name"] in prompt.text and words["theirs"] in prompt.text
        await attendee.ask("Nguyễn Thị Lan")
        await attendee.ask("Bộ Khoa học và Công nghệ")
        await attendee.ask("Chuyên viên")
        wrong = await attendee.ask("tomorrow at the booth")
        assert words["bad"] in wrong.text  # asked again, nothing lost
        preview = await attendee.ask("+84 24 3943 0000")
        assert words["exact"] in preview.text
        for typed in ("Nguyễn Thị Lan", "Bộ Khoa học và Công nghệ", "Chuyên viên", "+84 24"):
            assert typed in preview.text
        store = bot.bot_data.deps.storage.leads
        assert await store.of_booth("B12") == []  # nothing shared before the confirmation
        mark = staff.seq
        shared = await attendee.press(preview, words["confirm"])
        assert words["shared"] in shared.text
        lead = await staff.wait_for(lambda m: m.text.startswith("📇"), since=mark)
        assert "booth B12" in lead.text and "Nguyễn Thị Lan" in lead.text
        assert "+84 24 3943 0000" in lead.text
        mark = staff.seq
        await staff.send("/leads")
        rows = leads_in(await staff.wait_for(lambda m: m.document is not None, since=mark))
        assert rows[0][:3] == ["Booth", "Exhibitor", "Shared at"]
        assert rows[1][0] == "B12" and rows[1][3] == "Nguyễn Thị Lan"
        assert rows[1][-1] == "'+84 24 3943 0000"  # kept as text, not a formula
        organizer = standin.user(ORGANIZER, language_code="en")
        figures = await organizer.ask("/exhibitor_staff")
        assert f"B12: {STAFF_B12}" in figures.text and "Contacts shared\n• B12: 1" in figures.text
        withdrawn = await attendee.press(shared, words["withdraw"])
        assert words["share"] in withdrawn.labels
        assert await store.of_booth("B12") == []


async def test_another_booths_leads_are_refused_and_attendees_have_none(
    start_bot: RunningBot, standin: StandIn
) -> None:
    staff = standin.user(STAFF_B1, language_code="en")
    attendee = standin.user(761, language_code="en")
    async with start_bot(organizers=frozenset({ORGANIZER})):
        await staff.ask("/start")
        await grant(standin, "B1", STAFF_B1)
        refused = await staff.ask("/leads B12")
        assert "You receive the contacts of booth B1 only" in refused.text
        nobody = await attendee.ask("/leads")
        assert "Only an exhibitor's staff can download its contacts." in nobody.text
        mark = staff.seq
        await staff.send("/leads")
        rows = leads_in(await staff.wait_for(lambda m: m.document is not None, since=mark))
        assert len(rows) == 1  # the header: nobody shared yet
        organizer = standin.user(ORGANIZER, language_code="en")
        unknown = await organizer.ask("/exhibitor_staff Z9 42")
        assert "There is no exhibitor at the booth Z9." in unknown.text
        usage = await organizer.ask("/exhibitor_staff B12")
        assert "Write /exhibitor_staff B12 <user id>" in usage.text
        listed = await organizer.ask("/exhibitor_staff")
        assert f"B1: {STAFF_B1}" in listed.text
        removed = await organizer.ask(f"/exhibitor_staff remove {STAFF_B1}")
        assert "is no longer staff of booth B1" in removed.text
        gone = await staff.ask("/leads")
        assert "Only an exhibitor's staff" in gone.text
        attempted = await attendee.ask(f"/exhibitor_staff B1 {attendee.id}")
        assert "B1" not in attempted.text  # refused: organizers only


async def test_details_shared_once_are_offered_again_and_forget_removes_the_leads(
    start_bot: RunningBot, standin: StandIn
) -> None:
    attendee = standin.user(762, language_code="en")
    async with start_bot() as bot:
        card = await attendee.ask("/start x_A1")
        await attendee.press(card, WORDS["en"]["share"])
        for typed in ("Jean Dupont", "Ambassade de France", "Attaché", "jean@example.fr"):
            preview = await attendee.ask(typed)
        await attendee.press(preview, WORDS["en"]["confirm"])
        other = await attendee.ask("/start x_C2")
        offered = await attendee.press(other, WORDS["en"]["share"])
        assert "jean@example.fr" in offered.text  # to confirm, or type other details
        cancelled = await attendee.press(offered, "✖️ Cancel")
        assert WORDS["en"]["share"] in cancelled.labels
        answered = len(attendee.callback_answers)
        await attendee.tap(cancelled, data="xc:12")  # C2's ✅, with nothing typed for it
        for _ in range(50):  # the card stays as it is: only the pop-up notice says why
            if len(attendee.callback_answers) > answered:
                break
            await asyncio.sleep(0.1)
        assert "There is no contact waiting to be shared" in attendee.callback_answers[-1]
        store = bot.bot_data.deps.storage.leads
        assert [lead.booth for lead in [await store.lead(attendee.id, "A1")] if lead] == ["A1"]
        assert await store.lead(attendee.id, "C2") is None
        confirm = await attendee.ask("/forget")
        await attendee.press(confirm, "🗑 Yes, delete my data")
        assert await store.lead(attendee.id, "A1") is None


async def test_zalo_shares_a_contact_given_as_a_phone_number(
    start_bot: RunningBot, zalo: ZaloStandIn
) -> None:
    lan = zalo.user("8123456789012345641", name="Lan", name_field="display_name")
    async with start_bot(zalo=channel(zalo)) as bot:
        await meet(lan, "vi")
        card = await lan.ask("B12")
        prompt = await choose(lan, card, "Chia sẻ liên hệ")
        assert "họ và tên" in prompt.text
        for typed in ("Trần Văn Minh", "Sở Khoa học và Công nghệ Ninh Bình", "Phó Giám đốc"):
            asked = await lan.ask(typed, timeout=TIMEOUT)
        assert "thư điện tử hoặc số điện thoại" in asked.text
        preview = await lan.ask("091 234 56 78", timeout=TIMEOUT)  # digits in groups: no choice
        assert "nhận đúng những thông tin sau" in preview.text and "091 234 56 78" in preview.text
        shared = await choose(lan, preview, "Chia sẻ với đơn vị triển lãm")
        assert "Liên hệ của Quý vị đã được chia sẻ" in shared.text
        user_id = await user_id_of(bot, lan)
        lead = await bot.bot_data.deps.storage.leads.lead(user_id, "B12")
        assert lead is not None and lead.contact == "091 234 56 78"
