"""A stand-in in a child process, driven through its admin API.

Benchmarks need the bot under test and the stand-in on different CPU cores:

    async with RemoteStandIn(limits=Limits(enforce=False), open_chats=[(5000, 10_000)]) as s:
        bot = Bot(s.token, base_url=s.base_url, base_file_url=s.base_file_url)
        ...
        print((await s.stats())["sustained_rate"])
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp

from standin.common.server import Endpoint
from standin.telegram.faults import FaultKind, OutageKind
from standin.telegram.limits import Limits
from standin.telegram.server import DEFAULT_TOKEN
from standin.telegram.urls import BotApiUrls

# The directory holding this standin package: the child must run this same code.
SOURCE_ROOT = str(Path(__file__).resolve().parents[2])
STOP_GRACE = 5.0  # seconds between SIGTERM and SIGKILL


class RemoteStandIn(Endpoint, BotApiUrls):
    """Starts `python -m standin` on enter and stops it on exit (SIGTERM, then SIGKILL)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        limits: Limits | None = None,
        open_chats: Sequence[tuple[int, int]] = (),
        host: str = "127.0.0.1",
        ready_timeout: float = 10.0,
    ) -> None:
        super().__init__(host, 0)
        self.token = token
        self._argv = _options(token, host, limits or Limits(), open_chats)
        self._ready_timeout = ready_timeout
        self._process: asyncio.subprocess.Process | None = None
        self._session: aiohttp.ClientSession | None = None

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        path = [SOURCE_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])]
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "standin.telegram",
            *self._argv,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(path)},
        )
        try:
            self._port = await self._ready(self._process)
        except BaseException:
            await self._stop()
            raise
        self._session = aiohttp.ClientSession(self.root_url)

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
        await self._stop()

    async def _ready(self, process: asyncio.subprocess.Process) -> int:
        """The port from the child's `READY <port>` line."""
        assert process.stdout is not None
        async with asyncio.timeout(self._ready_timeout):
            line = (await process.stdout.readline()).decode()
        word, _, port = line.strip().partition(" ")
        if word != "READY":
            code = await process.wait() if not line else None
            raise RuntimeError(f"python -m standin did not get ready: {line!r}, exit code {code}")
        return int(port)

    async def _stop(self) -> None:
        if self._process is not None:
            await terminate(self._process)

    @property
    def process(self) -> asyncio.subprocess.Process:
        """The child; its returncode is set once the context has exited."""
        if self._process is None:
            raise RuntimeError("the remote stand-in has not been started")
        return self._process

    # -- admin API -------------------------------------------------------------------------

    async def stats(self) -> dict[str, Any]:
        """Stats.summary() of the child: sent, sustained_rate, peak_1s, duplicate_chats, ..."""
        summary: dict[str, Any] = await self._call("GET", "stats")
        return summary

    async def reset(self) -> None:
        """Zero the stats."""
        await self._call("POST", "reset", {})

    async def set_limits(self, **fields: bool | float) -> Limits:
        """Change the given Limits fields at once (buckets start full); returns the new limits."""
        return Limits(**await self._call("POST", "limits", fields))

    async def inject(
        self,
        kind: FaultKind,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        times: int = 1,
        retry_after: int = 1,
    ) -> None:
        """As StandIn.inject, in the child."""
        body = {
            "kind": kind,
            "method": method,
            "chat_id": chat_id,
            "times": times,
            "retry_after": retry_after,
        }
        await self._call("POST", "inject", body)

    async def outage(
        self,
        kind: OutageKind = "unreachable",
        *,
        seconds: float | None = None,
        methods: Sequence[str] | None = None,
    ) -> None:
        """As StandIn.outage, in the child."""
        body = {"kind": kind, "seconds": seconds, "methods": list(methods) if methods else None}
        await self._call("POST", "outage", body)

    async def end_outage(self) -> None:
        await self._call("POST", "end_outage", {})

    async def block(self, user_id: int) -> None:
        """The user blocks the bot: sends to their chat answer 403."""
        await self._call("POST", "block", {"user_id": user_id})

    async def answer_polls(self, chat_ids: list[int], option_ids: list[int]) -> None:
        """Each user answers the latest poll the bot sent to their chat."""
        await self._call("POST", "answer_polls", {"chat_ids": chat_ids, "option_ids": option_ids})

    async def _call(self, verb: str, name: str, body: dict[str, Any] | None = None) -> Any:
        """One admin request; a refusal (400) raises ValueError as the in-process call would."""
        if self._session is None:
            raise RuntimeError("the remote stand-in is not running")
        async with self._session.request(verb, f"/_standin/{name}", json=body) as response:
            result = await response.json()
            if response.status != 200:
                raise ValueError(result.get("error", result))
            return result


async def terminate(process: asyncio.subprocess.Process, grace: float = STOP_GRACE) -> None:
    """SIGTERM, then SIGKILL if the process has not exited within `grace` seconds."""
    if process.returncode is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        async with asyncio.timeout(grace):
            await process.wait()
    except TimeoutError:
        process.kill()
        await process.wait()


def _options(
    token: str, host: str, limits: Limits, open_chats: Sequence[tuple[int, int]]
) -> list[str]:
    """The command line that gives the child these settings."""
    argv = ["--token", token, "--host", host, "--port", "0"]
    argv += ["--global-rate", repr(limits.global_rate), "--global-burst", str(limits.global_burst)]
    argv += ["--chat-rate", repr(limits.chat_rate), "--chat-burst", str(limits.chat_burst)]
    if not limits.enforce:
        argv.append("--no-limits")
    for first, count in open_chats:
        argv += ["--open-chats", f"{first}:{count}"]
    return argv
