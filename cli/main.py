"""`vidw-bot`: run the bot, open the offline demo, back up the database, check a schedule."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Settings
from bot.errors import StartupError
from bot.i18n import LANGUAGES
from bot.storage.database import DatabaseBusy


def main(argv: Sequence[str] | None = None) -> int:
    # Opt in to PTB's coming behaviour: RetryAfter.retry_after as a timedelta, no warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    parser = argparse.ArgumentParser(prog="vidw-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run",
        help="serve Telegram by long polling, or a webhook when VIDW_WEBHOOK_URL is set "
        "(the offline demo when no token is set)",
    )
    demo = commands.add_parser("demo", help="chat with the bot in this terminal, offline")
    demo.add_argument("--lang", choices=LANGUAGES, help="the demo attendee's language")
    demo.add_argument(
        "--channel", choices=("telegram", "zalo"), default="telegram", help="the messenger shown"
    )
    check = commands.add_parser(
        "check-schedule",
        help="read a programme (schedule.json, .xlsx, .csv), summarise it, list its deviations",
    )
    check.add_argument("file", type=Path)
    check.add_argument(
        "--strict", action="store_true", help="refuse any deviation from the published schema"
    )
    load = commands.add_parser(
        "import-schedule",
        help="check a new programme (schedule.json, .xlsx, .csv), preview its changes, install it",
    )
    load.add_argument("file", type=Path)
    load.add_argument("--yes", action="store_true", help="install without asking")
    load.add_argument(
        "--strict", action="store_true", help="refuse any deviation from the published schema"
    )
    template = commands.add_parser(
        "schedule-template", help="write the programme spreadsheet to fill in (FILE.xlsx)"
    )
    template.add_argument("file", type=Path)
    template.add_argument(
        "--from", dest="source", type=Path, help="fill it with this schedule.json's programme"
    )
    files = commands.add_parser("export", help="write the poll results for staff")
    files.add_argument("--out", type=Path, required=True, help="the folder to write to")
    files.add_argument("--format", default="xlsx,csv,png", help="xlsx, csv, png (comma-separated)")
    files.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="the language of sheet names, headers, the chart and session titles (default: en)",
    )
    cast = commands.add_parser("broadcast", help="queue an announcement and watch it go out")
    cast.add_argument(
        "--audience", required=True, help="all, lang:vi, channel:zalo, session:<code>, theme:<slug>"
    )
    cast.add_argument("--text", type=Path, help="one text (HTML) for everyone")
    for lang in LANGUAGES:
        cast.add_argument(f"--text-{lang}", type=Path, help=f"the {lang} version")
    cast.add_argument(
        "--default",
        choices=LANGUAGES,
        default="en",
        help="the version for languages without their own (default: en)",
    )
    cast.add_argument("--yes", action="store_true", help="send without asking")
    commands.add_parser(
        "doctor",
        help="check the token, webhook, programme, catalogs, database and disk; say how to fix "
        "what is wrong",
    )
    link = commands.add_parser(
        "console-link",
        help="print a one-time login link to the staff console for a staff member or organizer",
    )
    link.add_argument("user_id", type=int, help="their user id (Telegram, or the bot's for Zalo)")
    codes = commands.add_parser(
        "booth-codes",
        help="write a QR code PNG per exhibitor and a PDF sheet of them all, to print",
    )
    codes.add_argument("--out", type=Path, required=True, help="the folder to write to")
    codes.add_argument("--bot", required=True, help="the bot's Telegram username (the t.me links)")
    codes.add_argument("--lang", choices=LANGUAGES, default="en", help="the sheet's language")
    sheet = commands.add_parser(
        "exhibitors-template",
        help="write the exhibitors spreadsheet to fill in (FILE.xlsx), with those in use",
    )
    sheet.add_argument("file", type=Path)
    listed = commands.add_parser(
        "import-exhibitors",
        help="check an exhibitors spreadsheet (.xlsx) and write it as VIDW_EXHIBITORS",
    )
    listed.add_argument("file", type=Path)
    listed.add_argument("--out", type=Path, help="write here instead of VIDW_EXHIBITORS")
    copy = commands.add_parser(
        "backup", help="copy the live database (VIDW_DB) to FILE, safely while the bot runs"
    )
    copy.add_argument("file", type=Path)
    copy.add_argument("--force", action="store_true", help="replace FILE if it exists")
    args = parser.parse_args(argv)
    try:
        if args.command == "check-schedule":
            from bot.features.changes.cli import run_check

            return run_check(args.file, args.strict, Settings.from_env)
        if args.command == "schedule-template":
            from bot.features.changes.cli import run_template

            return run_template(args.file, args.source)
        settings = Settings.from_env()
        if args.command == "import-schedule":
            from bot.features.changes.cli import run_import

            return run_import(settings, args.file, args.yes, strict=args.strict)
        if args.command == "broadcast":
            return _broadcast(settings, args)
        if args.command == "export":
            from bot.features.exports.cli import run_export

            return run_export(settings, args.out, args.format, args.lang)
        if args.command == "doctor":
            from cli.doctor import run_doctor

            return run_doctor(settings)
        if args.command == "console-link":
            from bot.features.console.cli import run_console_link

            return run_console_link(settings, args.user_id)
        if args.command == "booth-codes":
            from bot.features.exhibition.cli import run_booth_codes

            return run_booth_codes(settings, args.out, args.bot, args.lang)
        if args.command == "exhibitors-template":
            from bot.features.exhibition.cli import run_exhibitors_template

            return run_exhibitors_template(settings, args.file)
        if args.command == "import-exhibitors":
            from bot.features.exhibition.cli import run_import_exhibitors

            return run_import_exhibitors(settings, args.file, args.out)
        if args.command == "backup":
            from bot.features.backup.cli import run_backup

            return run_backup(settings.db_path, args.file, force=args.force)
        if args.command == "run" and settings.token:
            return _serve(settings)
        if args.command == "run" and settings.zalo is not None:
            return _serve_zalo_alone(settings)
        if args.command == "run":
            print("No TELEGRAM_BOT_TOKEN set: starting the offline demo instead.", file=sys.stderr)
        if getattr(args, "channel", "telegram") == "zalo":
            return _zalo_demo(settings)
        return _demo(settings, getattr(args, "lang", None))
    except StartupError as exc:
        print(f"vidw-bot: {exc}", file=sys.stderr)
        return 2
    except DatabaseBusy as exc:
        print(f"vidw-bot: {exc}; try again once it is done", file=sys.stderr)
        return 3


def _broadcast(settings: Settings, args: argparse.Namespace) -> int:
    from bot.features.broadcast.cli import read_texts, run_broadcast

    per_language = {lang: getattr(args, f"text_{lang}") for lang in LANGUAGES}
    texts = read_texts(args.text, per_language)
    return run_broadcast(settings, args.audience, texts, args.default, args.yes)


def _serve(settings: Settings) -> int:
    import logging

    from bot.logs import configure_logging
    from channels.telegram.runner import serve
    from cli.compose import telegram_application

    webhook = settings.webhook
    configure_logging(settings.token, secrets=_secrets(settings))
    app = telegram_application(settings)
    if webhook is not None:
        logging.getLogger(__name__).info(
            "Webhook mode: listening on %s:%s%s for %s",
            webhook.host,
            webhook.port,
            webhook.path,
            webhook.url,
        )
    asyncio.run(serve(app, webhook))
    return 0


def _secrets(settings: Settings) -> tuple[str, ...]:
    """What no log line may show, besides the Telegram token."""
    found = [settings.webhook.secret] if settings.webhook else []
    if settings.zalo is not None:
        found += [settings.zalo.token, settings.zalo.webhook_secret or ""]
    return tuple(secret for secret in found if secret)


def _serve_zalo_alone(settings: Settings) -> int:
    from bot.logs import configure_logging
    from channels.zalo.app import serve_alone
    from cli.compose import services_of

    configure_logging(None, secrets=_secrets(settings))
    asyncio.run(serve_alone(settings, services_of(settings)))
    return 0


def _zalo_demo(settings: Settings) -> int:
    from cli.demo_zalo import run_zalo_demo

    try:
        asyncio.run(run_zalo_demo(settings))
    except (KeyboardInterrupt, EOFError):
        print()
    return 0


def _demo(settings: Settings, language: str | None) -> int:
    from cli.demo import run_demo

    try:
        asyncio.run(run_demo(settings, language))
    except (KeyboardInterrupt, EOFError):
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
