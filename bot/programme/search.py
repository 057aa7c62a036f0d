"""Search the programme: ranked sessions, with the themes, speakers and rooms that match better.

A session is found when each meaningful word of the query (stop words left out) matches one
of its texts, in any language; search_rank.py scores it, best first, ties in programme order.
For each session the results can say what matched when it was not the title in the reader's
language ("matched the abstract", "speaker: …"); when no session matches, they suggest the
closest theme, speaker or room. The index is built the first time a programme is searched.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.programme.memo import PerProgramme
from bot.programme.model import Schedule, Session
from bot.programme.search_index import Entity, EntityKind, Part, SearchIndex, build_index
from bot.programme.search_match import VARIANT, Term, expand
from bot.programme.search_rank import Ranking
from bot.programme.search_words import is_stop_word, meaningful
from bot.programme.textfold import fold, words

MAX_TERMS = 12
ENTITIES_SHOWN = 3
ENTITY_MARGIN = 0.9  # entities within this share of the best one are shown beside it
SUGGESTION_FLOOR = 75  # rapidfuzz WRatio (0-100) of the whole query against a name


@dataclass(frozen=True)
class Matched:
    """What found a session, when it was not its title in the reader's language."""

    part: Part  # TITLE (in another language), THEME, SPEAKER, ROOM or ABSTRACT
    text: str  # the speaker, the theme or room in the reader's language, the title that matched
    langs: frozenset[str] = frozenset()  # the languages of that title


class SessionHit(NamedTuple):  # a tuple: a broad query ranks hundreds at once
    session: Session
    score: float
    doc: int  # its place in the index, to say later what matched


class EntityHit(NamedTuple):
    entity: Entity
    score: float

    @property
    def kind(self) -> EntityKind:
        return self.entity.kind


@dataclass(frozen=True)
class SearchResults:
    sessions: tuple[SessionHit, ...]
    entities: tuple[EntityHit, ...] = ()  # themes, speakers, rooms that beat every session
    suggestion: Entity | None = None  # when no session matched: the closest theme or speaker
    _ranking: Ranking | None = field(default=None, repr=False, compare=False)

    def found(self) -> list[Session]:
        return [hit.session for hit in self.sessions]

    def matched(self, hit: SessionHit) -> Matched | None:
        """None when the title in the reader's language matched (asked per page shown)."""
        if self._ranking is None:
            return None
        return _matched(self._ranking, hit)


NOTHING = SearchResults(())


def search(schedule: Schedule, query: str, lang: str) -> SearchResults:
    """The sessions for `query`, best first, for a reader of `lang`."""
    folded = words(query)[: MAX_TERMS * 2]
    wanted = meaningful(folded)[:MAX_TERMS]
    if not wanted:
        return NOTHING
    stops = [w for w in dict.fromkeys(folded) if is_stop_word(w)]
    index = index_of(schedule)
    terms = _with_acronyms(index, wanted, [expand(index, word) for word in wanted])
    ranking = Ranking(index, lang, terms, stops)
    scores = ranking.scores
    # Best first; a tie keeps programme order (sessions are indexed in it, entities after).
    ranked = sorted(sorted(scores), key=scores.__getitem__, reverse=True)
    sessions = tuple(
        SessionHit(_session(index, d), scores[d], d) for d in ranked if d < index.sessions
    )
    if not sessions:
        return SearchResults((), (), _suggestion(ranking, query))
    entities = [EntityHit(_entity(index, d), scores[d]) for d in ranked if d >= index.sessions]
    return SearchResults(sessions, _better_than(entities, sessions[0].score), None, ranking)


# The index of a programme, built the first time it is searched.
index_of: PerProgramme[SearchIndex] = PerProgramme(build_index)


def _with_acronyms(index: SearchIndex, wanted: list[str], terms: list[Term]) -> list[Term]:
    """A name typed in full also finds its acronym: "intelligence artificielle" finds "l'IA"."""
    for phrase, acronyms in index.spelled_out.items():
        n = len(phrase)
        for start in range(len(wanted) - n + 1):
            if tuple(wanted[start : start + n]) == phrase:
                extra = {a: VARIANT for a in acronyms if a in index.postings}
                for i in range(start, start + n):
                    terms[i] = replace(terms[i], matches={**extra, **terms[i].matches})
    return terms


def _better_than(hits: list[EntityHit], top_session: float) -> tuple[EntityHit, ...]:
    """Themes, speakers of two sessions or more, and rooms, that beat every session."""
    shown = [
        h
        for h in hits
        if h.score > top_session and (h.kind is EntityKind.THEME or len(h.entity.sessions) > 1)
    ]
    if not shown:
        return ()
    best = shown[0].score
    return tuple(h for h in shown if h.score >= best * ENTITY_MARGIN)[:ENTITIES_SHOWN]


def _matched(ranking: Ranking, hit: SessionHit) -> Matched | None:
    best = ranking.main_field(hit.doc)
    lang = ranking.lang
    session = hit.session
    if best.part is Part.TITLE:
        return None if lang in best.langs else Matched(Part.TITLE, best.text, best.langs)
    if best.part is Part.THEME and session.track is not None:
        return Matched(Part.THEME, session.track.name_in(lang))
    if best.part is Part.ROOM:
        return Matched(Part.ROOM, session.room_in(lang))
    return Matched(best.part, best.text)


def _suggestion(ranking: Ranking, query: str) -> Entity | None:
    """The theme, speaker or room that matches the most query words, else the closest name."""
    index = ranking.index
    entities = range(index.sessions, len(index.docs))
    partial = {d: score for d in entities if (score := ranking.partial(d)) > 0}
    if partial:
        return _entity(index, max(partial, key=lambda d: (partial[d], -d)))
    names = {fold(index.fields[f].text): d for d in entities for f in index.doc_fields[d]}
    close = process.extractOne(
        fold(query), list(names), scorer=fuzz.WRatio, score_cutoff=SUGGESTION_FLOOR
    )
    return _entity(index, names[close[0]]) if close else None


def _session(index: SearchIndex, doc: int) -> Session:
    found = index.docs[doc]
    assert isinstance(found, Session)
    return found


def _entity(index: SearchIndex, doc: int) -> Entity:
    found = index.docs[doc]
    assert isinstance(found, Entity)
    return found
