"""The staff console: a web application in the bot's own process and event loop.

server.py   the Service the lifecycle starts (listens on VIDW_CONSOLE_LISTEN)
app.py      the aiohttp application: templates, middlewares, the pages' routes
visitor.py  who is asking (session, role, language, CSRF token), read once per request
guard.py    the middlewares: security headers, the session, the role of each page, CSRF
login.py    one-time link → session cookie; logout; the language switch
live.py     the live figures page and its server-sent events
admin.py    organizers: console sessions (revoke) and the audit log
live_polls.py  a session's live poll from its moderation page: start, close, the results
poll_view.py   what the moderation page and the hall's screen show of live polls
"""
