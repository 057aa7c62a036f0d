"""Which messenger a user is on. Telegram user ids fit in 52 bits; the bot gives users of other
channels (Zalo) ids from 2^53 up, so one integer names a user everywhere in storage."""

from __future__ import annotations

TELEGRAM = "telegram"
ZALO = "zalo"
CHANNELS = (TELEGRAM, ZALO)
CHANNEL_NAMES = {TELEGRAM: "Telegram", ZALO: "Zalo"}  # brand names: not translated
TELEGRAM_ID_LIMIT = 1 << 52  # every Telegram user id is below this
CHANNEL_BASE = 1 << 53  # ids of users of other channels start here


def channel_of(user_id: int) -> str:
    return ZALO if user_id >= CHANNEL_BASE else TELEGRAM
