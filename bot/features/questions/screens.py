"""What attendees see of questions to the panel, in the chat (Zalo: the same, numbered)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.features.questions.actions import (
    AskQuestion,
    CancelAsking,
    Decide,
    Decision,
    ModerateSession,
    MyQuestions,
    SignQuestion,
    VoteQuestion,
    WithdrawQuestion,
)
from bot.features.questions.rules import MAX_CHARS, Refusal
from bot.i18n import N_
from bot.programme.model import Session
from bot.storage.questions import Question
from bot.ui.layout import fitted, rows_of
from bot.ui.menus import main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation as page_navigation
from bot.ui.paging import page_of
from bot.ui.sessions import OpenSession, SessionQuestions, takes_questions
from bot.ui.view import View, bold, clip, italic

FLAGS = {"vi": "🇻🇳", "en": "🇬🇧", "fr": "🇫🇷"}
QUESTION_CHARS = 180  # of each question in the list (the moderators see it whole)

REFUSALS = {
    Refusal.CLOSED_NOT_YET: N_("Questions open 30 minutes before the session starts."),
    Refusal.CLOSED_ENDED: N_("This session has ended; it no longer takes questions."),
    Refusal.EMPTY: N_("The question is empty. Please type it as a message."),
    Refusal.TOO_LONG: N_(
        "The question is too long: at most %(limit)d characters, please. It was not sent."
    ),
    Refusal.NO_WORDS: N_("Please write the question in words."),
    Refusal.DUPLICATE: N_("You have already asked this question; it is in the list."),
    Refusal.TOO_MANY: N_("You have asked the most questions a session takes (5). Thank you."),
    Refusal.TOO_SOON: N_("Please wait a few seconds before asking another question."),
}
STATUS = {
    "pending": N_("waiting for the moderator"),
    "approved": N_("approved, in the list"),
    "answered": N_("answered"),
    "rejected": N_("not taken"),
    "withdrawn": N_("withdrawn"),
    "merged": N_("merged with a similar question"),
}


def listed(
    view: View,
    session: Session,
    questions: Sequence[Question],
    voted: set[int],
    page: int,
) -> Screen:
    _ = view._
    lines = [bold("❓ " + _("Questions to the panel")), escape(view.title(session, 120)), ""]
    open_now = takes_questions(session, view.now)
    if not open_now:
        closed = REFUSALS[
            Refusal.CLOSED_NOT_YET if view.now < session.start else Refusal.CLOSED_ENDED
        ]
        lines += [_(closed), ""]
    shown = page_of(list(questions), page)
    if not questions:
        lines.append(_("No question has been approved yet."))
    else:
        lines.append(_("Approved questions, most wanted first. Tap 👍 to have one asked."))
        lines.append("")
    for offset, question in enumerate(shown.items):
        number = shown.first_index + offset + 1
        mark = "🎙 " if question.pinned else ""
        votes = view.t.ngettext("%(count)d vote", "%(count)d votes", question.votes) % {
            "count": question.votes
        }
        lines.append(
            f"{number}. {mark}{FLAGS.get(question.language, '')} "
            f"{escape(clip(question.text, QUESTION_CHARS))} — {votes}"
        )
        if question.pinned:
            lines.append("   " + italic(_("Now being answered")))
    vote_buttons = [
        Button(
            ("✅ " if q.id in voted else "👍 ") + str(shown.first_index + i + 1),
            VoteQuestion(q.id, shown.number).encode(),
        )
        for i, q in enumerate(shown.items)
    ]
    rows: list[Row] = list(rows_of(vote_buttons, per_row=3))
    rows.append(page_navigation(shown, lambda n: SessionQuestions(session.key, n)))
    actions: list[Button] = []
    if open_now:
        actions.append(Button(_("❓ Ask a question"), AskQuestion(session.key).encode()))
    actions.append(Button(_("📝 My questions"), MyQuestions(session.key).encode()))
    rows += fitted([tuple(actions)])
    rows += fitted(
        [(Button(_("‹ Session"), OpenSession(session.key).encode()), *main_menu_row(view))]
    )
    return Screen("\n".join(lines), tuple(r for r in rows if r))


def ask(view: View, session: Session) -> Screen:
    _ = view._
    text = "\n\n".join(
        (
            bold("❓ " + escape(view.title(session, 120))),
            _(
                "Please type your question as a message (up to %(limit)d characters, in"
                " Vietnamese, English or French). It is anonymous; you may sign it afterwards."
            )
            % {"limit": MAX_CHARS},
        )
    )
    return Screen(text, ((Button(_("Cancel"), CancelAsking(session.key).encode()),),))


def asked(view: View, session: Session, question: Question) -> Screen:
    _ = view._
    lines = [
        bold(_("Thank you. Your question is waiting for the moderator.")),
        "",
        escape(question.text),
    ]
    if question.signature:
        lines += ["", _("Signed: %(signature)s") % {"signature": escape(question.signature)}]
    rows: list[Row] = []
    if not question.signature:
        rows.append((Button(_("✍️ Sign with my name"), SignQuestion(question.id).encode()),))
    rows.append((Button(_("↩️ Withdraw"), WithdrawQuestion(question.id).encode()),))
    rows.append((Button(_("‹ Questions"), SessionQuestions(session.key).encode()),))
    return Screen("\n".join(lines), tuple(rows))


def sign(view: View, session: Session) -> Screen:
    _ = view._
    text = _(
        "Please type your name and organization as they should appear with the question"
        " (for example: Nguyễn Văn An, Ministry of Science and Technology)."
    )
    return Screen(text, ((Button(_("Cancel"), CancelAsking(session.key).encode()),),))


def mine(view: View, session: Session, questions: Sequence[Question]) -> Screen:
    _ = view._
    lines = [bold("📝 " + _("My questions")), escape(view.title(session, 120)), ""]
    rows: list[Row] = []
    if not questions:
        lines.append(_("You have not asked a question in this session."))
    for number, question in enumerate(questions, start=1):
        lines.append(f"{number}. {escape(clip(question.text, QUESTION_CHARS))}")
        status = _(STATUS.get(question.status, question.status))
        if question.status == "rejected" and question.reason:
            status += " — " + escape(question.reason)
        lines.append("   " + italic(status))
        if question.status in ("pending", "approved"):
            label = _("↩️ Withdraw %(number)d") % {"number": number}
            rows.append((Button(label, WithdrawQuestion(question.id).encode()),))
    rows.append((Button(_("‹ Questions"), SessionQuestions(session.key).encode()),))
    return Screen("\n".join(lines), tuple(rows))


def refused(view: View, session: Session, refusal: Refusal) -> Screen:
    text = view._(REFUSALS[refusal]) % {"limit": MAX_CHARS}
    return Screen(text, ((Button(view._("‹ Questions"), SessionQuestions(session.key).encode()),),))


def withdrawn(view: View, session: Session) -> Screen:
    text = view._("Your question has been withdrawn.")
    return Screen(text, ((Button(view._("‹ Questions"), SessionQuestions(session.key).encode()),),))


def gone(view: View) -> str:
    return view._("This question can no longer be changed.")


def not_votable(view: View) -> str:
    return view._("This question is not open to votes.")


def told(view: View, session: Session | None, question: Question, what: str, detail: str) -> str:
    """What the author of a question is told when a moderator rejected or edited it."""
    _ = view._
    title = escape(view.title(session, 120)) if session else ""
    if what == "rejected":
        lines = [_("Your question to “%(session)s” was not taken:") % {"session": title}]
        lines.append(italic(escape(question.text)))
        if detail:
            lines.append(_("The moderator's note: %(reason)s") % {"reason": escape(detail)})
        return "\n".join(lines)
    return "\n".join(
        (
            _("The moderator edited your question to “%(session)s”; it now reads:")
            % {"session": title},
            italic(escape(detail)),
        )
    )


def moderation_sessions(view: View, sessions: Sequence[tuple[Session, int]]) -> Screen:
    """A moderator's sessions taking questions now, with how many wait for them."""
    _ = view._
    lines = [bold("🛡 " + _("Questions to moderate")), ""]
    if not sessions:
        lines.append(_("None of your sessions takes questions now."))
    rows: list[Row] = []
    for session, waiting in sessions:
        lines.append(f"• {escape(view.title(session, 80))} — {waiting}")
        label = f"{clip(session.short_title_in(view.t.lang), 30)} ({waiting})"
        rows.append((Button(label, ModerateSession(session.key).encode()),))
    rows.append(main_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def moderation_next(
    view: View, session: Session, question: Question | None, waiting: int
) -> Screen:
    """The oldest question waiting, with Approve and Reject (the console does the rest)."""
    _ = view._
    lines = [bold("🛡 " + escape(view.title(session, 100))), ""]
    rows: list[Row] = []
    if question is None:
        lines.append(_("No question is waiting."))
    else:
        lines.append(_("Waiting: %(count)d") % {"count": waiting})
        lines += ["", f"{FLAGS.get(question.language, '')} {escape(question.text)}"]
        if question.signature:
            lines.append(italic(escape(question.signature)))
        rows += fitted(
            [
                (
                    Button(_("✅ Approve"), Decide(question.id, Decision.APPROVE).encode()),
                    Button(_("✖️ Reject"), Decide(question.id, Decision.REJECT).encode()),
                )
            ]
        )
    rows.append((Button(_("🔄 Refresh"), ModerateSession(session.key).encode()),))
    rows.append(main_menu_row(view))
    return Screen("\n".join(lines), tuple(rows))


def handled_elsewhere(view: View) -> str:
    return view._("Another moderator has already handled this question.")
