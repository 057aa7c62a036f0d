"""Reading a programme: time and peak memory for the VIDW file, a synthetic frab export of
1,000 events and the spreadsheet of the same programme (goal: 1,000 events in ≤ 1 s and
≤ 100 MB).

`load` is what the bot does at start and on each new version (the tolerant reading);
`check` is `vidw-bot check-schedule` (the same, plus every deviation from the published
schema listed); the spreadsheet is `import-schedule FILE.xlsx` reading it."""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.stats import reset_peak_rss
from bot.config import Settings
from bot.programme.loader import load_schedule, read_programme
from bot.programme.readers.template import write_template

WORDS = [
    "digital",
    "infrastructure",
    "policy",
    "network",
    "skills",
    "data",
    "cloud",
    "security",
    "open",
    "standards",
    "governance",
    "artificial",
    "intelligence",
    "platform",
    "citizens",
    "services",
    "public",
    "private",
    "partnership",
    "innovation",
    "research",
    "startups",
    "regulation",
    "ethics",
    "sovereignty",
    "connectivity",
]


def _text(seed: int, count: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(count)).capitalize()


def synthetic_frab(events: int, rooms: int = 10, days: int = 5) -> dict[str, Any]:
    """A frab-style export (v1) of `events` talks, ~3.5 KB each as in real pretalx exports."""
    zone = "+02:00"
    first = datetime.fromisoformat(f"2026-06-01T09:00:00{zone}")
    per_day = max(1, -(-events // days))
    per_room = max(1, -(-per_day // rooms))
    schedule_days = []
    number = 0
    for day in range(days):
        date = first + timedelta(days=day)
        by_room: dict[str, list[dict[str, Any]]] = {}
        for room in range(rooms):
            talks = by_room.setdefault(f"Room {room + 1}", [])
            for slot in range(per_room):
                if number >= events:
                    break
                number += 1
                start = date + timedelta(minutes=40 * slot)
                talks.append(_event(number, start, f"Room {room + 1}", room))
        schedule_days.append(
            {
                "index": day + 1,
                "date": date.date().isoformat(),
                "day_start": date.replace(hour=4).isoformat(),
                "day_end": (date + timedelta(days=1)).replace(hour=3, minute=59).isoformat(),
                "rooms": by_room,
            }
        )
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "bench", "version": "1"},
        "schedule": {
            "version": "bench-1",
            "base_url": "https://frab.example.org/bench/",
            "conference": {
                "acronym": "bench2026",
                "title": "Benchmark Conference 2026",
                "start": schedule_days[0]["date"],
                "end": schedule_days[-1]["date"],
                "daysCount": days,
                "timeslot_duration": "00:10",
                "time_zone_name": "Europe/Berlin",
                "tracks": [{"name": f"Track {t}", "slug": f"track-{t}"} for t in range(8)],
                "rooms": [
                    {"name": f"Room {r + 1}", "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"r{r}"))}
                    for r in range(rooms)
                ],
                "days": schedule_days,
            },
        },
    }


def _event(number: int, start: datetime, room: str, track: int) -> dict[str, Any]:
    return {
        "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-{number}")),
        "id": number,
        "code": f"B{number:05d}",
        "logo": "",
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": "00:30",
        "room": room,
        "slug": f"bench2026-{number}-talk",
        "url": f"https://frab.example.org/bench/talk/{number}/",
        "title": _text(number, 6),
        "subtitle": "",
        "track": f"Track {track % 8}",
        "type": "Talk",
        "language": "en",
        "abstract": _text(number, 60),
        "description": _text(number + 1, 150),
        "recording_license": "",
        "do_not_record": False,
        "persons": [
            {
                "id": number * 2 + p,
                "public_name": f"Speaker {number}-{p}",
                "biography": _text(p, 60),
            }
            for p in range(2)
        ],
        "links": [{"url": f"https://example.org/{number}", "title": "Slides"}],
        "attachments": [],
    }


def _vm(field: str) -> float:
    """A VmRSS/VmHWM figure of this process, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


KINDS: dict[str, Callable[[Path], object]] = {
    "load": load_schedule,  # the bot, at start and on each new version
    "check": read_programme,  # check-schedule / import-schedule: deviations listed too
}


def _measure_here(kind: str, path: Path) -> dict[str, float]:
    """In a fresh process: the time of one read, and how far memory rose for it."""
    gc.collect()
    reset_peak_rss()
    before = _vm("VmRSS")
    started, cpu = time.perf_counter(), time.process_time()
    KINDS[kind](path)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "peak": _vm("VmHWM") - before, "total": _vm("VmHWM")}


def measure(kind: str, path: Path, runs: int = 3) -> dict[str, float]:
    """Each figure from its own process: a read's peak memory is not hidden by an earlier
    read's (Python keeps the memory it once took). The fastest of `runs` (the machine is
    shared: the slower runs measure the neighbours), the highest peak."""
    samples = []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, "-m", "bench.programme", kind, str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        samples.append(json.loads(child.stdout))
    return {
        "seconds": min(s["seconds"] for s in samples),
        "cpu": min(s["cpu"] for s in samples),
        "peak": max(s["peak"] for s in samples),
        "total": max(s["total"] for s in samples),
    }


Row = tuple[str, int, int, dict[str, float], dict[str, float]]


def run(events: int, folder: Path, runs: int = 3) -> list[Row]:
    """(case, events, bytes, load figures, check figures) for each file."""
    vidw = Settings.from_env({}, dotenv=None).schedule_path
    frab = folder / "frab-synthetic.json"
    frab.write_text(json.dumps(synthetic_frab(events), ensure_ascii=False), "utf-8")
    sheet = folder / "frab-synthetic.xlsx"
    write_template(sheet, json.loads(frab.read_text("utf-8")))
    rows: list[Row] = []
    for name, path in (("VIDW schedule.json", vidw), ("frab export, synthetic", frab)):
        count = len(load_schedule(path).sessions)
        rows.append(
            (
                name,
                count,
                path.stat().st_size,
                measure("load", path, runs),
                measure("check", path, runs),
            )
        )
    count = len(read_programme(sheet).schedule.sessions)
    figures = measure("check", sheet, runs)
    rows.append(("the same as .xlsx", count, sheet.stat().st_size, figures, figures))
    return rows


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench programme")
    parser.add_argument("--events", type=int, default=1000)
    events = parser.parse_args(argv).events
    with tempfile.TemporaryDirectory(prefix="vidw-bench-") as scratch:
        rows = run(events, Path(scratch))
    print(f"[programme] reading a programme (goal: {events:,} events in ≤ 1 s, ≤ 100 MB)")
    print(
        "  time: the fastest of 3 runs, wall (CPU); memory: what the read added (the whole "
        "process's peak)"
    )
    print(f"  {'file':<24} {'events':>6} {'size':>8}   {'load':>30}   {'check / import':>30}")
    for name, count, size, load, check in rows:
        print(
            f"  {name:<24} {count:>6} {size / 1e6:>5.2f} MB   {_figures(load)}   {_figures(check)}"
        )


def _figures(figures: dict[str, float]) -> str:
    return (
        f"{figures['seconds']:5.2f} s ({figures['cpu']:4.2f}) "
        f"+{figures['peak']:3.0f} MB ({figures['total']:3.0f} MB)"
    )


if __name__ == "__main__":  # one measurement, in a process of its own (see `measure`)
    print(json.dumps(_measure_here(sys.argv[1], Path(sys.argv[2]))))
