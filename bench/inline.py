"""Inline mode: how long `@bot <query>` takes to answer over a 1,000-session programme
(goal: p99 ≤ 50 ms).

- bot side: what the bot computes per query — offers() (the programme's search, one page,
  each card's text) and the Telegram articles built and serialized as PTB posts them;
  in-process, the queries of bench/search.py (words of titles and abstracts as delegates type
  them, names, themes, typos), nothing typed (now and next) and short codes.
- over the stand-in: the real bot (PTB Application, SQLite, catalogs) long-polling the
  Telegram stand-in over loopback HTTP with a synthetic 1,000-event frab export; a user types
  the query and waits for answerInlineQuery (update delivery and the HTTP round trips
  included), one query at a time.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bench.programme import WORDS, synthetic_frab
from bench.search import random_queries, synthetic_programme
from bench.stats import percentile
from bot.config import Settings
from bot.features.sharing.offers import offers
from bot.i18n import LANGUAGES, Catalogs
from bot.programme.codes import codes_of
from bot.programme.loader import load_schedule
from bot.programme.model import Schedule
from bot.programme.search import index_of
from bot.ui.view import View
from channels.telegram.app import build_application
from channels.telegram.inline import article
from channels.telegram.runner import running
from standin.telegram import Limits, StandIn

GOAL_P99_MS = 50.0
LINK = "https://t.me/vidw_bot?start="


def _queries(schedule: Schedule, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Typed queries, a tenth nothing typed, a twentieth a short code."""
    typed = random_queries(schedule, count, rng)
    codes = codes_of(schedule)
    for i in range(0, len(typed), 10):
        typed[i] = (typed[i][0], "")
    for i in range(5, len(typed), 20):
        typed[i] = (typed[i][0], codes.code(rng.choice(schedule.sessions)))
    return typed


def bot_side(catalogs: Catalogs, schedule: Schedule, queries: list[tuple[str, str]]) -> str:
    now = schedule.sessions[len(schedule.sessions) // 3].start  # mid-programme
    views = {lang: View(catalogs[lang], schedule, now) for lang in LANGUAGES}
    index_of(schedule)
    codes_of(schedule)  # built once per programme, at its first query
    wall, cpu, counts = [], [], []
    for lang, query in queries:
        started, started_cpu = time.perf_counter(), time.thread_time()
        found = offers(views[lang], query)
        body = json.dumps([article(o, LINK).to_dict() for o in found.offers])
        cpu.append(time.thread_time() - started_cpu)
        wall.append(time.perf_counter() - started)
        counts.append(len(found.offers))
        assert len(body) < 1_000_000
    return _line("bot side", wall, cpu) + f", {sum(counts) / len(counts):.1f} cards per answer"


async def over_standin(folder: Path, queries: list[tuple[str, str]], events: int) -> str:
    programme = folder / "programme.json"
    programme.write_text(json.dumps(synthetic_frab(events)), encoding="utf-8")
    defaults = Settings.from_env({}, dotenv=None)
    async with StandIn(limits=Limits(enforce=False), record_calls=False) as standin:
        app = build_application(
            Settings(
                token=standin.token,
                base_url=standin.base_url,
                db_path=folder / "bench.db",
                schedule_path=programme,
                locales_dir=defaults.locales_dir,
            )
        )
        async with running(app, poll_timeout=1):
            users = {
                lang: standin.user(20_000 + i, language_code=lang)
                for i, lang in enumerate(("vi", "en", "fr"))
            }
            await users["en"].ask_inline(WORDS[0])  # warm-up: the index is built here
            wall = []
            for lang, query in queries:
                started = time.perf_counter()
                await users[lang].ask_inline(query)
                wall.append(time.perf_counter() - started)
    return _line("stand-in", wall, None) + " (round trip: update, answer, HTTP)"


def _line(name: str, wall: list[float], cpu: list[float] | None) -> str:
    p50, p99 = percentile(wall, 50) * 1000, percentile(wall, 99) * 1000
    text = (
        f"{name:<9} {len(wall):5} queries: p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
        f"max {max(wall) * 1000:.2f} ms"
    )
    if cpu is not None:
        text += f" (CPU p99 {percentile(cpu, 99) * 1000:.2f} ms)"
    return text


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench inline")
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--no-standin", action="store_true", help="the bot side only")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    settings = Settings.from_env({}, dotenv=None)
    catalogs = Catalogs.load(settings.locales_dir)
    schedule = synthetic_programme(load_schedule(settings.schedule_path), args.sessions, rng)
    queries = _queries(schedule, args.queries, rng)
    print(f"[inline] answering @bot <query> over {len(schedule.sessions)} sessions, 3 languages")
    line = bot_side(catalogs, schedule, queries)
    print(line)
    p99 = float(line.split("p99 ")[1].split(" ms")[0])
    verdict = "met" if p99 <= GOAL_P99_MS else "NOT met (is the machine busy? see CPU p99)"
    print(f"goal p99 <= {GOAL_P99_MS:.0f} ms (bot side): {verdict}")
    if not args.no_standin:
        words = [(lang, " ".join(rng.sample(WORDS, rng.randint(1, 3)))) for lang, _ in queries]
        for i in range(0, len(words), 10):
            words[i] = (words[i][0], "")
        with tempfile.TemporaryDirectory(prefix="vidw-bench-inline-") as scratch:
            print(await over_standin(Path(scratch), words, args.sessions))
