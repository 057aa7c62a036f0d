"""`vidw-bot backup`: a consistent copy of the live database (bot/storage/backup.py)."""
