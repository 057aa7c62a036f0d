"""Sharing a session: the cards offered in Telegram's inline mode (`@bot roundtable` in any
chat), and the short codes typed back where there is no inline mode (Zalo)."""
