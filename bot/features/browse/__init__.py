"""Browsing the programme: themes, days, now and next, search, the session card."""
