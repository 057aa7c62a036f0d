"""The bot in its own process, started as `vidw-bot run` starts it, and what it cost.

It lives beside the stand-ins so that tests (kill -9 in mid-send) and benchmarks both use it
without tests importing the benchmarks. Its settings come only from the environment given
here: the caller's TELEGRAM_* and VIDW_* variables and any .env file (the child runs in the
scratch folder) are left out.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import IO

from bot.config import Settings

_PREFIXES = ("TELEGRAM_", "VIDW_")


def bot_environment(
    base: Settings, token: str, base_url: str, db: Path, *, send_rate: float, paid: bool
) -> dict[str, str]:
    """This process's environment with the bot's own settings replaced by these."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(_PREFIXES)}
    return {
        **inherited,
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BASE_URL": base_url,
        "VIDW_DB": str(db),
        "VIDW_SCHEDULE": str(base.schedule_path.resolve()),
        "VIDW_LOCALES": str(base.locales_dir.resolve()),
        "VIDW_SEND_RATE": repr(send_rate),
        "VIDW_PAID_BROADCAST": "1" if paid else "0",
        # A free port: several bots (and other test runs) may run on this machine at once.
        "VIDW_HEALTH_LISTEN": "127.0.0.1:0",
        "VIDW_CONSOLE_LISTEN": "127.0.0.1:0",
    }


async def start_bot(
    env: dict[str, str], stderr: int | IO[bytes] = asyncio.subprocess.DEVNULL
) -> asyncio.subprocess.Process:
    """`python -m cli.main run` in the folder of its database; its log goes to `stderr`."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "cli.main",
        "run",
        env=env,
        cwd=Path(env["VIDW_DB"]).parent,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=stderr,
    )


def peak_rss_mb_of(pid: int) -> float:
    """Peak resident memory of a live process (VmHWM, Linux)."""
    return _status_kb(pid, "VmHWM") / 1024


def rss_mb_of(pid: int) -> float:
    """Resident memory of a live process now (VmRSS, Linux)."""
    return _status_kb(pid, "VmRSS") / 1024


def cpu_seconds_of(pid: int) -> float:
    """User plus system CPU time a live process has used (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    # After the command name: state is field 3, utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == key:
            return int(value.split()[0])
    raise LookupError(f"no {key} in /proc/{pid}/status")
