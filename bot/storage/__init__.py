"""All SQL lives in this package: one SQLite file (WAL), one module per table group.

storage = await Storage.open(path)
await storage.users.touch(...)
await storage.outbox.enqueue(...)
"""

from __future__ import annotations

from pathlib import Path

from bot.storage.broadcasts import BroadcastStore
from bot.storage.channel_users import ChannelUsers
from bot.storage.console import ConsoleStore
from bot.storage.database import Database
from bot.storage.feedback import FeedbackStore
from bot.storage.follows import Follows
from bot.storage.leads import LeadStore
from bot.storage.live_polls import LivePollStore
from bot.storage.matching import MatchingStore
from bot.storage.outbox import OutboxStore
from bot.storage.privacy import PrivacyStore
from bot.storage.questions import QuestionStore
from bot.storage.reminders import ReminderStore
from bot.storage.staff import StaffStore
from bot.storage.state import StateStore
from bot.storage.stats import StatsStore
from bot.storage.users import UserProfile, Users

__all__ = [
    "BroadcastStore",
    "ChannelUsers",
    "ConsoleStore",
    "Database",
    "FeedbackStore",
    "Follows",
    "LivePollStore",
    "MatchingStore",
    "OutboxStore",
    "PrivacyStore",
    "QuestionStore",
    "ReminderStore",
    "StaffStore",
    "StateStore",
    "StatsStore",
    "Storage",
    "UserProfile",
    "Users",
]


class Storage:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.users = Users(db)
        self.outbox = OutboxStore(db)
        self.follows = Follows(db)
        self.reminders = ReminderStore(db)
        self.feedback = FeedbackStore(db)
        self.broadcasts = BroadcastStore(db)
        self.stats = StatsStore(db)
        self.state = StateStore(db)
        self.staff = StaffStore(db)
        self.privacy = PrivacyStore(db)
        self.channel_users = ChannelUsers(db)
        self.console = ConsoleStore(db)
        self.questions = QuestionStore(db)
        self.live_polls = LivePollStore(db)
        self.leads = LeadStore(db)
        self.matching = MatchingStore(db)

    @classmethod
    async def open(cls, path: Path) -> Storage:
        return cls(await Database.open(path))

    async def close(self) -> None:
        await self.db.close()

    async def schema_version(self) -> int:
        return await self.db.schema_version()
