"""The VIDW attendee bot: domain, storage, i18n, screens, wiring and CLI (no Telegram types)."""
