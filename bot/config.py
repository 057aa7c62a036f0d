"""Settings from the environment (and an optional .env), validated once at start."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dotenv import dotenv_values

from bot.errors import StartupError

TELEGRAM_API = "https://api.telegram.org/bot"
ZALO_API = "https://bot-api.zaloplatforms.com"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(StartupError):
    """An environment variable has a value the bot cannot use."""


@dataclass(frozen=True)
class WebhookSettings:
    """Telegram posts updates to `url` (TLS ends at a reverse proxy); the bot listens on
    host:port, at the URL's path, and answers 403 to a request without `secret`."""

    url: str
    secret: str = field(repr=False)  # secrets never reach a log or a repr
    host: str = "127.0.0.1"
    port: int = 8443

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


@dataclass(frozen=True)
class Zalo:
    """The Zalo channel (ZALO_BOT_TOKEN): long polling, or a webhook when `webhook_url` is set."""

    token: str = field(repr=False)
    base_url: str = ZALO_API
    send_rate: float = 5.0  # Zalo publishes no limit: stay well below anything plausible
    pollers: int = 1  # concurrent getUpdates calls (each returns one update)
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = 8444

    @property
    def webhook_path(self) -> str:
        return urlsplit(self.webhook_url or "").path or "/"


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    base_url: str = TELEGRAM_API
    db_path: Path = Path("data/vidw.db")
    schedule_path: Path = PROJECT_ROOT / "schedule.json"  # with a URL: the last downloaded copy
    schedule_url: str | None = None  # VIDW_SCHEDULE as a URL: a pretalx/frab export, fetched
    schedule_fetch_timeout: float = 20.0  # seconds for one download of schedule_url, in all
    schedule_max_bytes: int = 16 * 1024 * 1024  # a bigger download is refused (1,000 events: 3 MB)
    venues_path: Path = PROJECT_ROOT / "data" / "venues.json"
    exhibitors_path: Path = PROJECT_ROOT / "data" / "exhibitors.json"
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
    webhook: WebhookSettings | None = None  # None: long polling
    zalo: Zalo | None = None  # None: no Zalo channel
    # /healthz and /metrics (web/health.py); None: not served. From the environment the
    # default is 127.0.0.1:9108 ("off" for none); port 0 picks a free one.
    health_listen: tuple[str, int] | None = None
    # The staff console (web/console): where it listens, None: not served ("off"); from the
    # environment 127.0.0.1:8080 by default. Its public base URL (VIDW_CONSOLE_URL) is what
    # login links point at, behind the same reverse proxy as the webhook; https there makes
    # the session cookie Secure. The secret signs login links (VIDW_CONSOLE_SECRET; unset: one
    # is made once and kept in the database).
    console_listen: tuple[str, int] | None = None
    console_url: str | None = None
    console_secret: str | None = field(default=None, repr=False)

    @property
    def console_base_url(self) -> str:
        """Where login links point: VIDW_CONSOLE_URL, else the listening address."""
        if self.console_url:
            return self.console_url.rstrip("/")
        host, port = self.console_listen or ("127.0.0.1", 8080)
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}"

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
            **_schedule(values),
            venues_path=Path(values.get("VIDW_VENUES") or cls.venues_path),
            exhibitors_path=Path(values.get("VIDW_EXHIBITORS") or cls.exhibitors_path),
            locales_dir=Path(values.get("VIDW_LOCALES") or cls.locales_dir),
            organizers=_user_ids(values, "VIDW_ORGANIZERS"),
            staff=_user_ids(values, "VIDW_STAFF"),
            rehearsal_start=_instant(values, "VIDW_NOW"),
            feedback_delay=timedelta(minutes=_number(values, "VIDW_FEEDBACK_DELAY", 5, 0, 24 * 60)),
            poll_close_days=int(_number(values, "VIDW_POLL_CLOSE_DAYS", 7, 1, 365)),
            export_user_ids=flag(values, "VIDW_EXPORT_USER_IDS", default=False),
            schedule_watch=_number(values, "VIDW_SCHEDULE_WATCH", 30, 1, 3600),
            webhook=_webhook(values),
            zalo=_zalo(values),
            health_listen=_health_listen(values),
            **_console(values),
            **_sending(values),
        )


FETCHED_COPY = "schedule.from-url.json"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _schedule(values: Mapping[str, str]) -> dict[str, Any]:
    """VIDW_SCHEDULE: a file, or an https URL (http on this machine only: tests, a proxy)
    whose download is kept beside the database."""
    raw = (values.get("VIDW_SCHEDULE") or "").strip()
    if not raw.startswith(("http://", "https://")):
        return {"schedule_path": Path(raw) if raw else Settings.schedule_path}
    parts = urlsplit(raw)
    if not parts.hostname or (parts.scheme == "http" and parts.hostname not in LOOPBACK):
        raise ConfigError(
            f"VIDW_SCHEDULE must be a file or an https URL (http only on this machine), got {raw!r}"
        )
    copy = Path(values.get("VIDW_DB") or "data/vidw.db").parent / FETCHED_COPY
    return {"schedule_path": copy, "schedule_url": raw}


FREE_RATE_CEILING = 30.0
PAID_RATE_CEILING = 1000.0


def _sending(values: Mapping[str, str]) -> dict[str, Any]:
    paid = flag(values, "VIDW_PAID_BROADCAST", default=False)
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


WEBHOOK_PORTS = (443, 80, 88, 8443)  # the only ports Telegram posts to
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts
DEFAULT_LISTEN = "127.0.0.1:8443"


def _webhook(values: Mapping[str, str]) -> WebhookSettings | None:
    url = values.get("VIDW_WEBHOOK_URL", "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ConfigError(
            f"VIDW_WEBHOOK_URL must be an https URL (Telegram posts to no other), got {url!r}"
        )
    try:
        port = parts.port or 443
    except ValueError:  # a port that is no number, or out of range
        raise ConfigError(f"VIDW_WEBHOOK_URL has an invalid port: {url!r}") from None
    if port not in WEBHOOK_PORTS:
        ports = ", ".join(map(str, WEBHOOK_PORTS))
        raise ConfigError(f"VIDW_WEBHOOK_URL: Telegram posts only to ports {ports}; got {port}")
    secret = values.get("VIDW_WEBHOOK_SECRET", "")
    if not secret:
        raise ConfigError(
            "VIDW_WEBHOOK_SECRET is required with VIDW_WEBHOOK_URL: without it anyone who finds "
            "the URL can post updates to the bot"
        )
    if not SECRET_TOKEN.fullmatch(secret):
        # The value is a secret: describe it, never echo it.
        raise ConfigError(
            "VIDW_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - "
            f"(got {len(secret)} characters)"
        )
    host, port_number = _listen(values.get("VIDW_WEBHOOK_LISTEN") or DEFAULT_LISTEN)
    return WebhookSettings(url=url, secret=secret, host=host, port=port_number)


ZALO_SECRET = re.compile(r"[A-Za-z0-9_-]{8,256}")
ZALO_DEFAULT_LISTEN = "127.0.0.1:8444"


def _zalo(values: Mapping[str, str]) -> Zalo | None:
    token = values.get("ZALO_BOT_TOKEN", "").strip()
    if not token:
        return None
    base_url = _url(values, "ZALO_BASE_URL", ZALO_API).rstrip("/")
    rate = _number(values, "ZALO_SEND_RATE", 5, 0.1, 100)
    pollers = int(_number(values, "ZALO_POLLERS", 1, 1, 16))
    url = values.get("ZALO_WEBHOOK_URL", "").strip() or None
    if url is None:
        return Zalo(token, base_url, rate, pollers)
    if not url.startswith("https://"):
        raise ConfigError(f"ZALO_WEBHOOK_URL must be an https URL, got {url!r}")
    secret = values.get("ZALO_WEBHOOK_SECRET", "")
    if not ZALO_SECRET.fullmatch(secret):
        raise ConfigError(
            "ZALO_WEBHOOK_SECRET is required with ZALO_WEBHOOK_URL: 8 to 256 characters of "
            f"A-Z, a-z, 0-9, _ and - (got {len(secret)} characters)"
        )
    host, port = _listen(values.get("ZALO_WEBHOOK_LISTEN") or ZALO_DEFAULT_LISTEN, "ZALO")
    return Zalo(token, base_url, rate, pollers, url, secret, host, port)


HEALTH_LISTEN = "127.0.0.1:9108"


def _health_listen(values: Mapping[str, str]) -> tuple[str, int] | None:
    raw = values.get("VIDW_HEALTH_LISTEN", "").strip() or HEALTH_LISTEN
    if raw.lower() == "off":
        return None
    return _listen(raw, name="VIDW_HEALTH_LISTEN", example=HEALTH_LISTEN, lowest=0)


def _listen(
    raw: str,
    prefix: str = "VIDW",
    *,
    name: str | None = None,
    example: str = "127.0.0.1:8443",
    lowest: int = 1,
) -> tuple[str, int]:
    """host:port, where an IPv6 host is written in brackets: [::1]:8443."""
    host, _, port = raw.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not host or not port.isdigit() or not lowest <= int(port) <= 65535:
        variable = name or f"{prefix}_WEBHOOK_LISTEN"
        raise ConfigError(f"{variable} must be host:port, e.g. {example}; got {raw!r}")
    return host, int(port)


CONSOLE_LISTEN = "127.0.0.1:8080"


def _console(values: Mapping[str, str]) -> dict[str, Any]:
    raw = values.get("VIDW_CONSOLE_LISTEN", "").strip() or CONSOLE_LISTEN
    listen = (
        None
        if raw.lower() == "off"
        else _listen(raw, name="VIDW_CONSOLE_LISTEN", example=CONSOLE_LISTEN, lowest=0)
    )
    url = values.get("VIDW_CONSOLE_URL", "").strip() or None
    if url is not None and urlsplit(url).scheme not in ("http", "https"):
        raise ConfigError(
            f"VIDW_CONSOLE_URL must be an http(s) URL, e.g. https://bot.example.org; got {url!r}"
        )
    secret = values.get("VIDW_CONSOLE_SECRET", "").strip() or None
    if secret is not None and len(secret) < 32:
        # The value is a secret: describe it, never echo it.
        raise ConfigError(
            f"VIDW_CONSOLE_SECRET must have at least 32 characters (got {len(secret)})"
        )
    return {"console_listen": listen, "console_url": url, "console_secret": secret}


TRUE_WORDS = ("1", "true", "yes")
FALSE_WORDS = ("0", "false", "no")


def flag(values: Mapping[str, str], name: str, *, default: bool) -> bool:
    """The one reading of an on/off setting: 1/0, true/false, yes/no (any case); unset or
    empty is `default`; anything else stops the start, naming the variable."""
    raw = values.get(name, "").strip()
    if not raw:
        return default
    word = raw.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name} must be 1/0, true/false or yes/no, got {raw!r}")


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
