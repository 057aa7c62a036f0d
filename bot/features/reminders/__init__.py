"""Reminders before followed and featured sessions, and each person's reminder settings."""
