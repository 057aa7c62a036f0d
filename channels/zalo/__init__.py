"""The Zalo channel: the same bot, screens and database, for attendees who live on Zalo.

client.py       the Zalo Bot API over HTTP (aiohttp)
transport.py    sends screens and polls as numbered text; the outbox's transport for Zalo users
conversation.py a Zalo message → the navigator (numbers, plain-word commands, search, votes)
updates.py      where updates come from: long polling, or a webhook with its secret header
channel.py      starts and stops the above inside the running bot
"""
