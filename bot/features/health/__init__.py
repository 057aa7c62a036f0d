"""The bot's own health: what runs, what fails, whether the database answers and has room;
told to organizers in the chat (/health, and an alert when the disk is full), and served to
machines by web/health.py (/healthz, /metrics)."""
