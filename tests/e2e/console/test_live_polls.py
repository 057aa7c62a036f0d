"""Live polls from the console: started on a session's moderation page, sent to who follows
the session or opened its card today (Telegram: a native poll; Zalo: numbered text), answers
merged across languages and channels, a vote retracted, closing stops the native polls; bad
forms shown again with every problem and nothing lost; forged and role-less requests refused."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import aiohttp
import pytest
from openpyxl import load_workbook

from bot.channels import ZALO
from bot.features.exports.files import export_file
from bot.features.exports.results import collect
from bot.features.live_polls.service import LivePoll, subject_of
from bot.outgoing import Poll, Receipt, encode
from bot.storage.outbox import OutboxItem
from bot.ui.model import PollRequest
from standin.telegram import ChatMessage, SimUser, StandIn
from standin.zalo import ZaloStandIn
from tests.e2e.conftest import RunningBot
from tests.e2e.console.conftest import STAFF, Console, console_running, csrf_of
from tests.e2e.delivery.helpers import until_done
from tests.e2e.questions.test_asking import ask
from tests.e2e.zalo.test_zalo import channel, meet, number_of

TIMEOUT = 10.0
MODERATOR = 7320

POLL_FORM = {
    "question_vi": "Quý vị ưu tiên lĩnh vực nào cho AI?",
    "question_en": "Which field should AI serve first?",
    "question_fr": "Quel domaine l’IA doit-elle servir d’abord\u00a0?",
    "option1_vi": "Y tế",
    "option1_en": "Health",
    "option1_fr": "Santé",
    "option2_vi": "Giáo dục",
    "option2_en": "Education",
    "option2_fr": "Éducation",
    "option3_vi": "Nông nghiệp",  # one text for every language
}


@pytest.fixture
async def with_zalo(
    start_bot: RunningBot, standin: StandIn, zalo: ZaloStandIn
) -> AsyncIterator[Console]:
    async with console_running(start_bot, standin, zalo=channel(zalo)) as running:
        yield running


def is_poll(message: ChatMessage) -> bool:
    return message.poll is not None


async def page_of(client: aiohttp.ClientSession, console: Console, code: str = "AIGOV") -> str:
    async with client.get(f"{console.base}/questions/{code}") as response:
        assert response.status == 200
        return await response.text()


async def start_poll(
    client: aiohttp.ClientSession, console: Console, form: dict[str, str], code: str = "AIGOV"
) -> aiohttp.ClientResponse:
    data = {"csrf": csrf_of(await page_of(client, console, code)), **form}
    async with client.post(f"{console.base}/questions/{code}/poll/start", data=data) as r:
        r.content_text = await r.text()  # type: ignore[attr-defined]
        return r


async def close_poll(client: aiohttp.ClientSession, console: Console, poll: LivePoll) -> str:
    """The moderation page after "Close the poll"."""
    data = {"csrf": csrf_of(await page_of(client, console)), "poll": str(poll.id)}
    async with client.post(f"{console.base}/questions/AIGOV/poll/close", data=data) as r:
        assert "done=poll-closed" in str(r.url)
        return await r.text()


async def the_poll(console: Console) -> LivePoll:
    guid = console.deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    (poll, *_older) = await console.deps.live_polls.of_session(guid)
    return poll


async def settled(console: Console, expected: dict[str, dict[str, int]]) -> LivePoll:
    async with asyncio.timeout(TIMEOUT):
        while (poll := await the_poll(console)).tally.by_language != expected:
            await asyncio.sleep(0.02)
    return poll


async def follower(standin: StandIn, user_id: int, language: str) -> SimUser:
    user = standin.user(user_id, first_name="A", language_code=language)
    card = await user.ask("/start s_AIGOV")
    await user.press(card, data="F:AIGOV")
    return user


async def test_a_live_poll_from_start_to_close_merges_languages_and_channels(
    with_zalo: Console, zalo: ZaloStandIn
) -> None:
    console = with_zalo
    standin = console.standin
    vi = await follower(standin, 7301, "vi")  # follows the session
    en = standin.user(7302, first_name="B", language_code="en")
    await en.ask("/start s_AIGOV")  # only opened its card today
    bystander = standin.user(7303, first_name="C", language_code="fr")
    await bystander.ask("/start")  # neither: gets nothing
    hoa = zalo.user("900000000000007304", name="Hoa")
    await meet(hoa, "fr")
    found = await hoa.ask("Roundtable", timeout=TIMEOUT)
    await hoa.ask(number_of(found, "10:30"), timeout=TIMEOUT)  # the card, on Zalo
    marks = {7301: vi.seq, 7302: en.seq, 7303: bystander.seq}
    zalo_mark = hoa.seq

    staff = await console.session(STAFF)
    async with staff:
        started = await start_poll(staff, console, POLL_FORM)
        assert "done=poll" in str(started.url)
        poll = await the_poll(console)
        assert poll.open and poll.row.sent == 3
        on_vi = await vi.wait_for(is_poll, since=marks[7301], timeout=TIMEOUT)
        on_en = await en.wait_for(is_poll, since=marks[7302], timeout=TIMEOUT)
        on_zalo = await hoa.wait_for(lambda m: "l’IA" in m.text, since=zalo_mark, timeout=TIMEOUT)
        assert on_vi.poll["question"] == POLL_FORM["question_vi"]
        assert [o["text"] for o in on_en.poll["options"]] == ["Health", "Education", "Nông nghiệp"]
        assert on_en.poll["is_anonymous"] is False
        assert "1. Santé" in on_zalo.text and "3. Nông nghiệp" in on_zalo.text

        await vi.answer_poll(on_vi.poll["id"], [0])  # Y tế
        await en.answer_poll(on_en.poll["id"], [1])  # Education
        thanks = await hoa.ask("1", timeout=TIMEOUT)  # Santé, from Zalo in French
        assert thanks.text.startswith("Merci, votre réponse est enregistrée.")
        merged = await settled(console, {"1": {"vi": 1, "fr": 1}, "2": {"en": 1}})
        assert (merged.tally.count("1"), merged.tally.respondents) == (2, 3)
        async with staff.get(f"{console.base}/questions/AIGOV/poll") as r:
            results = await r.text()
        assert "Health" in results and "fill p67" in results and "fill p33" in results

        await en.answer_poll(on_en.poll["id"], [])  # the vote taken back
        retracted = await settled(console, {"1": {"vi": 1, "fr": 1}})
        assert retracted.tally.respondents == 2

        closed_page = await close_poll(staff, console, poll)
        await until_done(console.deps.delivery, f"live-poll-stop:{poll.id}")
        assert vi.message(on_vi.message_id).poll["is_closed"] is True  # type: ignore[union-attr]
        assert en.message(on_en.message_id).poll["is_closed"] is True  # type: ignore[union-attr]
        assert "Closed at" in closed_page and "Health" in closed_page  # the results stay
        assert "Start the poll" in closed_page  # and a new one may begin
        async with staff.get(f"{console.base}/results") as r:  # and on the results page
            panel = (await r.text()).split('data-panel="AIGOV"', 1)[1].split("</section>", 1)[0]
        assert "2 respondents" in panel and "Health" in panel

    final = await the_poll(console)
    assert not final.open and final.tally.by_language == {"1": {"vi": 1, "fr": 1}}
    assert not any(m.poll for m in bystander.messages)
    user_id, _ = await console.deps.storage.channel_users.user_id(ZALO, hoa.id)
    assert await console.deps.storage.channel_users.pending(user_id) is None  # numbers dropped
    actions = [e.action for e in await console.deps.storage.console.audit()]
    assert actions[:2] == ["poll-close", "poll-start"]


async def test_a_bad_form_is_shown_again_with_every_problem_and_nothing_lost(
    console: Console,
) -> None:
    staff = await console.session(STAFF)
    async with staff:
        bad = {
            "question_vi": "",
            "question_en": "",
            "option1_en": "Yes",
            "option2_en": "x" * 101,
        }
        response = await start_poll(staff, console, bad)
        text = response.content_text  # type: ignore[attr-defined]
        assert response.status == 422
        assert "Please write the question, in at least one language." in text
        assert "Option 2 (EN) has 101 characters; Telegram takes at most 100." in text
        assert 'value="Yes"' in text and "x" * 101 in text  # nothing typed is lost

        long_question = {**POLL_FORM, "question_fr": "Q" * 301}
        response = await start_poll(staff, console, long_question)
        text = response.content_text  # type: ignore[attr-defined]
        assert "The question (FR) has 301 characters; Telegram takes at most 300." in text
        assert "Q" * 301 in text and "Nông nghiệp" in text

        one = await start_poll(staff, console, {"question_en": "Ready?", "option1_en": "Yes"})
        assert "A poll needs at least 2 options" in one.content_text  # type: ignore[attr-defined]

        twice = {"question_en": "Ready?", "option1_en": "Yes", "option2_en": "yes"}
        same = await start_poll(staff, console, twice)
        assert "Options 1 and 2 read the same (EN)." in same.content_text  # type: ignore[attr-defined]

        # A session that has ended takes no poll; the form stays filled.
        ended = await start_poll(staff, console, POLL_FORM, code="OPEN")
        assert ended.status == 422
        assert "while the session takes questions" in ended.content_text  # type: ignore[attr-defined]
        assert "Giáo dục" in ended.content_text  # type: ignore[attr-defined]

        # One open poll per session: a second is refused (and says why).
        assert "done=poll" in str((await start_poll(staff, console, POLL_FORM)).url)
        again = await start_poll(staff, console, POLL_FORM)
        assert "has an open poll already" in again.content_text  # type: ignore[attr-defined]
    guid = console.deps.programme.schedule.session("AIGOV").guid  # type: ignore[union-attr]
    assert len(await console.deps.live_polls.of_session(guid)) == 1


async def test_forged_csrf_less_and_role_less_requests_are_refused(console: Console) -> None:
    deps = console.deps
    gill = deps.programme.schedule.session("GILL")
    assert gill is not None
    await deps.navigator.roles.grant_moderator(
        gill.guid, MODERATOR, STAFF, deps.navigator.clock.now()
    )
    staff = await console.session(STAFF)
    async with staff:
        page = await page_of(staff, console)
        async with staff.post(f"{console.base}/questions/AIGOV/poll/start", data=POLL_FORM) as r:
            assert r.status == 403  # no CSRF token
        assert "done=poll" in str((await start_poll(staff, console, POLL_FORM)).url)
        poll = await the_poll(console)
        async with staff.post(
            f"{console.base}/questions/AIGOV/poll/close", data={"poll": str(poll.id)}
        ) as r:
            assert r.status == 403
        for forged in ("999999", "x", "", str(poll.id) + "0" * 12):
            async with staff.post(
                f"{console.base}/questions/AIGOV/poll/close",
                data={"csrf": csrf_of(page), "poll": forged},
            ) as r:
                assert "done=poll-gone" in str(r.url)
                assert "was closed already" in await r.text()
        async with staff.post(  # the poll of another session's page
            f"{console.base}/questions/GILL/poll/close",
            data={"csrf": csrf_of(page), "poll": str(poll.id)},
        ) as r:
            assert "done=poll-gone" in str(r.url)
    assert (await the_poll(console)).open

    moderator = await console.session(MODERATOR)  # moderates GILL, not AIGOV
    async with moderator:
        page = await page_of(moderator, console, "GILL")
        for path in ("poll/start", "poll/close"):
            async with moderator.post(
                f"{console.base}/questions/AIGOV/{path}",
                data={"csrf": csrf_of(page), "poll": str(poll.id), **POLL_FORM},
            ) as r:
                assert r.status == 403
        async with moderator.get(f"{console.base}/questions/AIGOV/poll") as r:
            assert r.status == 403
    async with (
        aiohttp.ClientSession() as nobody,  # no console session at all
        nobody.post(f"{console.base}/questions/AIGOV/poll/close", data={"poll": str(poll.id)}) as r,
    ):
        assert r.status in (401, 403)
    attendee = console.standin.user(7330, first_name="D", language_code="en")
    reply = await attendee.ask("/console")
    assert "/login?t=" not in (reply.text or "")  # no link for a staff-less, moderator-less user
    assert (await the_poll(console)).open


async def test_the_workbook_has_the_live_polls_and_the_questions_in_the_readers_language(
    console: Console,
) -> None:
    deps = console.deps
    vi = await follower(console.standin, 7340, "vi")
    en = await follower(console.standin, 7341, "en")
    marks = vi.seq, en.seq
    await ask(en, "Will the AI law cover open-source models?")
    staff = await console.session(STAFF)
    async with staff:
        await start_poll(staff, console, {**POLL_FORM, "multiple": "1"})
        on_vi = await vi.wait_for(is_poll, since=marks[0], timeout=TIMEOUT)
        on_en = await en.wait_for(is_poll, since=marks[1], timeout=TIMEOUT)
        await vi.answer_poll(on_vi.poll["id"], [0, 2])  # several answers
        await en.answer_poll(on_en.poll["id"], [0])
        await settled(console, {"1": {"vi": 1, "en": 1}, "3": {"vi": 1}})
        poll = await the_poll(console)
        await close_poll(staff, console, poll)
    schedule = deps.programme.schedule
    data = await collect(deps.storage, schedule, deps.surveys.definition, user_ids=False)
    french = deps.navigator.catalogs["fr"]
    book = load_workbook(
        io.BytesIO(export_file("xlsx", data, deps.surveys.definition, schedule, french))
    )
    assert "Sondages en direct" in book.sheetnames and "Questions" in book.sheetnames
    rows = list(book["Sondages en direct"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("session", "titre", "sondage", "question")
    by_option = {row[7]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    health = by_option["1"]
    assert health["réponse"] == "Santé" and health["question"] == POLL_FORM["question_fr"]
    assert (
        health["tous\u00a0: réponses"],
        health["vi\u00a0: réponses"],
        health["en\u00a0: réponses"],
    ) == (2, 1, 1)
    assert health["% des répondants"] == 100 and health["répondants"] == 2
    assert (
        by_option["3"]["réponse"] == "Nông nghiệp" and by_option["3"]["tous\u00a0: réponses"] == 1
    )
    assert by_option["2"]["tous\u00a0: réponses"] == 0
    assert health["clos"] and health["plusieurs réponses"] is True
    questions = list(book["Questions"].iter_rows(values_only=True))
    asked = dict(zip(questions[0], questions[1], strict=True))
    assert asked["question"] == "Will the AI law cover open-source models?"
    assert (asked["langue"], asked["votes"], asked["répondue"]) == ("en", 0, False)
    assert asked["statut"] == "en attente du modérateur"
    raw = list(book["Réponses brutes"].iter_rows(values_only=True))
    titles = {row[1] for row in raw[1:] if str(row[0]).startswith("live:")}
    assert titles == {f"AIGOV — {POLL_FORM['question_vi']}", f"AIGOV — {POLL_FORM['question_en']}"}


async def test_a_poll_delivered_after_the_closing_is_stopped_at_once(console: Console) -> None:
    deps = console.deps
    late = console.standin.user(7350, first_name="E", language_code="en")
    await late.ask("/start")
    staff = await console.session(STAFF)
    async with staff:
        await start_poll(staff, console, POLL_FORM)
        poll = await the_poll(console)
        await close_poll(staff, console, poll)
    # The poll was on its way when the moderator closed it: Telegram names it afterwards.
    request = PollRequest(
        subject_of(poll.id), "live", "en", "Which field?", ("Health", "Education"), ("1", "2")
    )
    sent = await console.app.bot.send_poll(
        7350, "Which field?", ["Health", "Education"], is_anonymous=False
    )
    assert sent.poll is not None
    item = OutboxItem(0, f"live-poll:{poll.id}", "live-poll", 7350, encode(Poll(request)), 1)
    await deps.live_polls.on_sent(item, Receipt(sent.message_id, sent.poll.id))
    await until_done(deps.delivery, f"live-poll-stop:{poll.id}")
    assert late.message(sent.message_id).poll["is_closed"] is True  # type: ignore[union-attr]
    assert await deps.storage.feedback.open_polls(subject_of(poll.id)) == []


async def test_who_opens_the_card_while_the_poll_is_open_gets_it_once(console: Console) -> None:
    staff = await console.session(STAFF)
    async with staff:
        await start_poll(staff, console, POLL_FORM)
        poll = await the_poll(console)
        assert poll.row.sent == 0  # nobody followed or opened the card yet
        newcomer = console.standin.user(7360, first_name="F", language_code="fr")
        mark = newcomer.seq
        await newcomer.ask("/start s_AIGOV")
        got = await newcomer.wait_for(is_poll, since=mark, timeout=TIMEOUT)
        assert got.poll["question"] == POLL_FORM["question_fr"]
        await newcomer.ask("/start s_AIGOV")  # again: no second poll
        await until_done(console.deps.delivery, f"live-poll:{poll.id}")
        assert [m.poll is not None for m in newcomer.messages].count(True) == 1
        assert (await the_poll(console)).row.sent == 1
        await close_poll(staff, console, poll)
    late = console.standin.user(7361, first_name="G", language_code="en")
    await late.ask("/start s_AIGOV")  # after the closing: nothing
    await late.ask("/help")
    assert not any(m.poll for m in late.messages)
