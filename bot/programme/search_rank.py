"""Scores for one query: which documents match every query word, and how well.

A document's score adds, word by word, the best field that word matched: the field's weight
(for the reader's language) times how good the match is (exact, other form, prefix, typo).
Then the best documents get a bonus for closeness: query words near each other, or in order,
in one field; a short field (a title, a name) that the query names whole; a stop word of the
query beside them ("hall a").
"""

from __future__ import annotations

import heapq

from bot.programme.search_index import SHORT_PARTS, Best, Field, SearchIndex
from bot.programme.search_match import Term

RERANKED = 50  # the best sessions by words alone get the closeness bonus
NEAR = 0.5  # share of a field's weight per extra query word next to the others
IN_ORDER = 0.5  # the same again when they are in the order typed
NAMED_WHOLE = 0.5  # the query names the whole field
STOP_WORD = 0.3  # a stop word of the query in a short field the other words matched


class Ranking:
    def __init__(self, index: SearchIndex, lang: str, terms: list[Term], stops: list[str]):
        self.index = index
        self.lang = lang
        self.terms = terms
        self.stops = stops
        self.weights = index.weight_table(lang)
        # For each term: document → (its best score for that term, the field that gave it)
        self.best = [self._best_fields(term) for term in terms]
        self.scores = self._scores()

    def main_field(self, doc: int) -> Field:
        """The field of `doc` that matches the most query words (the heavier one on a tie)."""

        def matching(fid: int) -> tuple[int, float]:
            return len(self._present(fid)), self.weights[fid]

        return self.index.fields[max(self.index.doc_fields[doc], key=matching)]

    def partial(self, doc: int) -> float:
        """The score of a document that matched only some of the words."""
        return sum(best[doc][0] for best in self.best if doc in best)

    def _best_fields(self, term: Term) -> dict[int, Best]:
        by_doc = self.index.best_by_doc
        found = [(by_doc(self.lang, word), quality) for word, quality in term.matches.items()]
        if term.acronym_fields:
            found.append((by_doc(self.lang, term.word, acronym=True), 1.0))
        found.sort(key=lambda pair: -len(pair[0]))
        best: dict[int, Best] = {}
        for per_doc, quality in found:
            if not best and quality == 1.0:
                best = dict(per_doc)  # the usual case, one exact word: copied, not looped
                continue
            for doc, (weight, fid) in per_doc.items():
                score = weight * quality
                current = best.get(doc)
                if current is None or score > current[0]:
                    best[doc] = (score, fid)
        return best

    def _scores(self) -> dict[int, float]:
        smallest, *others = sorted(self.best, key=len)
        scores: dict[int, float] = {}
        for doc, (score, _field) in smallest.items():  # every word must match: an intersection
            for best in others:
                hit = best.get(doc)
                if hit is None:
                    break
                score += hit[0]
            else:
                scores[doc] = score
        first_entity = self.index.sessions
        sessions = heapq.nlargest(
            RERANKED, (d for d in scores if d < first_entity), key=scores.__getitem__
        )
        top = scores[sessions[0]] if sessions else 0.0
        # An entity is shown only when it beats every session: those far behind cannot.
        entities = [d for d in scores if d >= first_entity and scores[d] * 2 >= top]
        for d in [*sessions, *entities]:
            # The fields that gave each word its score: where closeness is worth the most.
            fields = {best[d][1] for best in self.best}
            scores[d] += max(self._closeness(f) for f in fields)
        return scores

    def _closeness(self, fid: int) -> float:
        field = self.index.fields[fid]
        present = self._present(fid)
        short = field.part in SHORT_PARTS
        if not present or (len(present) == 1 and not short):
            return 0.0
        places = [_places(field, fid, t) for t in present]
        weight = self.weights[fid]
        bonus = 0.0
        if len(present) >= 2:
            k = len(present)
            span = _shortest_span(places)
            bonus += weight * NEAR * (k - 1) * (k - 1) / max(span - 1, 1)
            if k == len(self.terms) and _in_order(places):
                bonus += weight * IN_ORDER * (k - 1)
        if short:
            if len({p for ps in places for p in ps}) >= field.length:
                bonus += weight * NAMED_WHOLE
            bonus += weight * STOP_WORD * sum(stop in field.stops for stop in self.stops)
        return bonus

    def _present(self, fid: int) -> list[Term]:
        """The query words that this field matches."""
        words = self.index.fields[fid].positions.keys()
        return [
            t
            for t in self.terms
            if fid in t.acronym_fields or not words.isdisjoint(t.matches.keys())
        ]


def _places(field: Field, fid: int, term: Term) -> list[int]:
    """Where the term's words are in the field; an acronym stands for the words it abbreviates."""
    positions = field.positions
    if len(term.matches) < len(positions):
        found = [p for w in term.matches for p in positions.get(w, ())]
    else:
        found = [p for w, ps in positions.items() if w in term.matches for p in ps]
    spelled = term.acronym_fields.get(fid)
    if spelled is not None:
        found += spelled or (0,)
    return sorted(set(found))


def _shortest_span(places: list[list[int]]) -> int:
    """The fewest consecutive words that hold one place of each list."""
    events = sorted((p, i) for i, ps in enumerate(places) for p in ps)
    counts = [0] * len(places)
    covered, start, best = 0, 0, len(events) + 10**6
    for position, i in events:
        counts[i] += 1
        covered += counts[i] == 1
        while covered == len(places):
            best = min(best, position - events[start][0] + 1)
            j = events[start][1]
            counts[j] -= 1
            covered -= counts[j] == 0
            start += 1
    return best


def _in_order(places: list[list[int]]) -> bool:
    """The query words one after the other, as typed."""
    following = [set(p) for p in places[1:]]
    return any(all(first + i + 1 in f for i, f in enumerate(following)) for first in places[0])
