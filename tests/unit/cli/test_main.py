"""`vidw-bot` on the terminal: summaries, errors that name the problem, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import SCHEDULE


def test_check_schedule_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-schedule", str(SCHEDULE)]) == 0
    out = capsys.readouterr().out
    assert "day 1 (2025-10-27)" in out
    assert "track 'Artificial Intelligence'" in out
    assert "featured: AIGOV" in out


def test_check_schedule_names_the_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(SCHEDULE.read_text("utf-8"))
    document["schedule"]["conference"]["days"][0]["rooms"]["Ninh Binh — Main Hall"][0]["id"] = "x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["check-schedule", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "OPEN" in err and "'id'" in err


def test_invalid_environment_stops_run_with_the_variables_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.setenv("VIDW_NOW", "half past eight")
    assert main(["run"]) == 2
    assert "VIDW_NOW" in capsys.readouterr().err


def test_export_writes_the_three_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VIDW_DB", str(tmp_path / "vidw.db"))
    assert main(["export", "--out", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["vidw2025-results.csv", "vidw2025-results.png", "vidw2025-results.xlsx"]
    assert "0 answers" in capsys.readouterr().out
    assert main(["export", "--out", str(tmp_path), "--format", "pdf"]) == 2


def test_backup_copies_the_database_and_says_what_it_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    live = tmp_path / "vidw.db"
    monkeypatch.setenv("VIDW_DB", str(live))
    assert main(["export", "--out", str(tmp_path / "out"), "--format", "csv"]) == 0  # creates it
    capsys.readouterr()
    assert main(["backup", "copy.db"]) == 0
    out = capsys.readouterr().out
    assert "100%" in out and "copy.db" in out and "pages of 4,096 bytes" in out
    assert "schema version" in out and " MB" in out and " s" in out

    assert main(["backup", "copy.db"]) == 2
    assert "copy.db exists; pass --force to replace it" in capsys.readouterr().err
    assert main(["backup", "copy.db", "--force"]) == 0


def test_backup_of_a_missing_database_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VIDW_DB", str(tmp_path / "nowhere.db"))
    assert main(["backup", "copy.db"]) == 2
    assert "no database at" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_zalo_webhook_needs_a_secret(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ZALO_BOT_TOKEN", "zalo-token")
    monkeypatch.setenv("ZALO_WEBHOOK_URL", "https://bot.example.org/zalo")
    monkeypatch.setenv("ZALO_WEBHOOK_SECRET", "short")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "ZALO_WEBHOOK_SECRET" in err and "short" not in err


def test_check_schedule_lists_deviations_and_strict_refuses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(SCHEDULE.read_text("utf-8"))
    document["schedule"]["conference"]["acronym"] = "VIDW2025"
    document["timestamp"] = "2025-10-20T09:00:00+07:00"
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(document), encoding="utf-8")
    assert main(["check-schedule", str(odd)]) == 0
    out = capsys.readouterr().out
    assert "featured: AIGOV" in out
    assert "2 warnings (2 kinds)" in out
    assert "conference.acronym: does not match the pattern" in out
    assert "'VIDW2025' does not match" in out
    assert main(["check-schedule", "--strict", str(odd)]) == 2
    assert "timestamp" in capsys.readouterr().err
    assert main(["check-schedule", "--strict", str(SCHEDULE)]) == 0
    assert "valid against the published schema" in capsys.readouterr().out


def test_schedule_template_then_check_schedule_reads_the_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "programme.xlsx"
    assert main(["schedule-template", str(sheet), "--from", str(SCHEDULE)]) == 0
    assert "import-schedule" in capsys.readouterr().out
    assert main(["check-schedule", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "read as spreadsheet" in out and "featured: AIGOV" in out
    empty = tmp_path / "empty.xlsx"
    assert main(["schedule-template", str(empty)]) == 0
    assert main(["check-schedule", str(empty)]) == 2
    assert "sheet 'Sessions': no sessions" in capsys.readouterr().err
