"""The outbox's transport when several channels are on: each message goes out through the
channel of its recipient (bot/channels.py tells which from the user id)."""

from __future__ import annotations

from bot.channels import channel_of
from bot.delivery.errors import ChatGone
from bot.delivery.sender import Transport
from bot.outgoing import Payload, Receipt


class ChannelRouter:
    def __init__(self, transports: dict[str, Transport]) -> None:
        self._transports = transports

    async def deliver(self, chat_id: int, payload: Payload) -> Receipt:
        transport = self._transports.get(channel_of(chat_id))
        if transport is None:  # a Zalo user, and the Zalo channel is off now
            raise ChatGone(f"no channel for user {chat_id}")
        return await transport.deliver(chat_id, payload)
