"""A Zalo Bot Platform API stand-in on loopback HTTP, for tests, demos and benchmarks.

    async with ZaloStandIn() as zalo:
        ...  # start the bot on f"{zalo.base_url}/bot{zalo.token}/{method}"
        lan = zalo.user("8123456789012345678", name="Lan")
        reply = await lan.ask("lịch")          # the next message the bot sends to Lan
        assert zalo.calls_to(lan.id, "sendMessage")

What it reproduces: `POST /bot<token>/<method>` with a JSON body; answers
{"ok": true, "result": ...} or {"ok": false, "error_code": N, "description": ...} with HTTP
status N (401 wrong token, 404 unknown method); getMe; getUpdates returning ONE update per
call (no update_id, no offset), 408 when none came within `timeout` seconds, 409 while a
webhook is set; setWebhook (secret_token of 8–256 characters), deleteWebhook,
getWebhookInfo ({url, updated_at}); webhook posts carrying X-Bot-Api-Secret-Token, with
the bare update or {"ok": true, "result": update} (`wrap_webhook`), retried a few times
within a second; the four message events with string ids and millisecond dates; sendMessage
(text of 1–2000 characters), sendPhoto (an image URL and a caption), sendChatAction
("typing"), each answering {message_id, date} or true.

Choices where Zalo documents nothing, and deliberate differences:
- A user who blocked the bot: sends answer 403 "Forbidden: the user blocked the bot".
- A chat_id that never wrote to the bot (or is unknown): 400 "User not found...". A user
  made with zalo.user() counts as having written once they send something (or with
  has_written=True).
- A chat_id that is not a string (a JSON number) is refused with 400: 19-digit ids lose
  digits as JSON numbers in many clients.
- Lengths count Python characters (code points); Zalo may count UTF-16 units. Captions get
  the same 2000-character limit as texts (Zalo documents none).
- setWebhook's result is {url, updated_at}, as getWebhookInfo's; deleteWebhook's too.
- The webhook must be on loopback (127.0.0.1, localhost, ::1), else setWebhook answers 400:
  fake updates never leave the machine. http:// is accepted (loopback tests need no TLS).
- Webhook posts go one at a time, in order; a post fails on anything but 2xx and is tried
  four times within ~0.7 s, then the update is dropped (`zalo.webhook.dropped`).
  deleteWebhook during a post puts the update back in the queue, so the bot may see it twice.
- getUpdates accepts a fractional `timeout` (tests wait less); concurrent calls each get a
  different update. An update taken by a poll whose client has gone is put back rather than
  lost.
- Method names are case-sensitive. Only the methods above exist (no buttons, callbacks,
  polls, documents, edits or command menus on Zalo): others answer 404.
- The rate limit (`rate_limit`, messages per second over all chats, off by default) is a
  token bucket holding one second's worth; beyond it sendMessage and sendPhoto answer 429
  with no retry hint (Zalo gives none).
"""

from standin.zalo.recording import ZaloCall
from standin.zalo.server import ZaloStandIn
from standin.zalo.users import ZaloMessage, ZaloUser

__all__ = ["ZaloCall", "ZaloMessage", "ZaloStandIn", "ZaloUser"]
