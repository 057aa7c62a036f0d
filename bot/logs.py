"""Logging set-up: the bot token (and the webhook secret) never reach a log line."""

from __future__ import annotations

import logging
from collections.abc import Iterable


class RedactToken(logging.Filter):
    """Replace the token wherever it appears (httpx logs request URLs, which contain it), and
    any other secret given."""

    def __init__(self, token: str | None, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [s for s in (token, *secrets) if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secrets:
            message = record.getMessage()
            if any(secret in message for secret in self._secrets):
                for secret in self._secrets:
                    message = message.replace(secret, "<redacted>")
                record.msg = message
                record.args = None
        return True


def configure_logging(
    token: str | None, level: int = logging.INFO, secrets: Iterable[str] = ()
) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token, secrets))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Request URLs carry the token; keep the HTTP client quiet unless something is wrong.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
