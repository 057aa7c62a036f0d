"""Thin Telegram adapters: parse the update, ask bot/, render the screen, reply."""
