"""What inline mode offers: the search's ranking, page by page within Telegram's limits, now
and next when nothing is typed, one card for a short code, the card's text."""

from __future__ import annotations

import random
import re

import pytest

from bench.search import synthetic_programme
from bot.features.sharing.offers import PAGE, offers
from bot.i18n import Catalogs
from bot.programme.codes import codes_of
from bot.programme.loader import load_schedule
from bot.programme.model import Schedule
from bot.programme.search import search
from bot.ui.view import View
from tests.conftest import SCHEDULE, at

NOW = at("2025-10-27T10:00:00+07:00")
START = re.compile(r"[A-Za-z0-9_-]{1,64}")


@pytest.fixture(scope="module")
def vidw() -> Schedule:
    return load_schedule(SCHEDULE)


@pytest.fixture(scope="module")
def big(vidw: Schedule) -> Schedule:
    return synthetic_programme(vidw, 1000, random.Random(19))


def test_the_ranking_is_the_searchs_page_by_page_within_telegrams_limits(
    catalogs: Catalogs, big: Schedule
) -> None:
    view = View(catalogs["en"], big, NOW)
    ranked = [s.key for s in search(big, "digital", "en").found()]
    assert len(ranked) > 2 * PAGE
    offered, offset, pages = [], "", 0
    while True:
        page = offers(view, "digital", offset)
        assert len(page.offers) <= 50
        assert all(1 <= len(o.id.encode()) <= 64 and START.fullmatch(o.start) for o in page.offers)
        assert len(page.next_offset.encode()) <= 64
        offered += [o.id for o in page.offers]
        pages += 1
        if not page.next_offset:
            break
        offset = page.next_offset
    assert offered == ranked and pages == -(-len(ranked) // PAGE)


def test_nothing_typed_offers_what_is_on_now_then_next(catalogs: Catalogs, vidw: Schedule) -> None:
    page = offers(View(catalogs["en"], vidw, NOW), "   ")
    assert [o.id for o in page.offers][:3] == ["EXPO1", "GILL", "AIGOV"]
    after = offers(View(catalogs["en"], vidw, at("2025-11-01T10:00:00+07:00")), "")
    assert [o.id for o in after.offers] == [s.key for s in vidw.featured()][:20]


def test_a_short_code_offers_that_session_only(catalogs: Catalogs, vidw: Schedule) -> None:
    view = View(catalogs["vi"], vidw, NOW)
    code = codes_of(vidw).code(vidw.session("AIGOV"))  # type: ignore[arg-type]
    assert [o.id for o in offers(view, code).offers] == ["AIGOV"]
    assert offers(view, "S-QQQQQ").offers == ()


def test_the_card_says_what_when_and_where_in_the_readers_language(
    catalogs: Catalogs, vidw: Schedule
) -> None:
    (offer,) = offers(View(catalogs["fr"], vidw, NOW), "S-MRAIG").offers
    assert offer.title.startswith("Table ronde ministérielle")
    assert offer.description.startswith("Lun. 27/10 10:30–12:00 · ")
    assert "<b>Table ronde ministérielle" in offer.text and "Lundi 27 octobre 2025" in offer.text
    assert offer.start == "s_AIGOV" and offer.open_label == "Ouvrir dans le bot"


def test_an_over_long_query_or_a_forged_offset_is_still_an_answer(
    catalogs: Catalogs, big: Schedule
) -> None:
    view = View(catalogs["en"], big, NOW)
    assert len(offers(view, "digital " * 500).offers) <= PAGE
    for forged in ("-1", "abc", "99999999", "１２", "20" * 40):
        assert offers(view, "digital", forged) == offers(view, "digital"), forged
    assert offers(view, "digital", "9000").offers == ()  # past the last: nothing more
