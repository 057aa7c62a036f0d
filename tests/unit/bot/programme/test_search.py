"""Ranked search on the VIDW programme and the pretalx demo export: the rules one by one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.programme.current import CurrentProgramme
from bot.programme.loader import load_schedule
from bot.programme.model import Schedule
from bot.programme.search import Matched, index_of, search
from bot.programme.search_index import EntityKind, Part
from bot.programme.search_words import acronyms, canonical, meaningful
from bot.programme.textfold import words
from tests.conftest import SCHEDULE, democon_path


@pytest.fixture(scope="module")
def vidw() -> Schedule:
    return load_schedule(SCHEDULE)


@pytest.fixture(scope="module")
def democon() -> Schedule:
    return load_schedule(democon_path())


def keys(schedule: Schedule, query: str, lang: str = "en") -> list[str]:
    return [s.key for s in search(schedule, query, lang).found()]


def test_results_are_ranked_not_in_programme_order(vidw: Schedule) -> None:
    # The exhibition and the roundtable mention digital transformation in their abstracts
    # only; the theme's own sessions come before them.
    found = keys(vidw, "chuyen doi so", "vi")
    theme = next(t for t in vidw.tracks if t.slug == "digital-transformation")
    in_theme = {s.key for s in vidw.in_track(theme)}
    assert set(found[: len(in_theme)]) == in_theme
    assert found.index("EXPO1") > len(in_theme) - 1
    hits = search(vidw, "chuyen doi so", "vi").sessions
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_accents_and_case_do_not_change_anything(vidw: Schedule) -> None:
    assert keys(vidw, "Chuyển đổi số", "vi") == keys(vidw, "chuyen doi so", "vi")
    assert keys(vidw, "GOUVERNANCE", "fr") == keys(vidw, "gouvernance", "fr")


def test_short_words_match_whole_words_only(vidw: Schedule) -> None:
    # "AI" is in French abstracts only as the start of "aider" and "ainsi".
    assert "G5IND" not in keys(vidw, "AI", "en")
    assert "G5IND" not in keys(vidw, "ai", "fr")
    assert set(keys(vidw, "5G")) >= {"NB5G", "G5A", "SMART", "G5IND"}
    assert keys(vidw, "eu", "vi")[:2] == ["EUCOOP", "EUPART"]  # (EU) and "European Union"


def test_stop_words_do_not_count(vidw: Schedule) -> None:
    assert keys(vidw, "gouvernance de l'IA", "fr") == keys(vidw, "gouvernance IA", "fr")
    assert keys(vidw, "ket noi cua doanh nghiep", "vi")[0] == "BM1"
    assert search(vidw, "the", "en").sessions == ()
    assert meaningful(words("la gouvernance de l'IA")) == ["gouvernance", "ia"]


def test_theme_acronyms_stand_for_their_theme(vidw: Schedule) -> None:
    ai = next(t for t in vidw.tracks if t.slug == "artificial-intelligence")
    theme = {s.key for s in vidw.in_track(ai)}
    for query, lang in [("AI", "en"), ("IA", "fr"), ("TTNT", "vi")]:
        found = search(vidw, query, lang)
        assert theme <= set(s.key for s in found.found())
        assert found.entities[0].entity.track == ai
    assert acronyms(words("Chuyển đổi số")) == ["cds"]
    assert "de" not in acronyms(words("Digital Enterprises"))  # a stop word is no acronym
    # The acronym finds the theme spelled out too, in any language.
    assert keys(vidw, "CĐS", "vi")[0] == "AIDT"


def test_typos_within_one_edit_from_five_letters(vidw: Schedule) -> None:
    assert keys(vidw, "goverance")[0] == "AIGOV"  # a letter missing
    assert keys(vidw, "logisitcs")[0] == "SMART"  # two letters swapped
    assert keys(vidw, "blaor") == ["BLAIR"]  # five letters, one changed
    assert keys(vidw, "gull") == []  # four letters: no typo allowed ("gill")
    assert keys(vidw, "zebra quantum") == []


def test_other_spellings_and_plurals(vidw: Schedule) -> None:
    assert keys(vidw, "data center")[0] == "DC"
    assert keys(vidw, "data centres")[0] == "DC"
    assert keys(vidw, "fiber")[0] == "NB5G"
    assert keys(vidw, "startup")[0] == keys(vidw, "startups")[0] == "STUP"
    assert set(keys(vidw, "program")) == set(keys(vidw, "programme"))
    assert canonical("centres") == canonical("center") == "center"
    assert canonical("policies") == "policy"
    assert canonical("régionaux".replace("é", "e")) == "regional"


def test_exact_words_rank_above_prefixes(vidw: Schedule) -> None:
    hits = search(vidw, "talent", "en").sessions
    exact = {h.session.key for h in hits if "talent" in words(h.session.title_in("en"))}
    assert {h.session.key for h in hits[: len(exact)]} == exact


def test_what_matched_when_not_the_title(vidw: Schedule) -> None:
    def matched(query: str, key: str, lang: str) -> Matched | None:
        results = search(vidw, query, lang)
        return next(results.matched(h) for h in results.sessions if h.session.key == key)

    assert matched("tony blair", "BLAIR", "vi") is None  # in the Vietnamese title too
    assert matched("jonathan baker", "RAM", "en") == Matched(Part.SPEAKER, "Jonathan Baker")
    abstract = matched("chuyen doi so", "EXPO1", "vi")
    assert abstract is not None and abstract.part is Part.ABSTRACT
    assert matched("TTNT", "BLAIR", "vi") == Matched(Part.THEME, "Trí tuệ nhân tạo")
    title = matched("table ronde", "AIGOV", "vi")
    assert title is not None and title.part is Part.TITLE and title.langs == {"fr"}
    room = matched("hall b", "SEC", "en")
    assert room == Matched(Part.ROOM, "Ninh Binh — Hall B")


def test_speakers_themes_and_rooms_come_first_when_they_match_better(
    vidw: Schedule, democon: Schedule
) -> None:
    curtis = search(democon, "curtis andrews", "en")
    assert [(e.kind, e.entity.name) for e in curtis.entities] == [
        (EntityKind.SPEAKER, "Curtis Andrews")
    ]
    assert len(curtis.entities[0].entity.sessions) == 5
    assert search(vidw, "tony blair", "en").entities == ()  # one session: the session is enough
    theme = search(vidw, "5G", "vi").entities
    assert [e.entity.name_in("vi") for e in theme] == ["5G"]
    room = search(vidw, "salle b", "fr").entities
    assert [e.entity.name_in("fr") for e in room] == ["Ninh Binh — Salle B"]
    assert search(vidw, "governance", "en").entities == ()


def test_nothing_found_suggests_the_closest_theme_or_speaker(vidw: Schedule) -> None:
    blair = search(vidw, "blair zebra", "en")
    assert blair.sessions == ()
    assert blair.suggestion is not None and blair.suggestion.name == "Tony Blair"
    theme = search(vidw, "intelligence artificielle quantique", "fr").suggestion
    assert theme is not None and theme.kind is EntityKind.THEME
    assert search(vidw, "zebra quantum", "en").suggestion is None


def test_the_index_is_built_once_per_programme(vidw: Schedule) -> None:
    assert index_of(vidw) is index_of(vidw)
    renamed = replace(
        vidw, sessions=tuple(replace(s, title="Zebra " + s.title) for s in vidw.sessions)
    )
    programme = CurrentProgramme(vidw)
    assert keys(programme.schedule, "zebra") == []
    programme.replace(renamed)  # a reload brings a new Schedule: a new index
    assert index_of(renamed) is not index_of(vidw)
    assert len(keys(programme.schedule, "zebra")) == len(vidw.sessions)


def test_a_query_with_no_meaningful_word_finds_nothing(vidw: Schedule) -> None:
    for query in ["", "   ", "de la", "?!", "và của"]:
        found = search(vidw, query, "vi")
        assert found.sessions == () and found.suggestion is None


@given(query=st.text(max_size=100))
def test_any_text_is_searched_without_error_and_ranked(vidw: Schedule, query: str) -> None:
    schedule = vidw
    for lang in ("vi", "en", "fr"):
        results = search(schedule, query, lang)
        scores = [h.score for h in results.sessions]
        assert scores == sorted(scores, reverse=True)
        assert len({h.session.key for h in results.sessions}) == len(scores)
        for hit in results.sessions[:6]:
            results.matched(hit)


def test_the_kept_best_fields_are_bounded_and_change_nothing(
    vidw: Schedule, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = replace(vidw)  # its own index, nothing kept yet
    monkeypatch.setattr("bot.programme.search_index.KEPT_ENTRIES", 10)
    index = index_of(fresh)
    for query in ["digital transformation", "tony blair", "AI", "hall b", "chuyen doi so"]:
        assert keys(fresh, query) == keys(vidw, query)
        assert index.kept < 10 + len(index.docs)  # cleared before it grows past the bound
