"""Typed button actions: every type written as buttons always carried it, read back, within
Telegram's 64 bytes; stale, cut and forged data reads as nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

import pytest

from bot.deps import Deps
from bot.features.browse.actions import ThemePage
from bot.programme.loader import load_schedule
from bot.ui.actions import Action, ActionTypes, AnyAction, Back, Go, Plain, data_of
from bot.ui.model import MAX_ACTION_BYTES, Button
from bot.ui.sessions import OpenSession, session_action
from tests.conftest import SCHEDULE
from tests.unit.bot.ui.examples import EXAMPLES, TYPES

ACTIONS = ActionTypes(TYPES)


def test_every_action_type_has_examples() -> None:
    assert {type(a) for a in EXAMPLES} == set(TYPES)
    plain = {member for kind in TYPES if issubclass(kind, Plain) for member in kind}
    assert plain <= set(EXAMPLES)  # every plain verb, one by one


async def test_the_route_table_reads_exactly_these_types(core: Deps) -> None:
    assert core.navigator.routes.actions.verbs == ACTIONS.verbs


@pytest.mark.parametrize(("action", "data"), EXAMPLES.items(), ids=EXAMPLES.values())
def test_every_action_is_written_as_before_and_reads_back(action: AnyAction, data: str) -> None:
    assert data_of(action) == data
    assert ACTIONS.parse(data) == action
    assert len(data.encode()) <= MAX_ACTION_BYTES


@pytest.mark.parametrize(("action", "data"), EXAMPLES.items(), ids=EXAMPLES.values())
def test_forged_variants_of_every_action_read_as_nothing(action: AnyAction, data: str) -> None:
    forged = [
        f"{data}:~x",  # a tail no action has
        "~" + data,  # no such verb
        (data + "ệ" * 30)[:64],  # Vietnamese letters take 2-3 bytes: over 64 bytes
        data + "#" * (65 - len(data)),  # 65 bytes
        data.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))  # digits, but not ASCII
        if any(c.isdigit() for c in data)
        else data + ":",
    ]
    assert [f for f in forged if ACTIONS.parse(f) is not None] == []


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
        "t:10000:0",
        "Qv:0:0",  # record ids start at 1
        "Qv:0123:0",
        "Qv:1234567890:0",  # ten digits
        "d:1:0:0",
        "L:de",
        "L:",
        "s:",
        "s:AI GOV",
        "s:ÁI",
        "s:ĐÀO",
        "s:AIGOV:",
        "s:AIGOV:s:X",
        "s:AIGOV:F:X",
        "s:AIGOV:fs:X",
        "s:AIGOV:bcs:X",
        "s:AIGOV:bogus",
        "q:",
        "x" * 65,
        "q:0" + "ệ" * 21,  # 24 characters, 66 bytes
        "t:１:0",  # full-width digit passes str.isdigit
        "Rl:20",  # not an offered lead time
        "Re:2",
        "Rf:00",
        "F:AIGOV:F:X",
        "A:1:2",
        "T:1",
        "svy:4",  # no such audience
        "bca:6",
        "bca:-1",
        "bcw:1:3",  # no fourth language
        "bcf:1:9",
        "bcs:AIGOV:home",  # no way back from a choice of audience
        "fs:OPEN:A:3",
        "home:1",
        "noop:",
        "ics:x",
    ],
)
def test_forged_or_truncated_data_is_rejected(forged: str | None) -> None:
    assert ACTIONS.parse(forged) is None


def test_a_forged_lone_surrogate_reads_as_nothing_rather_than_failing() -> None:
    assert ACTIONS.parse("s:\ud800") is None
    assert ACTIONS.parse("\udfff" * 40) is None


def test_a_card_drops_its_way_back_when_both_do_not_fit_in_64_bytes() -> None:
    session = load_schedule(SCHEDULE).sessions[0]
    long_key = replace(session, key="K" * 58)
    assert len(data_of(OpenSession(long_key.key, ThemePage(12, 3)))) > MAX_ACTION_BYTES
    assert session_action(long_key, ThemePage(12, 3)) == "s:" + "K" * 58
    assert session_action(session, ThemePage(12, 3)) == f"s:{session.key}:t:12:3"
    with pytest.raises(ValueError, match="64-byte"):
        Button("too long", data_of(OpenSession(long_key.key, ThemePage(12, 3))))


def test_two_types_may_not_share_a_verb() -> None:
    class Home(Plain):
        HOME = "home"

    with pytest.raises(ValueError, match="'home'"):
        ActionTypes([Go, Home])


def test_a_back_is_the_last_field_and_only_written_types_are_allowed() -> None:
    class Verbs(StrEnum):
        BAD = "bad"
        ODD = "odd"

    @dataclass(frozen=True)
    class BackFirst(Action, verb=Verbs.BAD):
        back: Back
        page: int = 0

    @dataclass(frozen=True)
    class Odd(Action, verb=Verbs.ODD):
        ratio: float

    with pytest.raises(TypeError, match="comes last"):
        ActionTypes([BackFirst])
    with pytest.raises(TypeError, match="no way to write"):
        ActionTypes([Odd])


def test_a_verb_cannot_hold_the_separator() -> None:
    with pytest.raises(ValueError, match="without ':'"):

        class Colon(Action, verb="a:b"):
            pass
