"""The typed container handlers reach through `context.bot_data` (PTB creates it empty)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.delivery.service import Delivery
from bot.features.broadcast.service import Broadcasting
from bot.features.changes.service import ProgrammeReload
from bot.features.console.access import ConsoleAccess
from bot.features.feedback.service import Feedback
from bot.features.health.service import Health
from bot.features.live_polls.service import LivePolls
from bot.features.matching.planner import MatchingPlanner
from bot.features.matching.service import Matching
from bot.features.questions.service import Questions
from bot.features.reminders.planner import Reminders
from bot.features.staff.service import StaffAdmin
from bot.features.survey.service import Surveys
from bot.navigation.navigator import Navigator
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.supervise import Supervisor


@dataclass(frozen=True)
class Deps:
    settings: Settings
    programme: CurrentProgramme
    navigator: Navigator
    storage: Storage
    delivery: Delivery
    reminders: Reminders
    feedback: Feedback
    surveys: Surveys
    broadcasting: Broadcasting
    programme_reload: ProgrammeReload
    staff: StaffAdmin
    supervisor: Supervisor  # every background loop, and their health
    health: Health  # what must be alive, and the figures (/healthz, /metrics, /health)
    console: ConsoleAccess  # login links and sessions of the staff console (web/console)
    questions: Questions  # questions to the panel: asked in the chat, moderated in the console
    live_polls: LivePolls  # started from the console during a session, answered in the chat
    matching: Matching  # business matching: profiles, requests, meetings (and the desk)
    matching_planner: MatchingPlanner  # expiries and meeting reminders


class BotData:
    """PTB instantiates this with no arguments; the composition root attaches Deps at start."""

    def __init__(self) -> None:
        self._deps: Deps | None = None

    def attach(self, deps: Deps) -> None:
        self._deps = deps

    def detach(self) -> Deps | None:
        deps, self._deps = self._deps, None
        return deps

    @property
    def deps(self) -> Deps:
        if self._deps is None:
            raise RuntimeError("the bot is not started: dependencies are attached in post_init")
        return self._deps
