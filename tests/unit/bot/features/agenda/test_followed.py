from bot.features.agenda.followed import clashes, followed_sessions
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE


def test_a_followed_theme_brings_all_its_sessions_and_keeps_time_order() -> None:
    schedule = load_schedule(SCHEDULE)
    ai = next(t for t in schedule.tracks if t.slug == "artificial-intelligence")
    opening = schedule.session("OPEN")
    assert opening is not None
    agenda = followed_sessions(schedule, {opening.guid}, {ai.slug})
    assert {s.key for s in agenda} == {"OPEN"} | {s.key for s in schedule.in_track(ai)}
    assert [s.start for s in agenda] == sorted(s.start for s in agenda)


def test_clashes_are_found_both_ways_and_back_to_back_is_fine() -> None:
    schedule = load_schedule(SCHEDULE)
    by_key = {s.key: s for s in schedule.sessions}
    # AITAL, NB5G and RAM all start at 13:30 on day 1; GILL (10:00–10:20) ends before AIGOV.
    picked = [by_key[k] for k in ("AITAL", "NB5G", "GILL", "AIGOV")]
    found = clashes(picked)
    assert {s.key for s in found[by_key["AITAL"].guid]} == {"NB5G"}
    assert {s.key for s in found[by_key["NB5G"].guid]} == {"AITAL"}
    assert by_key["GILL"].guid not in found
    assert by_key["AIGOV"].guid not in found
