"""Browsing the programme: the main menu, themes (and following one), days, now and next,
search."""
