"""Reminders before followed and featured sessions."""
