"""A Telegram Bot API stand-in on loopback HTTP for end-to-end tests, demos and benchmarks.

    async with StandIn() as standin:
        app = (
            ApplicationBuilder().token(standin.token)
            .base_url(standin.base_url).base_file_url(standin.base_file_url).build()
        )
        ...  # start the app polling
        ana = standin.user(42, "Ana", "fr")
        home = await ana.ask("/start")            # the bot's reply, as a snapshot
        card = await ana.press(home, "Programme")  # tap a button, get the next send or edit
        assert standin.calls_to(42, "answerCallbackQuery")

Limits (30/s overall, 1/s per chat, as token buckets) are on by default; pass
Limits(enforce=False) for functional tests.

Updates are served by getUpdates, or, once the bot calls setWebhook with a loopback URL,
posted to that webhook with its secret token as Telegram does (standin.webhook).

For benchmarks, `python -m standin` runs it in its own process (on the other CPU core) with
an admin API under /_standin/; RemoteStandIn starts one and reads its stats. Pass
record_calls=False to an in-process StandIn that serves a long run.
"""

from standin.telegram.limits import Limits
from standin.telegram.recording import Call, Stats
from standin.telegram.remote import RemoteStandIn
from standin.telegram.server import StandIn
from standin.telegram.users import ChatMessage, SimUser

__all__ = ["Call", "ChatMessage", "Limits", "RemoteStandIn", "SimUser", "StandIn", "Stats"]
