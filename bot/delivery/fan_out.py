"""One message per recipient, rendered once per language (10,000 recipients, three renders)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from bot.outgoing import Outgoing, Payload


def fan_out(
    recipients: Iterable[tuple[int, str]],
    render: Callable[[str], Payload | None],
    key_prefix: str,
    *,
    expires_at: datetime | None = None,
) -> list[Outgoing]:
    """An item for each (user id, language) in recipient order, with the dedupe key
    `key_prefix` + user id. `render(language)` is called once for each language that occurs;
    when it gives None there is nothing to send in that language, and its recipients get
    nothing."""
    rendered: dict[str, Payload | None] = {}
    items: list[Outgoing] = []
    for user_id, language in recipients:
        if language not in rendered:
            rendered[language] = render(language)
        payload = rendered[language]
        if payload is not None:
            items.append(
                Outgoing(user_id, payload, f"{key_prefix}{user_id}", expires_at=expires_at)
            )
    return items
