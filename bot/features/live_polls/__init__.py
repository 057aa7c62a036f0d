"""Live polls: a moderator starts one from the console during a session (a question and 2–10
options in vi/en/fr, one or several answers), the session's audience gets it (Telegram: a
native poll; Zalo: numbered text), the answers make one result across languages and channels,
the hall's screen shows its bars, and closing it stops the native polls."""
