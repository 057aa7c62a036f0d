"""The event survey: questions, option keys and texts in vi, en and fr live in surveys/*.json.

Each question is a native poll in the attendee's language; answering one brings the next, and a
free-text question ends it (a comment, or Skip). Answers are stored like session feedback, by
option key, so the three languages make one result.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.clock import Clock
from bot.config import PROJECT_ROOT
from bot.delivery.service import Delivery
from bot.errors import StartupError
from bot.i18n import LANGUAGES
from bot.outgoing import Outgoing, Poll, Text
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.ui.actions import Go
from bot.ui.model import QUESTION_CHARS, Button, PollRequest, Screen
from bot.ui.view import View

SURVEY_FILE = PROJECT_ROOT / "surveys" / "vidw2025.json"
# The automatic send happens within this time after the last session, or not at all.
AUTOMATIC_WINDOW = timedelta(days=2)
SENT_STATE = "survey.sent"
SURVEY_KIND = "survey"  # its outbox items: each recipient's introduction and first question
OPTION_CHARS = 100


class SurveyError(StartupError):
    """The survey file is unusable; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Question:
    key: str
    texts: Mapping[str, str]
    option_keys: tuple[str, ...] = ()
    option_texts: tuple[Mapping[str, str], ...] = ()
    multiple: bool = False
    free_text: bool = False
    shorts: Mapping[str, str] = field(default_factory=dict)  # a word or two, for sheet names


@dataclass(frozen=True)
class SurveyDefinition:
    id: str
    titles: Mapping[str, str]
    intros: Mapping[str, str]
    questions: tuple[Question, ...]

    @property
    def subject(self) -> str:
        return f"survey:{self.id}"

    def after(self, key: str) -> Question | None:
        keys = [q.key for q in self.questions]
        index = keys.index(key) + 1 if key in keys else len(keys)
        return self.questions[index] if index < len(keys) else None


SURVEYS = SURVEY_FILE.parent
# An event whose surveys/<acronym>.json does not exist has no survey: nothing is sent.
NO_SURVEY = SurveyDefinition(
    id="", titles=dict.fromkeys(LANGUAGES, "—"), intros=dict.fromkeys(LANGUAGES, ""), questions=()
)


def survey_of_event(acronym: str, folder: Path = SURVEYS) -> SurveyDefinition:
    """The event's survey, surveys/<acronym>.json: optional (another event than VIDW brings
    its own, or none)."""
    path = folder / f"{acronym}.json"
    if not acronym or not path.is_file():
        return NO_SURVEY
    return load_survey(path)


def load_survey(path: Path = SURVEY_FILE) -> SurveyDefinition:
    try:
        raw: Any = json.loads(path.read_text("utf-8"))
        survey = SurveyDefinition(
            id=str(raw["id"]),
            titles=_texts(raw["title"], "title"),
            intros=_texts(raw["intro"], "intro"),
            questions=tuple(_question(q) for q in raw["questions"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SurveyError(f"{path}: {type(error).__name__}: {error}") from None
    if not survey.questions:
        raise SurveyError(f"{path}: the survey has no questions")
    return survey


def _question(raw: Any) -> Question:
    key = str(raw["key"])
    texts = _texts(raw["text"], f"question {key}")
    if raw.get("free_text"):
        return Question(key, texts, free_text=True)
    options = raw["options"]
    if not 2 <= len(options) <= 12:
        raise ValueError(f"question {key}: a poll has 2 to 12 options")
    option_texts = tuple(_texts(o["text"], f"question {key} option {o['key']}") for o in options)
    shorts = raw.get("short") or {}
    for text in texts.values():
        if len(text) > QUESTION_CHARS:
            raise ValueError(f"question {key}: longer than {QUESTION_CHARS} characters")
    if any(len(t) > OPTION_CHARS for option in option_texts for t in option.values()):
        raise ValueError(f"question {key}: an option is longer than {OPTION_CHARS} characters")
    return Question(
        key,
        texts,
        tuple(str(o["key"]) for o in options),
        option_texts,
        multiple=bool(raw.get("multiple")),
        shorts={lang: str(shorts[lang]) for lang in LANGUAGES if shorts.get(lang)},
    )


def _texts(raw: Any, where: str) -> dict[str, str]:
    missing = [lang for lang in LANGUAGES if not isinstance(raw.get(lang), str) or not raw[lang]]
    if missing:
        raise ValueError(f"{where}: no text in {', '.join(missing)}")
    return {lang: str(raw[lang]) for lang in LANGUAGES}


class Surveys:
    def __init__(
        self,
        definition: SurveyDefinition,
        programme: CurrentProgramme,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        *,
        automatic: bool = True,
    ) -> None:
        self.definition = definition
        self._programme = programme
        self._storage = storage
        self._delivery = delivery
        self._clock = clock
        self._automatic = automatic
        self._sending = asyncio.Lock()  # an organizer's send and the automatic one may meet

    def poll(self, question: Question, language: str) -> PollRequest:
        return PollRequest(
            subject=self.definition.subject,
            question_key=question.key,
            language=language,
            question=question.texts[language],
            options=tuple(option[language] for option in question.option_texts),
            keys=question.option_keys,
            multiple=question.multiple,
        )

    async def send(self, recipients: list[tuple[int, str]]) -> int:
        """Queue the introduction and the first question for each recipient not sent them
        before; returns how many first questions were queued."""
        survey = self.definition
        if not survey.questions:
            return 0
        first = survey.questions[0]

        def key(user_id: int, part: str) -> str:
            return f"{survey.subject}:{user_id}:{part}"

        async with self._sending:
            asked = await self._delivery.already_queued([key(u, first.key) for u, _ in recipients])
            new = [
                (user_id, lang)
                for user_id, lang in recipients
                if key(user_id, first.key) not in asked
            ]
            items: list[Outgoing] = []
            for user_id, lang in new:
                intro = Text(f"<b>{survey.titles[lang]}</b>\n\n{survey.intros[lang]}")
                question = Poll(self.poll(first, lang))
                items.append(Outgoing(user_id, intro, key(user_id, "intro")))
                items.append(Outgoing(user_id, question, key(user_id, first.key)))
            await self._delivery.enqueue(survey.subject, SURVEY_KIND, items)
        return len(new)

    async def next_after(
        self, view: View, user_id: int, answered: str
    ) -> PollRequest | Screen | None:
        """What follows an answer: the next poll, the closing free-text prompt, or nothing
        (the survey is over, or the next step was already given: this was a changed vote)."""
        language = view.t.lang
        following = self.definition.after(answered)
        if following is None:
            return None
        store = self._storage.feedback
        if following.free_text:
            if await store.awaiting_comment(user_id) == self.definition.subject:
                return None
            await store.await_comment(user_id, self.definition.subject)
            skip = Button(view._("Skip"), Go.SKIP_COMMENT)
            return Screen(following.texts[language], ((skip,),))
        if await store.asked(self.definition.subject, following.key, user_id):
            return None
        return self.poll(following, language)

    # -- the automatic send at the end of the last day ------------------------------------------

    def _last_end(self) -> datetime | None:
        schedule = self._programme.schedule
        # Only the event's own survey goes out by itself: a programme replaced by another
        # event's (another acronym) does not get this one.
        own = bool(self.definition.questions) and self.definition.id == schedule.acronym
        sessions = schedule.sessions
        return max(s.end for s in sessions) if self._automatic and own and sessions else None

    def next_due(self) -> datetime | None:
        end = self._last_end()
        return end if end is not None and end > self._clock.now() else None

    async def run(self) -> int:
        """Once the last session has ended, send the survey to everyone, once — but not from a
        bot started long after the event (organizers can still send it with /survey)."""
        end = self._last_end()
        now = self._clock.now()
        if end is None or now < end or now > end + AUTOMATIC_WINDOW:
            return 0
        if await self._storage.state.get(SENT_STATE):
            return 0
        await self._storage.state.set(SENT_STATE, self._clock.now().isoformat())
        return await self.send(await self._storage.users.reachable())
