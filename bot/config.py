"""Settings from the environment (and an optional .env), validated once at start."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from dotenv import dotenv_values

from bot.errors import StartupError

TELEGRAM_API = "https://api.telegram.org/bot"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(StartupError):
    """An environment variable has a value the bot cannot use."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    base_url: str = TELEGRAM_API
    db_path: Path = Path("data/vidw.db")
    schedule_path: Path = PROJECT_ROOT / "schedule.json"
    locales_dir: Path = PROJECT_ROOT / "locales"
    organizers: frozenset[int] = field(default_factory=frozenset)
    staff: frozenset[int] = field(default_factory=frozenset)
    rehearsal_start: datetime | None = None
    send_rate: float = 30.0  # messages/s for everything the bot sends (Telegram: ~30)
    paid_broadcast: bool = False  # Telegram's paid broadcasts: up to 1,000 messages/s
    feedback_delay: timedelta = timedelta(minutes=5)  # after a session ends, ask followers
    poll_close_days: int = 7  # polls are closed (stopPoll) this long after they were sent
    export_user_ids: bool = False  # exports show Telegram ids instead of salted pseudonyms
    schedule_watch: float = 30.0  # seconds between two looks at the schedule file
    send_attempts: int = 5  # network errors and 5xx are retried this many times in all
    retry_backoff: float = 1.0  # seconds before the first retry; doubles each time

    @property
    def base_file_url(self) -> str:
        """Telegram serves files under /file/bot<token>; a stand-in mirrors that layout."""
        head, _, _ = self.base_url.rstrip("/").rpartition("/")
        return f"{head}/file/bot"

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
    ) -> Settings:
        """Read settings; the process environment wins over the .env file."""
        values: dict[str, str] = {}
        if dotenv is not None and dotenv.is_file():
            values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        values.update(os.environ if env is None else env)
        return cls(
            token=values.get("TELEGRAM_BOT_TOKEN") or None,
            base_url=_url(values, "TELEGRAM_BASE_URL", TELEGRAM_API),
            db_path=Path(values.get("VIDW_DB") or "data/vidw.db"),
            schedule_path=Path(values.get("VIDW_SCHEDULE") or cls.schedule_path),
            locales_dir=Path(values.get("VIDW_LOCALES") or cls.locales_dir),
            organizers=_user_ids(values, "VIDW_ORGANIZERS"),
            staff=_user_ids(values, "VIDW_STAFF"),
            rehearsal_start=_instant(values, "VIDW_NOW"),
            feedback_delay=timedelta(minutes=_number(values, "VIDW_FEEDBACK_DELAY", 5, 0, 24 * 60)),
            poll_close_days=int(_number(values, "VIDW_POLL_CLOSE_DAYS", 7, 1, 365)),
            export_user_ids=values.get("VIDW_EXPORT_USER_IDS", "0").strip() in ("1", "true", "yes"),
            schedule_watch=_number(values, "VIDW_SCHEDULE_WATCH", 30, 1, 3600),
            **_sending(values),
        )


FREE_RATE_CEILING = 30.0
PAID_RATE_CEILING = 1000.0


def _sending(values: Mapping[str, str]) -> dict[str, Any]:
    paid_raw = values.get("VIDW_PAID_BROADCAST", "0").strip().lower()
    if paid_raw not in ("0", "1", "true", "false", "yes", "no", ""):
        raise ConfigError(f"VIDW_PAID_BROADCAST must be 0 or 1, got {paid_raw!r}")
    paid = paid_raw in ("1", "true", "yes")
    ceiling = PAID_RATE_CEILING if paid else FREE_RATE_CEILING
    raw = values.get("VIDW_SEND_RATE") or str(FREE_RATE_CEILING)
    try:
        rate = float(raw)
    except ValueError:
        raise ConfigError(
            f"VIDW_SEND_RATE must be a number of messages per second, got {raw!r}"
        ) from None
    if not 0 < rate <= ceiling:
        hint = "" if paid else " (set VIDW_PAID_BROADCAST=1 for up to 1000)"
        raise ConfigError(
            f"VIDW_SEND_RATE must be above 0 and at most {ceiling:g}{hint}, got {raw}"
        )
    return {"send_rate": rate, "paid_broadcast": paid}


def _number(values: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = values.get(name)
    if not raw:
        return default
    try:
        number = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not low <= number <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}, got {raw}")
    return number


def _url(values: Mapping[str, str], name: str, default: str) -> str:
    url = values.get(name) or default
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http(s) URL, got {url!r}")
    return url


def _user_ids(values: Mapping[str, str], name: str) -> frozenset[int]:
    raw = values.get(name, "")
    ids: set[int] = set()
    for part in raw.replace(" ", "").split(","):
        if not part:
            continue
        if not part.isdigit():
            raise ConfigError(
                f"{name} must list Telegram user ids separated by commas, got {part!r}"
            )
        ids.add(int(part))
    return frozenset(ids)


def _instant(values: Mapping[str, str], name: str) -> datetime | None:
    raw = values.get(name)
    if not raw:
        return None
    try:
        instant = datetime.fromisoformat(raw)
    except ValueError:
        raise ConfigError(
            f"{name} must be an ISO time with offset, e.g. 2025-10-27T08:30+07:00; got {raw!r}"
        ) from None
    if instant.tzinfo is None:
        raise ConfigError(f"{name} needs a UTC offset, e.g. 2025-10-27T08:30+07:00; got {raw!r}")
    return instant
