"""Matching rules without storage: slots inside the BM sessions, ranking, typed details."""

from __future__ import annotations

from datetime import datetime

from bot.features.matching.rules import (
    Refusal,
    all_slots,
    clashing_slots,
    ranked,
    read_details,
    slot_refusal,
)
from bot.programme.loader import load_schedule
from bot.storage.matching import Profile
from bot.ui.meetings import slot_of, slot_start
from tests.conftest import SCHEDULE


def person(
    n: int, themes: str = "", offering: str = "", seeking: str = "", visible: bool = True
) -> Profile:
    def codes(text: str) -> frozenset[str]:
        return frozenset(text.split()) if text else frozenset()

    return Profile(
        n, 1000 + n, f"Org {n}", "", "", codes(themes), codes(offering), codes(seeking), "", visible
    )


def test_slots_are_twenty_minutes_inside_the_business_matching_sessions() -> None:
    schedule = load_schedule(SCHEDULE)
    slots = all_slots(schedule)
    assert len(slots) == 18  # BM1 and BM2, three hours each
    first = slot_start(slots[0]).astimezone(schedule.zone)
    assert first.isoformat().startswith("2025-10-28T08:30")
    now = datetime.fromisoformat("2025-10-28T09:00:00+07:00")
    assert slot_refusal(schedule, slots[0], now) is Refusal.PAST
    assert slot_refusal(schedule, slots[0] + 5, now) is Refusal.OUTSIDE
    noon = slot_of(datetime.fromisoformat("2025-10-28T12:00:00+07:00"))
    assert slot_refusal(schedule, noon, now) is Refusal.OUTSIDE
    assert slot_refusal(schedule, slots[3], now) is None


def test_a_followed_session_takes_its_slots_but_not_the_exhibition() -> None:
    schedule = load_schedule(SCHEDULE)
    herit = schedule.session("HERIT")  # 08:30–10:00 on 28/10, beside BM1
    expo, bm1 = schedule.session("EXPO2"), schedule.session("BM1")
    assert herit is not None and expo is not None and bm1 is not None
    slots = all_slots(schedule)
    taken = clashing_slots(schedule, {herit.guid, expo.guid, bm1.guid})
    assert taken == set(slots[:5])  # 08:30 … 09:50; 10:00 is free again


def test_ranking_counts_themes_and_offers_against_needs_both_ways() -> None:
    me = person(1, themes="ai 5g", offering="investment", seeking="talent")
    others = [
        person(2, themes="ai"),  # 1
        person(3, seeking="investment", offering="talent", themes="5g"),  # 3
        person(4),  # 0
        person(5, themes="ai 5g", seeking="investment", visible=False),  # hidden
        person(1, themes="ai 5g"),  # myself
    ]
    assert [(p.id, s) for p, s in ranked(me, others)] == [(3, 3), (2, 1), (4, 0)]


def test_details_are_three_parts() -> None:
    found = read_details(" Viettel ;  Director of  Innovation; Viet Nam ")
    assert found is not None and found.role == "Director of Innovation"
    assert read_details("Viettel\nDirector\nViet Nam") is not None
    assert read_details("Viettel; Director") is None
    assert read_details("Viettel;; Viet Nam") is None
    assert read_details("x" * 81 + "; a; b") is None
