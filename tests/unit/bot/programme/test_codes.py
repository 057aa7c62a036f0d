"""Short codes: read aloud from the title, unique in a programme, the same at every start,
typed back in any case; speakers' link codes."""

from __future__ import annotations

import random
import re

from bench.search import synthetic_programme
from bot.programme.codes import SessionCodes, codes_of, speaker_code, typed_code
from bot.programme.loader import load_schedule
from tests.conftest import SCHEDULE, democon_path

CODE = re.compile(r"S-[A-Z0-9]{2,10}")


def test_codes_are_the_initials_of_the_title_with_acronyms_whole() -> None:
    schedule = load_schedule(SCHEDULE)
    codes = SessionCodes(schedule)
    assert codes.code(schedule.session("AIGOV")) == "S-MRAIG"  # Ministerial Roundtable AI Gov…
    assert codes.code(schedule.session("G5A")) == "S-AC5G"  # ASEAN Conference on 5G
    # the same title twice: the later key gets a digit
    assert {codes.code(schedule.session(k)) for k in ("EXPO1", "EXPO2")} == {"S-OTE", "S-OTE2"}


def test_every_session_of_a_large_programme_has_its_own_code_the_same_every_time() -> None:
    base = load_schedule(SCHEDULE)
    big = synthetic_programme(base, 1000, random.Random(7))
    first, again = SessionCodes(big), SessionCodes(big)
    made = [first.code(s) for s in big.sessions]
    assert len(set(made)) == len(made) == 1000
    assert made == [again.code(s) for s in big.sessions]
    assert all(CODE.fullmatch(code) for code in made)
    assert all(first.session(code) is s for code, s in zip(made, big.sessions, strict=True))


def test_a_code_is_read_as_people_type_it() -> None:
    schedule = load_schedule(SCHEDULE)
    codes = codes_of(schedule)
    aigov = schedule.session("AIGOV")
    for typed in ("S-MRAIG", "s-mraig", " S MRAIG ", "S – mraig", "s‐MRAIG"):
        assert codes.session(typed) is aigov, typed
    for other in ("S-", "SMRAIG", "S-MRAIG!", "speakers", "S-" + "A" * 11, "Ș-MRAIG"):
        assert typed_code(other) is None, other
    assert codes.session("S-ZZZZ") is None


def test_speaker_codes_fit_a_link_and_tell_accents_apart() -> None:
    names = load_schedule(democon_path()).speakers()
    made = {speaker_code(n) for n in names}
    assert len(made) == len(names)
    assert all(re.fullmatch(r"[0-9a-f]{10}", code) for code in made)
    assert speaker_code("Nguyễn Văn An") != speaker_code("Nguyễn Văn Ân")
    assert speaker_code("Phạm Quang Ngọc") == speaker_code("Phạm Quang Ngọc")
