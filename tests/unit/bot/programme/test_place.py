from dataclasses import replace
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

from bot.programme.loader import load_schedule
from bot.programme.place import place
from tests.conftest import SCHEDULE, democon_path


def test_the_programmes_own_words_win() -> None:
    vidw = load_schedule(SCHEDULE)
    assert [place(vidw, lang) for lang in ("vi", "en", "fr")] == ["Việt Nam", "Viet Nam", "Vietnam"]


def test_otherwise_the_country_of_the_time_zone_in_the_readers_language() -> None:
    berlin = replace(load_schedule(democon_path()), zone=ZoneInfo("Europe/Berlin"))
    assert [place(berlin, lang) for lang in ("vi", "en", "fr")] == ["Đức", "Germany", "Allemagne"]


def test_a_bare_offset_names_no_place() -> None:
    democon = load_schedule(democon_path())
    assert democon.zone == timezone(timedelta(hours=1))
    assert place(democon, "en") is None
    assert place(replace(democon, zone=ZoneInfo("UTC")), "en") is None
