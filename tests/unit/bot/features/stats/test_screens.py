"""/stats lists each failing background task in the reader's language; nothing when all is
well."""

from __future__ import annotations

import pytest

from bot.features.stats.screens import stats
from bot.i18n import Catalogs
from bot.programme.loader import load_schedule
from bot.supervise import RESTARTING, RUNNING, TaskHealth
from bot.ui.view import View
from tests.conftest import SCHEDULE, at

NOW = at("2025-10-27T14:30:00+07:00")
SENDER = TaskHealth(
    "sender", RESTARTING, 3, "OperationalError: database is locked", at("2025-10-27T14:02+07:00"), 4
)
WATCH = TaskHealth(
    "schedule-watch", RUNNING, 1, "OSError: <disk> gone", at("2025-10-26T23:50+07:00"), 1
)


def _screen(catalogs: Catalogs, lang: str, failing: tuple[TaskHealth, ...]) -> str:
    view = View(catalogs[lang], load_schedule(SCHEDULE), NOW)
    return stats(view, {}, 0, [], {}, (0, 0), 0, 0, failing).text


def test_one_line_per_failing_task_with_restarts_since_when_and_the_error(
    catalogs: Catalogs,
) -> None:
    text = _screen(catalogs, "en", (SENDER, WATCH))
    assert "<b>Background work in trouble</b>" in text
    assert (
        "⚠️ sender: failing since 14:02, restarted 3 times — OperationalError: database is locked"
        in text
    )
    # Since another day: the day is shown; the error is escaped like any text.
    assert "⚠️ schedule-watch: failing since Sun 26/10 23:50, restarted 1 time — " in text
    assert "OSError: &lt;disk&gt; gone" in text


def test_nothing_about_background_work_when_all_is_well(catalogs: Catalogs) -> None:
    text = _screen(catalogs, "en", ())
    assert "Background work" not in text and "⚠️" not in text


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        ("vi", "Tác vụ nền đang gặp sự cố", "sender: gặp lỗi từ 14:02, đã khởi động lại 3 lần"),
        ("fr", "Tâches de fond en difficulté", "sender\u00a0: en échec depuis 14:02, 3 relances"),
    ],
)
def test_the_failing_tasks_in_each_language(
    catalogs: Catalogs, lang: str, heading: str, line: str
) -> None:
    text = _screen(catalogs, lang, (SENDER,))
    assert heading in text and line in text
