"""The bot's HTTP pages for machines and staff, beside the channels: health.py serves /healthz
and /metrics (the staff console will live here too). Facts come from bot/; nothing here
knows a channel."""
