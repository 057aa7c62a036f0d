"""Organizer announcements: audience, texts, preview, send, progress."""
