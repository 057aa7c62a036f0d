"""/export for staff: the workbook's figures match the answers given; CSV keeps diacritics."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from channels.telegram.app import BotApplication
from standin.telegram import StandIn
from tests.conftest import at
from tests.e2e.conftest import RunningBot

STAFF = 900
T = at("2025-10-27T12:10+07:00")


async def give_answers(bot: BotApplication) -> str:
    """Ratings of the roundtable in three languages, a survey answer and a comment."""
    deps = bot.bot_data.deps
    store = deps.storage.feedback
    roundtable = deps.navigator.schedule.session("AIGOV")
    assert roundtable is not None
    subject = f"session:{roundtable.guid}"
    for user, key, lang in [(1, "5", "vi"), (2, "4", "vi"), (3, "5", "en"), (4, "absent", "fr")]:
        await store.answer(subject, "rating", user, [key], lang, T)
    await store.answer("survey:vidw2025", "themes", 1, ["5g", "artificial-intelligence"], "vi", T)
    await store.answer("survey:vidw2025", "themes", 3, ["artificial-intelligence"], "en", T)
    await store.add_comment(subject, 1, "vi", "Rất bổ ích, cảm ơn!", T)
    return subject


async def test_staff_get_a_workbook_and_a_csv_with_every_figure(
    start_bot: RunningBot, standin: StandIn
) -> None:
    staff = standin.user(STAFF, language_code="en")
    async with start_bot(staff=frozenset({STAFF})) as bot:
        await give_answers(bot)
        mark = staff.seq
        await staff.send("/export")
        workbook_message = await staff.wait_for(lambda m: m.document is not None, since=mark)
        csv_message = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".csv"), since=mark
        )
        chart = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".png"), since=mark
        )
    assert (chart.document or ("", b""))[1].startswith(b"\x89PNG")
    name, content = workbook_message.document or ("", b"")
    assert name == "vidw2025-results.xlsx"
    assert workbook_message.caption == "Poll results — answers: 7, comments: 1."
    book = load_workbook(io.BytesIO(content))
    sessions = list(book["Sessions"].iter_rows(values_only=True))
    header, (roundtable, *others) = sessions[0], sessions[1:]
    row = dict(zip(header, roundtable, strict=True))
    assert others == []
    assert row["session"] == "AIGOV"
    assert (row["all: ratings"], row["all: mean"]) == (3, 4.67)
    assert (row["all: 5"], row["all: 4"], row["all: absent"]) == (2, 1, 1)
    assert (row["vi: ratings"], row["vi: mean"], row["en: ratings"], row["fr: absent"]) == (
        2,
        4.5,
        1,
        1,
    )
    themes = {r[0]: r for r in book["Survey themes"].iter_rows(values_only=True)}
    header = themes["option"]
    ai = dict(zip(header, themes["artificial-intelligence"], strict=True))
    assert (ai["all: answers"], ai["all: % of respondents"]) == (2, 100.0)
    assert dict(zip(header, themes["5g"], strict=True))["all: % of respondents"] == 50.0
    comments = list(book["Comments"].iter_rows(values_only=True))
    assert comments[1][2] == "vi" and comments[1][4] == "Rất bổ ích, cảm ơn!"
    assert book["Raw answers"].max_row == 1 + 7

    csv_name, csv_content = csv_message.document or ("", b"")
    assert csv_name == "vidw2025-answers.csv"
    assert csv_content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(csv_content.decode("utf-8-sig"))))
    assert rows[0] == [
        *("subject", "title", "question", "option", "language", "user", "answered_at", "channel")
    ]
    assert {r[7] for r in rows[1:]} == {"telegram"}
    vi_rows = [r for r in rows[1:] if r[4] == "vi" and r[2] == "rating"]
    assert vi_rows[0][1] == "AIGOV — Hội nghị bàn tròn cấp Bộ trưởng về quản trị trí tuệ nhân tạo"
    users = {r[5] for r in rows[1:]}
    assert "1" not in users and all(len(u) == 12 for u in users)  # pseudonyms, not ids


async def test_real_ids_only_when_configured(start_bot: RunningBot, standin: StandIn) -> None:
    staff = standin.user(STAFF, language_code="en")
    async with start_bot(staff=frozenset({STAFF}), export_user_ids=True) as bot:
        await give_answers(bot)
        mark = staff.seq
        await staff.send("/export")
        csv_message = await staff.wait_for(
            lambda m: m.document is not None and m.document[0].endswith(".csv"), since=mark
        )
    rows = list(csv.reader(io.StringIO((csv_message.document or ("", b""))[1].decode("utf-8-sig"))))
    assert {r[5] for r in rows[1:]} == {"1", "2", "3", "4"}


async def test_anyone_else_gets_a_refusal_and_no_file(
    start_bot: RunningBot, standin: StandIn
) -> None:
    attendee = standin.user(901, language_code="vi")
    async with start_bot(staff=frozenset({STAFF})) as bot:
        await give_answers(bot)
        refusal = await attendee.ask("/export")
    assert (
        refusal.text == "Xin lỗi, chức năng này chỉ dành cho cán bộ hỗ trợ và Ban Tổ chức sự kiện."
    )
    assert all(m.document is None for m in attendee.messages)


async def test_live_figures_for_staff_only(start_bot: RunningBot, standin: StandIn) -> None:
    staff = standin.user(STAFF, language_code="en")
    attendee = standin.user(902, language_code="fr")
    async with start_bot(staff=frozenset({STAFF})):
        card = await attendee.ask("/start s_AIGOV")
        await attendee.press(card, data="F:AIGOV")
        figures = await staff.ask("/stats")
        refused = await attendee.ask("/stats")
        forged = await attendee.press(await attendee.ask("/help"), data="stats")
    assert "Reachable: 2 · blocked the bot: 0 · active today: 2" in figures.text
    assert "1 · Ministerial Roundtable on AI Governance" in figures.text
    assert "Polls answered: 0 of 0 (—)" in figures.text
    assert refused.text.startswith("Désolé, cette fonction est réservée à l’équipe")
    assert forged.text == refused.text
