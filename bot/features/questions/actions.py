"""The buttons of questions to the panel (the list itself is `SessionQuestions`, in
bot/ui/sessions.py: session cards carry it)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from bot.ui.actions import Action, RecordId, SessionKey


class QuestionsVerb(StrEnum):
    ASK = "Qk"
    VOTE = "Qv"
    WITHDRAW = "Qw"
    SIGN = "Qs"
    MINE = "Qm"
    CANCEL = "Qx"
    MODERATE = "Qd"
    DECIDE = "Qy"


@dataclass(frozen=True)
class AskQuestion(Action, verb=QuestionsVerb.ASK):
    """Qk:<code>: the next text typed is a question to this session's panel."""

    key: SessionKey


@dataclass(frozen=True)
class VoteQuestion(Action, verb=QuestionsVerb.VOTE):
    """Qv:<question>:<page>: "I want this asked", or the vote taken back; then the list."""

    question: RecordId
    page: int = 0


@dataclass(frozen=True)
class WithdrawQuestion(Action, verb=QuestionsVerb.WITHDRAW):
    question: RecordId


@dataclass(frozen=True)
class SignQuestion(Action, verb=QuestionsVerb.SIGN):
    """Qs:<question>: the next text typed is the name and organization to sign it with."""

    question: RecordId


@dataclass(frozen=True)
class MyQuestions(Action, verb=QuestionsVerb.MINE):
    key: SessionKey


@dataclass(frozen=True)
class CancelAsking(Action, verb=QuestionsVerb.CANCEL):
    """Qx:<code>: nothing more to type; back to the session's questions."""

    key: SessionKey


@dataclass(frozen=True)
class ModerateSession(Action, verb=QuestionsVerb.MODERATE):
    """Qd:<code>: a moderator's compact queue in the chat: the oldest question waiting."""

    key: SessionKey


class Decision(IntEnum):
    APPROVE = 1
    REJECT = 2


@dataclass(frozen=True)
class Decide(Action, verb=QuestionsVerb.DECIDE):
    """Qy:<question>:<decision>: approve or reject a waiting question from the chat."""

    question: RecordId
    decision: Decision


ACTIONS = (
    AskQuestion,
    VoteQuestion,
    WithdrawQuestion,
    SignQuestion,
    MyQuestions,
    CancelAsking,
    ModerateSession,
    Decide,
)
