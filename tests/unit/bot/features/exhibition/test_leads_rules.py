"""What a typed contact field must be, and how a booth code is read as people type it."""

from __future__ import annotations

import pytest

from bot.features.exhibition.leads import MAX_FIELD_CHARS, Problem, booth_and_user, checked
from bot.features.exhibition.routes import typed_booth


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("lan@most.gov.vn", None),
        ("+84 24 3943 0000", None),
        ("091 234 56 78", None),
        ("(024) 3943-0000", None),
        ("tomorrow at the booth", Problem.NOT_A_CONTACT),
        ("12345", Problem.NOT_A_CONTACT),  # too few digits for a phone
        ("lan@", Problem.NOT_A_CONTACT),
        ("a" * (MAX_FIELD_CHARS - 8) + "@x.vn.com", Problem.TOO_LONG),
    ],
)
def test_a_contact_is_an_email_address_or_a_phone_number(
    text: str, problem: Problem | None
) -> None:
    assert checked("contact", text)[1] is problem


def test_a_field_is_kept_as_one_line() -> None:
    assert checked("name", "  Nguyễn   Thị\nLan ") == ("Nguyễn Thị Lan", None)
    assert checked("role", "x" * (MAX_FIELD_CHARS + 1))[1] is Problem.TOO_LONG


@pytest.mark.parametrize(
    ("typed", "booth"),
    [("B12", "B12"), ("b12", "B12"), (" b 12 ", "B12"), ("B-12", "B12"), ("B012", "B12")],
)
def test_a_booth_code_as_people_type_it(typed: str, booth: str) -> None:
    assert typed_booth(typed) == booth


@pytest.mark.parametrize("typed", ["5G", "B1234", "AB12", "B", "roundtable"])
def test_what_is_no_booth_code(typed: str) -> None:
    assert typed_booth(typed) is None


def test_an_organizer_names_a_booth_and_a_user_id() -> None:
    assert booth_and_user(("b12", "42")) == ("B12", 42)
    assert booth_and_user(("B12",)) is None
    assert booth_and_user(("B12", "-1")) is None
