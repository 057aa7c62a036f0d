"""Choosing the language the bot speaks: Tiếng Việt, English or Français."""
