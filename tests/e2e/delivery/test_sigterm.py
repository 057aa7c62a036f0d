"""SIGTERM in the middle of a bulk send (systemd stopping the service, `docker stop`): the sends
in flight finish and are recorded, the rest waits in the outbox, and the next start sends it.
A graceful stop sends nothing twice."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from standin.telegram import Limits, StandIn
from standin.telegram.server import CLIENT_GONE
from tests.e2e.delivery.test_crash import (
    RATE,
    RECIPIENTS,
    _delivered,
    _outbox_counts,
    _queue,
    _start_bot,
)

TIMEOUT = 30.0


async def test_sigterm_half_way_finishes_what_is_in_flight_and_the_restart_sends_the_rest(
    tmp_path: Path, compiled_locales: Path
) -> None:
    chats = list(range(3000, 3000 + RECIPIENTS))
    db_path = tmp_path / "vidw.db"
    await _queue(db_path, chats)
    async with StandIn(limits=Limits(global_rate=RATE, global_burst=5, chat_burst=1)) as standin:
        for chat in chats:
            standin.user(chat, language_code="en")
        first = await _start_bot(standin, db_path, compiled_locales)
        async with asyncio.timeout(TIMEOUT):
            while _delivered(standin, chats) < RECIPIENTS // 3:
                await asyncio.sleep(0.05)
        first.send_signal(signal.SIGTERM)
        async with asyncio.timeout(TIMEOUT):
            _, first_log = await first.communicate()
        delivered_by_first = _delivered(standin, chats)
        after_first = await _outbox_counts(db_path)

        second = await _start_bot(standin, db_path, compiled_locales)
        async with asyncio.timeout(TIMEOUT):
            while (await _outbox_counts(db_path))["sent"] < RECIPIENTS:
                await asyncio.sleep(0.05)
        second.send_signal(signal.SIGTERM)
        _, second_log = await second.communicate()

    assert first.returncode == 0, first_log.decode()[-2000:]
    assert after_first["sending"] == 0  # nothing left claimed: what was not sent is pending
    assert after_first["sent"] == delivered_by_first  # every send that went out is recorded
    assert after_first["pending"] == RECIPIENTS - delivered_by_first > 0
    cut_off = [c for c in standin.calls if c.method == "sendMessage" and c.status == CLIENT_GONE]
    assert not cut_off  # no send was cut off
    assert [len(standin.user(c).messages) for c in chats] == [1] * RECIPIENTS  # no duplicate
    assert "in flight at the last stop" not in second_log.decode()
