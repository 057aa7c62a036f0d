"""/forget: a user's personal data deleted in one transaction; their answers kept anonymous."""

from __future__ import annotations

import secrets

from bot.storage.database import Database


class PrivacyStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def forget(self, user_id: int) -> None:
        """Delete the profile, follows, comments, poll bookkeeping and pending messages.

        Poll answers stay, under a random negative id that is stored nowhere else: the
        counts (and "% of respondents") are unchanged, and nothing links them to the person.
        Messages already sent stay in the delivery figures with no chat, text or key.
        """
        anonymous = -secrets.randbelow(2**62) - 1
        async with self._db.transaction() as sql:
            await sql.execute(
                "UPDATE answers SET user_id = ? WHERE user_id = ?", (anonymous, user_id)
            )
            # Their questions go (with the votes they had); their votes stay, as counts.
            await sql.execute(
                "DELETE FROM question_votes WHERE question_id IN"
                " (SELECT id FROM questions WHERE user_id = ?)",
                (user_id,),
            )
            await sql.execute(
                "UPDATE question_votes SET user_id = ? WHERE user_id = ?", (anonymous, user_id)
            )
            for table in (
                "follows",
                "theme_follows",
                "comments",
                "polls",
                "staff_grants",
                "channel_users",
                "console_links",
                "console_sessions",
                "questions",
                "moderators",
                "card_opens",
                "leads",  # the copy an exhibitor already received is theirs
                "lead_drafts",
                "exhibitor_staff",
                "exhibitor_visits",
            ):
                await sql.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
            await sql.execute(
                "DELETE FROM outbox WHERE chat_id = ? AND status IN ('pending', 'sending')",
                (user_id,),
            )
            await sql.execute(
                "UPDATE outbox SET chat_id = 0, payload = '{}', dedupe_key = 'forgotten:' || id,"
                " last_error = NULL WHERE chat_id = ?",
                (user_id,),
            )
            # The console's audit log keeps what was done, no longer by whom.
            await sql.execute("UPDATE audit SET user_id = 0 WHERE user_id = ?", (user_id,))
            await sql.execute("DELETE FROM users WHERE id = ?", (user_id,))
