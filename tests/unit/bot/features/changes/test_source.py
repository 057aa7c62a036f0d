"""The programme at a URL: downloaded into a local copy with conditional requests, within
size and time limits; a failed download keeps the copy (the last good programme)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.features.changes.source import (
    SourceUnavailable,
    UrlSource,
    programme_to_start_with,
    shown,
)
from tests.conftest import democon_path
from tests.programme_server import ProgrammeServer, serving

DEMOCON = democon_path().read_bytes()


def source(server: ProgrammeServer, copy: Path, **limits: float) -> UrlSource:
    timeout = limits.get("timeout", 5.0)
    max_bytes = int(limits.get("max_bytes", 1_000_000))
    return UrlSource(server.url, copy, timeout=timeout, max_bytes=max_bytes)


async def test_an_unchanged_export_is_not_downloaded_again(tmp_path: Path) -> None:
    copy = tmp_path / "schedule.from-url.json"
    with serving(DEMOCON) as server:
        first = source(server, copy)
        assert await first.read() == DEMOCON.decode()
        assert await first.read() == DEMOCON.decode()
        restarted = source(server, copy)  # a restart: the validators were kept with the copy
        await restarted.read()
        server.published.publish(DEMOCON.replace(b"DemoCon", b"DemoCon 2"))
        changed = await first.read()
        answers, conditional = server.published.answers, server.published.conditional
    assert answers == [200, 304, 304, 200]
    assert conditional == 3
    assert first.downloads == 2 and restarted.downloads == 0
    assert '"title": "DemoCon 2"' in changed
    assert copy.read_text("utf-8") == changed


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ({"status": 500}, "HTTP 500"),
        ({"delay": 2.0}, "no complete answer within 0.5 s"),
        ({"max_bytes": 1000}, "more than 1,000 bytes"),
    ],
)
async def test_a_failed_download_keeps_the_copy(
    tmp_path: Path, fault: dict[str, float], message: str
) -> None:
    copy = tmp_path / "schedule.from-url.json"
    copy.write_bytes(b'{"the": "last good programme"}')
    with serving(DEMOCON) as server:
        server.published.status = int(fault.get("status", 200))
        server.published.delay = fault.get("delay", 0.0)
        limits = {"timeout": 0.5, "max_bytes": fault.get("max_bytes", 1_000_000)}
        with pytest.raises(SourceUnavailable, match=message) as caught:
            await source(server, copy, **limits).read()
    assert str(caught.value).startswith(f"{server.url}: cannot fetch the programme")
    assert copy.read_bytes() == b'{"the": "last good programme"}'


def test_the_url_shown_has_no_credentials_or_token() -> None:
    url = "https://user:pw@pretalx.example.org:8443/conf/schedule/export/schedule.json?token=s3"
    assert shown(url) == "https://pretalx.example.org:8443/conf/schedule/export/schedule.json"


def test_at_start_the_programme_is_downloaded_or_the_last_copy_is_used(tmp_path: Path) -> None:
    copy = tmp_path / "schedule.from-url.json"
    with serving(DEMOCON) as server:
        settings = Settings(
            db_path=tmp_path / "vidw.db",
            schedule_path=copy,
            schedule_url=server.url,
            schedule_fetch_timeout=2.0,
        )
        assert programme_to_start_with(settings).title == "DemoCon"
        server.published.status = 503
        assert programme_to_start_with(settings).title == "DemoCon"  # the copy
        copy.unlink()
        with pytest.raises(SourceUnavailable, match="HTTP 503"):
            programme_to_start_with(settings)  # nothing at all: the bot does not start
