"""The judged set ranks right: the expected session first, and the expected theme, speaker or
room offered before the sessions. The score is printed at the end of the run (conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.programme.loader import load_schedule
from bot.programme.search import EntityHit, search
from tests.conftest import SCHEDULE, democon_path
from tests.unit.bot.programme.conftest import JUDGED_SCORES
from tests.unit.bot.programme.search_judgements import DEMOCON, VIDW, Judgement


def _entity(hit: EntityHit) -> str:
    entity = hit.entity
    name = entity.track.slug if entity.track is not None else entity.name
    return f"{entity.kind.value}:{name}"


def _misses(path: Path, judged: list[Judgement]) -> list[str]:
    schedule = load_schedule(path)
    misses = []
    for j in judged:
        results = search(schedule, j.query, j.lang)
        first = results.sessions[0].session.key if results.sessions else None
        entities = [_entity(e) for e in results.entities]
        if first != j.first or (j.entity is not None and entities[:1] != [j.entity]):
            misses.append(
                f"[{j.lang}] {j.query!r}: wanted {j.first} {j.entity or ''}, got "
                f"{first} {' '.join(entities)}"
            )
    return misses


@pytest.mark.parametrize(
    ("name", "path", "judged"),
    [("VIDW programme", SCHEDULE, VIDW), ("pretalx demo export", democon_path(), DEMOCON)],
)
def test_every_judged_query_ranks_its_session_first(
    name: str, path: Path, judged: list[Judgement]
) -> None:
    misses = _misses(path, judged)
    JUDGED_SCORES[name] = (len(judged) - len(misses), len(judged))
    assert not misses, f"{len(judged) - len(misses)}/{len(judged)} rank right:\n" + "\n".join(
        misses
    )


def test_the_judged_sets_are_as_large_as_asked() -> None:
    assert len(VIDW) >= 40 and {j.lang for j in VIDW} == {"vi", "en", "fr"}
    assert len(DEMOCON) >= 10
    for lang in ("vi", "en", "fr"):
        assert sum(j.lang == lang for j in VIDW) >= 10
