import pytest

from bot.ui import actions


@pytest.mark.parametrize(
    "action",
    [
        actions.plain(actions.HOME),
        actions.theme(3, 2),
        actions.day(1),
        actions.results(4),
        actions.language("vi"),
        actions.session("AIGOV"),
        actions.session("AIGOV", actions.theme(2, 1)),
        actions.session("42", actions.plain(actions.NOW)),
        actions.follow("AIGOV", actions.agenda(1)),
        actions.follow_theme(2, 1),
        actions.agenda(3),
        actions.plain(actions.CALENDAR),
        actions.setting("Rl", 30),
        actions.setting("Re", 0),
        actions.setting("Rf", 1),
    ],
)
def test_every_action_round_trips(action: actions.Action) -> None:
    assert actions.parse(action.encode()) == action


@pytest.mark.parametrize(
    "forged",
    [
        None,
        "",
        "delete_everything",
        "t:1",
        "t:a:b",
        "t:-1:0",
        "t:99999999:0",
        "d:1:0:0",
        "L:de",
        "s:",
        "s:AI GOV",
        "s:ÁI",
        "s:AIGOV:s:X",
        "s:AIGOV:bogus",
        "q:",
        "x" * 65,
        "t:１:0",  # full-width digit passes str.isdigit
        "Rl:20",  # not an offered lead time
        "Re:2",
        "F:AIGOV:F:X",
        "A:1:2",
        "T:1",
    ],
)
def test_forged_or_truncated_data_is_rejected(forged: str | None) -> None:
    assert actions.parse(forged) is None
