"""The search index of one programme: every text a delegate may remember, cut into folded words.

A document is a session, or a theme, speaker or room (an entity, found as itself). Each
document has fields (a title in one language, a speaker's name, an abstract, ...); the index
maps each word to the fields it is in, and knows every distinct word for prefix and typo look-ups.
Built once per programme (bot/programme/search.py keeps it), then only read.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from bot.i18n import LANGUAGES
from bot.programme.model import Schedule, Session, Track
from bot.programme.search_words import (
    ANY_STOP_WORD,
    KNOWN_ACRONYMS,
    acronyms,
    canonical,
    is_stop_word,
)
from bot.programme.textfold import words


class Part(Enum):
    """Which text of a document a field holds."""

    TITLE = "title"
    THEME = "theme"
    SPEAKER = "speaker"
    ROOM = "room"
    ABSTRACT = "abstract"
    NAME = "name"  # an entity's own name


class EntityKind(Enum):
    THEME = "theme"
    SPEAKER = "speaker"
    ROOM = "room"


@dataclass(frozen=True)
class Entity:
    """A theme, speaker or room, with the sessions it leads to."""

    kind: EntityKind
    index: int  # among its kind: Schedule.tracks, .speakers(), .rooms() (what buttons carry)
    name: str  # as the programme writes it
    names: Mapping[str, str]  # by language, when it has translations
    sessions: tuple[Session, ...]
    track: Track | None = None

    def name_in(self, lang: str) -> str:
        return self.names.get(lang) or self.name


Document = Session | Entity

# How much a word found in a field counts. `reader`: the field is in the reader's language.
# Titles in the reader's language first, then theme, speakers and room, then the titles in the
# other languages, then abstracts.
_WEIGHTS: dict[Part, tuple[float, float]] = {  # (reader, other)
    Part.TITLE: (10.0, 4.0),
    Part.THEME: (6.0, 6.0),
    Part.SPEAKER: (7.0, 7.0),
    Part.ROOM: (5.0, 5.0),
    Part.ABSTRACT: (2.0, 1.0),
    Part.NAME: (10.0, 8.0),
}
KEPT_ENTRIES = 200_000  # best fields by document kept per index (some 20 MB at most)
Best = tuple[float, int]  # a score and the field that gave it

SHORT_PARTS = frozenset({Part.TITLE, Part.THEME, Part.SPEAKER, Part.ROOM, Part.NAME})


class Field(NamedTuple):  # a tuple: a big programme has tens of thousands, built at once
    doc: int
    part: Part
    langs: frozenset[str]  # the languages it is shown in; all of them for a speaker's name
    text: str
    positions: Mapping[str, Sequence[int]]  # word → its places, counting meaningful words
    length: int  # meaningful words
    stops: frozenset[str]  # its stop words: not indexed, but they may tip a tie ("hall a")

    def weight(self, lang: str) -> float:
        reader, other = _WEIGHTS[self.part]
        return reader if lang in self.langs else other


@dataclass
class SearchIndex:
    docs: list[Document]
    fields: list[Field]
    owner: list[int]  # field id → its document, for the scoring loop
    doc_fields: list[tuple[int, ...]]
    postings: dict[str, tuple[int, ...]]  # word → field ids
    # "ttnt" → the fields it stands for, with the places it covers: the theme's own fields
    # (all of them) and every text that spells the theme out ("... trí tuệ nhân tạo ...")
    acronyms: dict[str, dict[int, tuple[int, ...]]]
    spelled_out: dict[tuple[str, ...], tuple[str, ...]]  # ("tri", "tue", "nhan", "tao") → acronyms
    vocabulary: list[str]  # sorted, for prefixes
    variants: dict[str, tuple[str, ...]]  # canonical form → the words that have it
    by_length: dict[int, list[str]]  # for typos: candidates one edit away have ±1 letters
    weights: dict[str, list[float]] = field(default_factory=dict)  # by reader language
    sessions: int = 0  # docs[:sessions] are sessions, the rest entities
    # (language, word, is an acronym) → document → (its best field's weight, that field)
    by_doc: dict[tuple[str, str, bool], dict[int, tuple[float, int]]] = field(default_factory=dict)
    kept: int = 0  # entries in by_doc

    def weight_table(self, lang: str) -> list[float]:
        table = self.weights.get(lang)
        if table is None:
            table = self.weights[lang] = [f.weight(lang) for f in self.fields]
        return table

    def best_by_doc(self, lang: str, word: str, *, acronym: bool = False) -> dict[int, Best]:
        """For each document with `word` (or, for an acronym, what it stands for): the heaviest
        field that has it, for a reader of `lang`. Kept for the next queries with that word."""
        key = (lang, word, acronym)
        found = self.by_doc.get(key)
        if found is None:
            if self.kept >= KEPT_ENTRIES:
                self.by_doc.clear()  # a bound, not a policy: rebuilt in a millisecond when asked
                self.kept = 0
            weights, owner = self.weight_table(lang), self.owner
            found = {}
            fids = self.acronyms.get(word, {}) if acronym else self.postings.get(word, ())
            for fid in fids:
                doc, weight = owner[fid], weights[fid]
                current = found.get(doc)
                if current is None or weight > current[0]:
                    found[doc] = (weight, fid)
            self.by_doc[key] = found
            self.kept += len(found)
        return found

    def with_prefix(self, prefix: str) -> Iterable[str]:
        start = bisect_left(self.vocabulary, prefix)
        for word in self.vocabulary[start:]:
            if not word.startswith(prefix):
                return
            yield word


def build_index(schedule: Schedule) -> SearchIndex:
    builder = _Builder()
    for session in schedule.sessions:
        builder.add_session(session)
    for entity in _entities(schedule):
        builder.add_entity(entity)
    return builder.index(len(schedule.sessions))


class _Builder:
    def __init__(self) -> None:
        self.docs: list[Document] = []
        self.fields: list[Field] = []
        self.doc_fields: list[tuple[int, ...]] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.acronyms: dict[str, dict[int, tuple[int, ...]]] = defaultdict(dict)
        self.spelled_out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self.theme_acronyms: dict[str, list[str]] = {}
        self.cut: dict[str, tuple[dict[str, tuple[int, ...]], int, frozenset[str]]] = {}

    def add_session(self, s: Session) -> None:
        doc = self._doc(s)
        ids = [
            *self._texts(doc, Part.TITLE, s.title, s.titles),
            *self._texts(doc, Part.ABSTRACT, s.abstract, s.abstracts),
            *self._texts(doc, Part.ROOM, s.room, s.room_names),
            *(self._field(doc, Part.SPEAKER, name, frozenset(LANGUAGES)) for name in s.persons),
        ]
        if s.track is not None:
            ids += self._theme(doc, Part.THEME, s.track.name, s.track.names)
        self.doc_fields.append(tuple(ids))

    def add_entity(self, entity: Entity) -> None:
        doc = self._doc(entity)
        if entity.kind is EntityKind.THEME:
            ids = self._theme(doc, Part.NAME, entity.name, entity.names)
        else:
            ids = self._texts(doc, Part.NAME, entity.name, entity.names)
        self.doc_fields.append(tuple(ids))

    def _doc(self, document: Document) -> int:
        self.docs.append(document)
        return len(self.docs) - 1

    def _theme(self, doc: int, part: Part, name: str, names: Mapping[str, str]) -> list[int]:
        """A theme's fields; each of its acronyms stands for it, and for its name in full in
        every language ("AI" also finds "trí tuệ nhân tạo")."""
        ids = self._texts(doc, part, name, names)
        for acronym in self._acronyms(name, names):
            for fid in ids:
                self.acronyms[acronym][fid] = tuple(range(self.fields[fid].length))
        return ids

    def _acronyms(self, name: str, names: Mapping[str, str]) -> list[str]:
        known = self.theme_acronyms.get(name)
        if known is None:  # once per theme, not once per session
            folded = [words(text) for text in {name, *names.values()}]
            spelled = {tuple(w for w in ws if not is_stop_word(w)) for ws in folded}
            known = self.theme_acronyms[name] = sorted({a for ws in folded for a in acronyms(ws)})
            for acronym in known:
                self.spelled_out[acronym].update(spelled)
        return known

    def _texts(self, doc: int, part: Part, own: str, texts: Mapping[str, str]) -> list[int]:
        """One field per distinct text; a text shown in several languages is one field."""
        langs: dict[str, set[str]] = {}
        for lang in LANGUAGES:
            langs.setdefault(texts.get(lang) or own, set()).add(lang)
        for text in texts.values():  # a language the bot does not speak still finds
            langs.setdefault(text, set())
        langs.setdefault(own, set())
        return [
            self._field(doc, part, t, _shared(frozenset(ls)))
            for t, ls in langs.items()
            if t.strip()
        ]

    def _field(self, doc: int, part: Part, text: str, langs: frozenset[str]) -> int:
        cut = self.cut.get(text)
        if cut is None:  # rooms, themes and speakers come back session after session
            cut = self.cut[text] = _cut(text)
        positions, length, stops = cut
        fid = len(self.fields)
        self.fields.append(Field(doc, part, langs, text, positions, length, stops))
        postings = self.postings
        for word in positions:
            postings[word].append(fid)
        return fid

    def _spell_out_acronyms(self) -> None:
        """Texts that write a theme's name in full answer its acronym too: "IA" finds "la
        gouvernance de l'intelligence artificielle"."""
        found: dict[tuple[str, ...], list[tuple[int, tuple[int, ...]]]] = {}
        for acronym, phrases in self.spelled_out.items():
            for phrase in phrases:
                if phrase not in found:  # "AI", "IA", "TTNT" spell out the same names
                    found[phrase] = self._written_in_full(phrase)
                for fid, places in found[phrase]:
                    self.acronyms[acronym].setdefault(fid, places)

    def _written_in_full(self, phrase: tuple[str, ...]) -> list[tuple[int, tuple[int, ...]]]:
        """The fields with the words of `phrase` one after the other, and where."""
        rarest = min(phrase, key=lambda w: len(self.postings.get(w, ())))
        found = []
        for fid in self.postings.get(rarest, ()):
            at = _phrase_at(self.fields[fid].positions, phrase)
            if at is not None:
                found.append((fid, tuple(range(at, at + len(phrase)))))
        return found

    def index(self, sessions: int) -> SearchIndex:
        for acronym, names in KNOWN_ACRONYMS.items():
            self.spelled_out[acronym].update(tuple(name.split()) for name in names)
        self._spell_out_acronyms()
        abbreviated: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for acronym, phrases in self.spelled_out.items():
            for phrase in phrases:
                abbreviated[phrase].append(acronym)
        vocabulary = sorted(self.postings)
        variants: dict[str, list[str]] = defaultdict(list)
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in vocabulary:
            variants[canonical(word)].append(word)
            by_length[len(word)].append(word)
        return SearchIndex(
            docs=self.docs,
            fields=self.fields,
            owner=[f.doc for f in self.fields],
            doc_fields=self.doc_fields,
            postings={w: tuple(ids) for w, ids in self.postings.items()},
            acronyms=dict(self.acronyms),
            spelled_out={p: tuple(a) for p, a in abbreviated.items() if len(p) > 1},
            vocabulary=vocabulary,
            variants={c: tuple(ws) for c, ws in variants.items()},
            by_length=dict(by_length),
            sessions=sessions,
        )


def _entities(schedule: Schedule) -> list[Entity]:
    """Themes, speakers and rooms, each with its sessions in programme order."""
    rooms = {s.room: s.room_names for s in reversed(schedule.sessions)}
    return [
        *(
            Entity(EntityKind.THEME, t.index, t.name, t.names, tuple(schedule.in_track(t)), t)
            for t in schedule.tracks
        ),
        *(
            Entity(EntityKind.SPEAKER, i, p, {}, tuple(schedule.by_speaker(p)))
            for i, p in enumerate(schedule.speakers())
        ),
        *(
            Entity(EntityKind.ROOM, i, r, rooms[r], tuple(schedule.in_room(r)))
            for i, r in enumerate(schedule.rooms())
        ),
    ]


def _cut(text: str) -> tuple[dict[str, tuple[int, ...]], int, frozenset[str]]:
    """The places of the meaningful words of `text`, how many there are, and its stop words."""
    folded = words(text)
    meaning = [w for w in folded if w not in ANY_STOP_WORD]
    # Tuples, not lists: the garbage collector stops visiting them, and a big programme's index
    # holds hundreds of thousands (searches in the bot's process then pause less).
    places: dict[str, tuple[int, ...]] = {}
    for place, word in enumerate(meaning):
        before = places.get(word)
        places[word] = (place,) if before is None else (*before, place)
    return places, len(meaning), _shared(frozenset(folded).intersection(ANY_STOP_WORD))


_SETS: dict[frozenset[str], frozenset[str]] = {}


def _shared(words: frozenset[str]) -> frozenset[str]:
    """One object for equal small sets (stop words of a field, languages of a text)."""
    return _SETS.setdefault(words, words)


def _phrase_at(positions: Mapping[str, Sequence[int]], phrase: tuple[str, ...]) -> int | None:
    """Where the words of `phrase` stand one after the other, if they do."""
    following = [set(positions.get(w, ())) for w in phrase[1:]]
    for first in positions.get(phrase[0], ()):
        if all(first + i + 1 in places for i, places in enumerate(following)):
            return first
    return None
