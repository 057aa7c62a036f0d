"""/privacy, /forget, staff granted in the chat, and privileged buttons forged by attendees."""

from __future__ import annotations

import asyncio

from bot.outgoing import Outgoing, Text
from bot.storage import Storage
from standin.telegram import ChatMessage, StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot

ORGANIZER = 950
TIMEOUT = 10.0


async def rows(storage: Storage, sql: str, *params: object) -> int:
    row = await storage.db.one(sql, params)
    assert row is not None
    return int(row[0])


async def test_privacy_says_what_is_kept_in_the_readers_language(
    start_bot: RunningBot, standin: StandIn
) -> None:
    vi, fr = standin.user(901, language_code="vi"), standin.user(902, language_code="fr")
    async with start_bot():
        in_vi = await vi.ask("/privacy")
        in_fr = await fr.ask("/privacy")
    assert "Dữ liệu cá nhân lưu trong bot" in in_vi.text
    assert "mã người dùng Telegram (901)" in in_vi.text
    assert "được thể hiện bằng một mã ẩn danh" in in_vi.text
    assert "Ce que je conserve" in in_fr.text and "/forget" in in_fr.text
    assert in_fr.labels[0] == "🗑 Effacer mes données"


async def test_forget_deletes_the_person_and_keeps_their_answers_as_anonymous_counts(
    start_bot: RunningBot, standin: StandIn
) -> None:
    user = standin.user(910, language_code="en")
    other = standin.user(911, language_code="en")
    async with start_bot() as bot:
        storage = bot.bot_data.deps.storage
        for person in (user, other):
            card = await person.ask("/start s_OPEN")  # started at 08:30: it can be rated
            card = await person.press(card, data="F:OPEN")
            mark = person.seq
            await person.press(card, data="fs:OPEN")
            poll = await person.wait_for(lambda m: m.poll is not None, since=mark, timeout=TIMEOUT)
            mark = person.seq
            await person.answer_poll(poll.poll["id"], [0])
            await person.wait_for(since=mark, timeout=TIMEOUT)  # the comment offer
            await person.ask("Very good opening.")
        # A message waiting for the user (due tomorrow).
        later = at("2025-10-28T09:00+07:00")
        await storage.outbox.enqueue(
            "test", "test", [Outgoing(910, Text("later"), "test:910", later)], later
        )
        answers_before = await rows(storage, "SELECT count(*) FROM answers")

        cancelled = await user.press(await user.ask("/forget"), "Cancel")
        assert await storage.users.get(910) is not None
        confirm = await user.ask("/forget")
        assert "cannot be undone" in confirm.text
        done = await user.press(confirm, "🗑 Yes, delete my data")

        answers_after = await rows(storage, "SELECT count(*) FROM answers")
        mine = {
            table: await rows(storage, f"SELECT count(*) FROM {table} WHERE {column} = 910")
            for table, column in (
                ("users", "id"),
                ("follows", "user_id"),
                ("answers", "user_id"),
                ("comments", "user_id"),
                ("polls", "user_id"),
                ("outbox", "chat_id"),
            )
        }
        others = await rows(storage, "SELECT count(*) FROM follows WHERE user_id = 911")
        comments = await rows(storage, "SELECT count(*) FROM comments")
        again = await user.ask("/start")
        fresh = await storage.users.get(910)
    assert "Welcome" in cancelled.text  # back to the main menu, nothing deleted
    assert done.text.startswith("Done: your data is deleted")
    assert answers_after == answers_before == 2
    assert mine == dict.fromkeys(mine, 0)
    assert others == 1 and comments == 1
    assert "Welcome" in again.text
    assert fresh is not None and fresh.first_seen >= at("2025-10-27T10:00+07:00")


async def test_organizers_grant_and_revoke_staff_in_the_chat(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="en")
    helper = standin.user(921, language_code="fr")
    attendee = standin.user(922, language_code="en")

    async with start_bot(organizers=frozenset({ORGANIZER}), staff=frozenset({923})):
        await helper.ask("/start")
        refused = await helper.ask("/stats")
        assert "réservée" in refused.text
        listing = await organizer.ask("/staff")
        assert "From the configuration (VIDW_STAFF): 923" in listing.text
        assert "/staff add &lt;user id&gt;" not in listing.text  # escaped once, shown as text
        assert "/staff add <user id>" in listing.text
        assert "only for the organizers" in (await attendee.ask("/staff add 922")).text
        bad = await organizer.ask("/staff add someone")
        assert "numeric Telegram user id" in bad.text
        mark = len(helper.messages)
        added = await organizer.ask("/staff add 921")
        assert added.text == "User 921 is now staff: /stats and /export are open to them."
        welcome = await helper.wait_for(since=mark, timeout=TIMEOUT)
        assert welcome.text.startswith("Vous avez désormais l’accès équipe")
        assert "réservée" not in (await helper.ask("/stats")).text
    # The grant is in the database: it survives a restart.
    async with start_bot(organizers=frozenset({ORGANIZER}), staff=frozenset({923})):
        stats = await helper.ask("/stats")
        assert "réservée" not in stats.text
        configured = await organizer.ask("/staff remove 923")
        assert "through the configuration (VIDW_STAFF)" in configured.text
        removed = await organizer.ask("/staff remove 921")
        assert removed.text == "User 921 is no longer staff."
        await asyncio.sleep(0.3)
        assert "réservée" in (await helper.ask("/stats")).text


def refusal(message: ChatMessage) -> bool:
    text = message.text or ""
    return "only for the organizers" in text or "staff and organizers" in text


async def test_every_privileged_button_an_attendee_could_forge_does_nothing(
    start_bot: RunningBot, standin: StandIn
) -> None:
    """The organizer has a broadcast ready to send (#1); an attendee forges every privileged
    callback data the bot knows, with real ids: each is refused, nothing is created or sent."""
    organizer = standin.user(ORGANIZER, language_code="en")
    attendee = standin.user(930, language_code="en")
    forged = [
        *(f"svy:{n}" for n in range(4)),
        "bc",
        *(f"bca:{n}" for n in range(4)),
        "bcd:1:0",
        "bcs:AIGOV",
        "bct:0",
        "bcv:1",
        *(f"bcw:1:{n}" for n in range(4)),
        *(f"bcf:1:{n}" for n in range(4)),
        "bcp:1",
        "bcy:1",
        "bcn:1",
        "stats",
    ]
    async with start_bot(organizers=frozenset({ORGANIZER})) as bot:
        storage = bot.bot_data.deps.storage
        await attendee.ask("/start")
        audiences = await organizer.ask("/broadcast")
        await organizer.press(audiences, audiences.labels[0])
        await organizer.ask("Ready to go.")
        draft = await storage.broadcasts.get(1)
        assert draft is not None and draft.status == "draft"
        outbox_before = await rows(storage, "SELECT count(*) FROM outbox")
        answers = []
        for data in forged:
            answers.append(await attendee.press(await attendee.ask("/help"), data=data))
        await asyncio.sleep(0.3)
        after = await storage.broadcasts.get(1)
        outbox_after = await rows(storage, "SELECT count(*) FROM outbox")
        broadcasts = await rows(storage, "SELECT count(*) FROM broadcasts")
    assert [data for data, answer in zip(forged, answers, strict=True) if not refusal(answer)] == []
    assert after == draft
    assert outbox_after == outbox_before
    assert broadcasts == 1
    assert not any("Ready to go" in (m.text or "") for m in attendee.messages)


async def test_organizers_and_staff_get_their_commands_in_their_own_menu(
    start_bot: RunningBot, standin: StandIn
) -> None:
    organizer = standin.user(ORGANIZER, language_code="fr")
    helper = standin.user(941, language_code="en")

    def menu(user_id: int | None) -> list[str]:
        scope = {"type": "chat", "chat_id": user_id} if user_id else None
        return [c["command"] for c in standin.commands(scope=scope)]

    async with start_bot(organizers=frozenset({ORGANIZER})):
        await organizer.ask("/start")
        await helper.ask("/start")
    async with start_bot(organizers=frozenset({ORGANIZER})):  # menus are set at start
        organizer_menu = menu(ORGANIZER)
        await organizer.ask("/staff add 941")
        helper_menu = menu(941)
        await organizer.ask("/staff remove 941")
        helper_after = menu(941)
        described = standin.commands(scope={"type": "chat", "chat_id": ORGANIZER})
    assert {"broadcast", "survey", "reload", "staff", "stats", "export"} <= set(organizer_menu)
    assert "broadcast" not in menu(None) and "stats" not in menu(None)
    assert "stats" in helper_menu and "export" in helper_menu and "broadcast" not in helper_menu
    assert helper_after == []
    assert {"command": "broadcast", "description": "Envoyer une annonce"} in described
