"""What follows a vote, on any channel: a comment offer after a rating, the survey's next
question after a survey answer, or nothing. It dispatches between two features (feedback
records every vote; the survey asks its next question), so it sits beside the navigator."""

from __future__ import annotations

from bot.features.feedback import screens as screens
from bot.features.feedback.service import Answered, VoteOutcome
from bot.features.survey.service import Surveys
from bot.ui.model import PollRequest, Screen
from bot.ui.view import View


def has_next_step(answered: Answered, surveys: Surveys) -> bool:
    """Cheap to ask before building a view: most votes need no answer."""
    poll = answered.poll
    return answered.outcome is VoteOutcome.RATED or (
        answered.outcome is VoteOutcome.RECORDED
        and poll is not None
        and poll.subject == surveys.definition.subject
    )


async def after_vote(
    view: View, user_id: int, answered: Answered, surveys: Surveys
) -> Screen | PollRequest | None:
    if not has_next_step(answered, surveys):
        return None
    if answered.outcome is VoteOutcome.RATED:
        return screens.comment_offer(view)
    assert answered.poll is not None
    return await surveys.next_after(view, user_id, answered.poll.question)
