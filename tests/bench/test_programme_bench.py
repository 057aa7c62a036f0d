"""bench programme on a small file: every case is read in its own process and measured."""

from __future__ import annotations

import json
from pathlib import Path

from bench.programme import run, synthetic_frab
from bot.programme.loader import parse_schedule, read_programme
from bot.programme.readers.template import write_template


def test_the_synthetic_export_is_a_valid_frab_file(tmp_path: Path) -> None:
    document = synthetic_frab(120)
    assert len(parse_schedule(document).sessions) == 120
    export = tmp_path / "synthetic.json"
    export.write_text(json.dumps(document), "utf-8")
    assert read_programme(export, strict=True).deviations == ()  # as valid as pretalx's own
    sheet = tmp_path / "synthetic.xlsx"
    write_template(sheet, document)
    assert len(read_programme(sheet).schedule.sessions) == 120


def test_every_case_is_measured(tmp_path: Path) -> None:
    rows = run(40, tmp_path, runs=1)
    assert [(name, count) for name, count, *_ in rows] == [
        ("VIDW schedule.json", 35),
        ("frab export, synthetic", 40),
        ("the same as .xlsx", 40),
    ]
    for _, _, size, load, check in rows:
        assert size > 0
        assert load["seconds"] > 0 and check["seconds"] > 0 and check["total"] > 0
