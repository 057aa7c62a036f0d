"""/stats for staff: who uses the bot and what went out."""
