"""Short names for sessions and speakers, where a link or a typed word must name one.

A session's short code ("S-AIGR") is printed where there are no links (Zalo: "send S-AIGR to
the bot") and fills the query of a Telegram ↗️ Share button. It is made from the initials of
its title, so that people can read it aloud, and made unique within the programme: two titles
with the same initials get a digit, in the order of their keys (the same programme gives the
same codes at every start; a new session can only take a code no session had).

A speaker's link code (t.me/<bot>?start=p_<code>) is a hash of the name: names keep their
diacritics, and "Nguyễn Văn An" and "Nguyễn Văn Ân" are two people.
"""

from __future__ import annotations

import hashlib
import re

from bot.programme.memo import PerProgramme
from bot.programme.model import Schedule, Session
from bot.programme.search_words import is_stop_word
from bot.programme.textfold import fold

SESSION_PREFIX = "S-"
_INITIALS = 4  # words whose initials make a code
_SHORTEST = 3  # letters, before the digit that tells two codes apart
_LONGEST = 6
_WORD = re.compile(r"[A-Za-z0-9]+")
# "S-AIGR", typed as people type it: any case, a space or a dash after the S, spaces around.
_TYPED = re.compile(r"\s*S\s*[-‐–— ]\s*([A-Za-z0-9]{2,10})\s*", re.IGNORECASE)
SPEAKER_CODE_CHARS = 10


def typed_code(text: str) -> str | None:
    """The code `text` is, written the one way codes are ("s-aigr " → "S-AIGR"); else None."""
    found = _TYPED.fullmatch(text)
    return SESSION_PREFIX + found.group(1).upper() if found else None


class SessionCodes:
    """Every session's short code, and the session of a code."""

    def __init__(self, schedule: Schedule) -> None:
        self._by_key: dict[str, str] = {}
        self._by_code: dict[str, Session] = {}
        for session in sorted(schedule.sessions, key=lambda s: s.key):
            if session.key in self._by_key:  # two events with one key: links open the first
                continue
            stem = SESSION_PREFIX + _stem(session.title)
            code, n = stem, 1
            while code in self._by_code:
                n += 1
                code = f"{stem}{n}"
            self._by_key[session.key] = code
            self._by_code[code] = session

    def code(self, session: Session) -> str:
        return self._by_key[session.key]

    def session(self, typed: str) -> Session | None:
        code = typed_code(typed)
        return None if code is None else self._by_code.get(code)


def _stem(title: str) -> str:
    """'AI Governance Roundtable' → 'AIGR': the initials of its words (an acronym whole),
    stop words left out; a short one is lengthened with the first word's letters."""
    found = _WORD.findall(fold(title).upper())
    kept = [w for w in found if not is_stop_word(w.lower())] or found or ["SESSION"]
    original = _WORD.findall(title)
    acronyms = {w.upper() for w in original if w.isupper() and len(w) <= _INITIALS}
    stem = "".join(w if w in acronyms else w[0] for w in kept[:_INITIALS])[:_LONGEST]
    if len(stem) < _SHORTEST:
        stem = (stem + kept[0][1:])[:_SHORTEST]
    return stem


# The codes of a programme, made the first time they are asked for.
codes_of: PerProgramme[SessionCodes] = PerProgramme(SessionCodes)


def speaker_code(name: str) -> str:
    """Ten hexadecimal digits naming a speaker in a link, the same at every start."""
    return hashlib.blake2b(name.encode(), digest_size=SPEAKER_CODE_CHARS // 2).hexdigest()
