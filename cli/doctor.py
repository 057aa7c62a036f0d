"""`vidw-bot doctor`: what the bot needs, checked one by one, each with how to fix it.

The token (getMe), the webhook Telegram has on record, the Zalo token if one is set, the
programme, the catalogs, the database (integrity, schema) and the free disk beside it, and
whether a bot answers on VIDW_HEALTH_LISTEN. Read-only: nothing is changed, nothing is sent.
Exit status 0 when nothing is wrong (warnings allowed), 1 otherwise.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
from collections.abc import Awaitable, Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.config import Settings
from bot.errors import StartupError
from bot.features.changes.source import source_for
from bot.i18n import Catalogs
from bot.programme.loader import parse_text, summary
from bot.programme.problems import ScheduleError
from bot.storage.database import MIN_FREE_BYTES
from bot.storage.migrations import MIGRATIONS
from channels.zalo.client import ZaloClient, ZaloError

OK, WARN, WRONG = "ok", "warning", "wrong"
MARKS = {OK: "✓", WARN: "!", WRONG: "✗"}
LOW_DISK_BYTES = 1024**3  # below 1 GiB free: a warning (a day of an event writes far less)
TIMEOUT = 10.0  # seconds for each network check


@dataclass(frozen=True)
class Finding:
    verdict: str  # OK, WARN or WRONG
    what: str
    fix: str = ""  # how to mend it, when it is not OK

    def line(self) -> str:
        text = f"{MARKS[self.verdict]} {self.what}"
        return f"{text}\n    fix: {self.fix}" if self.fix else text


Check = Callable[[Settings], Awaitable[list[Finding]]]


async def diagnose(settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    for check in CHECKS:
        try:
            findings += await check(settings)
        except Exception as exc:  # a check that breaks is a finding, not a crash
            name = check.__name__.removeprefix("_")
            findings.append(Finding(WRONG, f"{name}: the check itself failed ({exc!r})"))
    return findings


def run_doctor(settings: Settings) -> int:
    findings = asyncio.run(diagnose(settings))
    for finding in findings:
        print(finding.line())
    wrong = sum(f.verdict == WRONG for f in findings)
    warned = sum(f.verdict == WARN for f in findings)
    print(f"\n{wrong} wrong, {warned} warnings, {len(findings) - wrong - warned} fine.")
    return 1 if wrong else 0


# -- the checks, in the order a person would look -----------------------------------------


async def _telegram(settings: Settings) -> list[Finding]:
    if not settings.token:
        return [
            Finding(
                WARN,
                "no TELEGRAM_BOT_TOKEN: `vidw-bot run` serves Zalo alone, or the offline demo",
                "set TELEGRAM_BOT_TOKEN to the token @BotFather gave (in .env or the environment)",
            )
        ]
    api = settings.base_url.rstrip("/").rsplit("/", 1)[0]
    bot = Bot(settings.token, base_url=settings.base_url, base_file_url=settings.base_file_url)
    try:
        async with asyncio.timeout(TIMEOUT):
            me = await bot.get_me()
            hook = await bot.get_webhook_info()
    except InvalidToken:
        return [
            Finding(
                WRONG,
                "Telegram refused TELEGRAM_BOT_TOKEN (getMe: Unauthorized)",
                "copy the token again from @BotFather (/mybots → API Token); a revoked token "
                "stops working at once",
            )
        ]
    except (NetworkError, TimeoutError) as exc:
        return [
            Finding(
                WRONG,
                f"Telegram does not answer at {api} ({_reason(exc)})",
                "check this machine reaches it (DNS, firewall, proxy); TELEGRAM_BASE_URL "
                "if you use a local Bot API server",
            )
        ]
    finally:
        await bot.shutdown()
    found = [Finding(OK, f"Telegram token: the bot is @{me.username} ({me.first_name})")]
    pending, error = hook.pending_update_count, hook.last_error_message
    return found + _webhook_findings(settings, hook.url, pending, error)


def _webhook_findings(
    settings: Settings, url: str, pending: int, last_error: str | None
) -> list[Finding]:
    wanted = settings.webhook.url if settings.webhook else ""
    backlog = f"; {pending} updates wait for the bot" if pending else ""
    if wanted and url != wanted:
        shown = url or "none"
        return [
            Finding(
                WARN,
                f"webhook on record at Telegram: {shown}, not VIDW_WEBHOOK_URL {wanted}",
                "`vidw-bot run` sets it at start (and retries if Telegram fails it)",
            )
        ]
    if not wanted and url:
        return [
            Finding(
                WARN,
                f"Telegram has a webhook on record ({url}) but VIDW_WEBHOOK_URL is not set",
                "`vidw-bot run` long-polls and removes it at start; set VIDW_WEBHOOK_URL to "
                "serve the webhook instead",
            )
        ]
    if last_error:
        return [
            Finding(
                WARN,
                f"webhook {url}: Telegram's last delivery failed ({last_error}){backlog}",
                "check the reverse proxy forwards that URL to VIDW_WEBHOOK_LISTEN, with TLS",
            )
        ]
    mode = f"webhook {url}" if url else "long polling (no webhook on record)"
    return [Finding(OK, f"updates: {mode}{backlog}")]


async def _zalo(settings: Settings) -> list[Finding]:
    if settings.zalo is None:
        return []
    client = ZaloClient(settings.zalo.token, settings.zalo.base_url)
    await client.open()
    try:
        async with asyncio.timeout(TIMEOUT):
            me = await client.get_me()
    except ZaloError as exc:
        if exc.code in (401, 403):
            fix = "copy the token again from the Zalo Bot Platform (ZALO_BOT_TOKEN)"
            return [Finding(WRONG, f"Zalo refused ZALO_BOT_TOKEN ({exc.description})", fix)]
        fix = "check this machine reaches it (ZALO_BASE_URL)"
        return [Finding(WRONG, f"Zalo does not answer ({exc.description})", fix)]
    except TimeoutError:
        return [Finding(WRONG, "Zalo does not answer (timeout)", "check the network")]
    finally:
        await client.close()
    return [Finding(OK, f"Zalo token: the bot is {me.get('account_name', '?')}")]


async def _programme(settings: Settings) -> list[Finding]:
    source = source_for(settings)
    try:
        schedule = parse_text(await source.read(), source.name)
    except ScheduleError as exc:
        fix = "`vidw-bot check-schedule FILE` shows every problem; VIDW_SCHEDULE names the file"
        return [Finding(WRONG, f"programme: {exc}", fix)]
    first = summary(schedule).splitlines()[0]
    return [Finding(OK, f"programme: {source.name}: {first}")]


async def _catalogs(settings: Settings) -> list[Finding]:
    try:
        Catalogs.load(settings.locales_dir)
    except StartupError as exc:
        return [Finding(WRONG, f"catalogs: {exc}", "run `make catalogs` (or pybabel compile)")]
    return [Finding(OK, f"catalogs: vi, en, fr compiled in {settings.locales_dir}")]


async def _database(settings: Settings) -> list[Finding]:
    path = settings.db_path
    if not path.exists():
        folder = _existing_parent(path)
        if not _writable(folder):
            fix = f"create {path.parent} writable by the bot's user, or set VIDW_DB"
            return [Finding(WRONG, f"database {path}: cannot be created in {folder}", fix)]
        return [Finding(OK, f"database {path}: not there yet, created at the first start")]
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            db.execute("PRAGMA busy_timeout = 5000")
            verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        fix = "restore the last `vidw-bot backup` copy (stop the bot, replace the file)"
        return [Finding(WRONG, f"database {path}: unreadable ({exc})", fix)]
    if verdict != "ok":
        fix = "restore the last `vidw-bot backup` copy; keep the damaged file for inspection"
        return [Finding(WRONG, f"database {path}: damaged ({verdict})", fix)]
    if version > len(MIGRATIONS):
        fix = "run the version of the bot that wrote it, or restore an older backup"
        return [Finding(WRONG, f"database {path}: schema {version} is newer than this bot's", fix)]
    later = "" if version == len(MIGRATIONS) else f" (brought to {len(MIGRATIONS)} at start)"
    return [Finding(OK, f"database {path}: intact, schema {version}{later}")]


async def _disk(settings: Settings) -> list[Finding]:
    folder = _existing_parent(settings.db_path)
    free = shutil.disk_usage(folder).free
    shown = f"{free / 1024**3:.1f} GiB free on the database's disk ({folder})"
    if free < MIN_FREE_BYTES:
        fix = "free space there now: the bot cannot record anything and tells organizers so"
        return [Finding(WRONG, shown, fix)]
    if free < LOW_DISK_BYTES:
        return [Finding(WARN, shown, "free some space before the event")]
    return [Finding(OK, shown)]


async def _running_bot(settings: Settings) -> list[Finding]:
    if settings.health_listen is None:
        return [Finding(OK, "health endpoint: off (VIDW_HEALTH_LISTEN=off)")]
    host, port = settings.health_listen
    url = f"http://{'localhost' if host in ('0.0.0.0', '::') else host}:{port}/healthz"
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session,
            session.get(url) as response,
        ):
            body = await response.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError, ValueError):
        return [Finding(OK, f"no bot answers at {url} (not running, or elsewhere)")]
    if response.status == 200:
        return [Finding(OK, f"a running bot answers at {url}: healthy")]
    failing = "; ".join(body.get("failing", [])) if isinstance(body, dict) else ""
    fix = "see its log, and /health in the chat; `systemctl restart vidw-bot` if it stays so"
    return [Finding(WRONG, f"the running bot at {url} is unhealthy: {failing}", fix)]


CHECKS: tuple[Check, ...] = (
    _telegram,
    _zalo,
    _programme,
    _catalogs,
    _database,
    _disk,
    _running_bot,
)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TelegramError):
        return exc.message
    return type(exc).__name__


def _existing_parent(path: Path) -> Path:
    folder = path.resolve().parent
    while not folder.exists():
        folder = folder.parent
    return folder


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)
