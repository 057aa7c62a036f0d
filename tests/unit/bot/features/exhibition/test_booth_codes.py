"""`vidw-bot booth-codes`: a QR code per exhibitor that reads back as its t.me link, and the
PDF sheet of them all, six to a page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from bot.config import PROJECT_ROOT
from bot.features.exhibition.booth_codes import PER_PAGE
from bot.features.exhibition.loader import load_catalogue
from cli.main import main

BOOTHS = [e.booth for e in load_catalogue(PROJECT_ROOT / "data" / "exhibitors.json").exhibitors]


def test_a_png_per_exhibitor_that_decodes_to_its_link_and_one_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "codes"
    assert main(["booth-codes", "--out", str(out), "--bot", "@vidw2025_bot", "--lang", "vi"]) == 0
    assert sorted(p.name for p in out.glob("*.png")) == sorted(f"{b}.png" for b in BOOTHS)
    for booth in ("A1", "B12", "D4"):
        image = Image.open(out / f"{booth}.png")
        assert image.size[0] == image.size[1] >= 250  # scale 10, quiet zone included
        (code,) = zxingcpp.read_barcodes(image)
        assert code.text == f"https://t.me/vidw2025_bot?start=x_{booth}"
    sheet = (out / "booth-codes.pdf").read_bytes()
    assert sheet.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", sheet))
    assert pages == -(-len(BOOTHS) // PER_PAGE) == 4
    assert "20 QR codes" in capsys.readouterr().out


def test_a_bot_username_no_link_can_carry_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["booth-codes", "--out", str(tmp_path), "--bot", "t.me/x"]) == 2
    assert "the bot's Telegram username" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.png"))
