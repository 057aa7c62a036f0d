"""`vidw-bot doctor` against the stand-in and real files: each problem found, with its fix;
nothing wrong, exit 0."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from pathlib import Path

from bot.config import Settings, WebhookSettings
from bot.storage import Storage
from cli.doctor import OK, WARN, WRONG, Finding, diagnose
from standin.botproc import bot_environment
from standin.telegram import StandIn
from tests.conftest import at

NOW = at("2025-10-27T10:00:00+07:00")


def about(findings: list[Finding], text: str) -> Finding:
    return next(f for f in findings if text in f.what)


async def test_all_well_is_all_ticks(settings: Settings) -> None:
    storage = await Storage.open(settings.db_path)
    await storage.close()
    findings = await diagnose(settings)
    assert [f.verdict for f in findings if f.verdict != OK] == []
    assert "the bot is @standin_bot" in about(findings, "Telegram token").what
    assert "long polling" in about(findings, "updates:").what
    assert "intact, schema" in about(findings, "database").what
    assert "GiB free" in about(findings, "free on the database's disk").what


async def test_a_refused_token_is_wrong_and_says_where_to_get_one(settings: Settings) -> None:
    findings = await diagnose(replace(settings, token="987654:NOT-THE-TOKEN"))
    refused = about(findings, "refused TELEGRAM_BOT_TOKEN")
    assert refused.verdict == WRONG and "@BotFather" in refused.fix
    assert "NOT-THE-TOKEN" not in refused.line()


async def test_telegram_not_answering_is_wrong(settings: Settings, standin: StandIn) -> None:
    standin.outage("unreachable")
    findings = await diagnose(settings)
    assert about(findings, "Telegram does not answer").verdict == WRONG


async def test_a_webhook_on_record_is_compared_with_the_settings(
    settings: Settings, standin: StandIn
) -> None:
    standin.webhook.set("https://old.example.org/hook", None)
    polling = await diagnose(settings)
    assert about(polling, "has a webhook on record").verdict == WARN
    wanted = WebhookSettings("https://bot.example.org/telegram/vidw", "s3cret")
    other = await diagnose(replace(settings, webhook=wanted))
    assert about(other, "not VIDW_WEBHOOK_URL").verdict == WARN


async def test_a_broken_programme_missing_catalogs_and_a_damaged_database(
    settings: Settings, tmp_path: Path
) -> None:
    broken = tmp_path / "schedule.json"
    broken.write_text('{"schedule": {"conference": {}}}', encoding="utf-8")
    damaged = tmp_path / "damaged.db"
    storage = await Storage.open(damaged)
    await storage.users.register_many([(n, "en") for n in range(1, 2000)], NOW)
    await storage.close()
    with damaged.open("r+b") as raw:  # scribble over a page in the middle of the users
        raw.seek(4096 * 3)
        raw.write(b"\xff" * 4096)
    findings = await diagnose(
        replace(settings, schedule_path=broken, locales_dir=tmp_path / "none", db_path=damaged)
    )
    assert about(findings, "programme:").verdict == WRONG
    assert "make catalogs" in about(findings, "catalogs:").fix
    database = about(findings, "database")
    assert database.verdict == WRONG and "backup" in database.fix


async def test_vidw_bot_doctor_prints_the_findings_and_exits_1_when_something_is_wrong(
    settings: Settings, standin: StandIn, tmp_path: Path
) -> None:
    env = bot_environment(
        settings, standin.token, standin.base_url, settings.db_path, send_rate=30, paid=False
    )

    async def doctor(**extra: str) -> tuple[int | None, str]:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "cli.main", "doctor"),
            env={**env, **extra},
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
        )
        out, _ = await process.communicate()
        return process.returncode, out.decode()

    fine, report = await doctor()
    wrong, complaint = await doctor(TELEGRAM_BOT_TOKEN="987654:NOT-THE-TOKEN")
    assert fine == 0 and "0 wrong" in report and "✓ Telegram token" in report
    assert wrong == 1 and "✗ Telegram refused" in complaint and "fix: copy the token" in complaint
