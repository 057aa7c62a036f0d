"""bench matching: 1,000 opted-in profiles; suggestions timed; 500 meeting requests answered
(accepted) at once, crowded into three slots, and every booking checked afterwards.

The real bot (stand-in Telegram, SQLite file), the clock at 10:00 on day 1; profiles draw
themes and interests at random. Suggestions are timed for --probes random participants (the
whole ranking, as /matching shows its first page). Then --requests requests go from distinct
guests to 100 hosts, in BM1's first three slots, and all are accepted concurrently: the
database (a primary key per person+slot and per table+slot, one transaction per acceptance)
decides which land; the rest are refused (person booked, or no table free). Figures: p50/p99
of suggestions; accepted, refused; double bookings found by a query over every confirmed
meeting (must be 0).

python -m bench matching [--profiles 1000] [--requests 500] [--probes 300]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from bench.stats import summary_ms
from bot.config import Settings
from bot.deps import Deps
from bot.features.matching.interests import CODES
from bot.features.matching.rules import Refusal, all_slots
from bot.storage.matching import Profile
from channels.telegram.app import build_application
from channels.telegram.runner import running
from standin.telegram import Limits, StandIn

START = datetime.fromisoformat("2025-10-27T10:00:00+07:00")
FIRST_USER = 60_000
HOSTS = 100


async def _profiles(deps: Deps, count: int) -> list[Profile]:
    rng = random.Random(22)
    slugs = [t.slug for t in deps.programme.schedule.tracks]
    now = deps.navigator.clock.now()
    await deps.storage.users.register_many(
        [(FIRST_USER + n, ("vi", "en", "fr")[n % 3]) for n in range(count)], now
    )
    made = [
        Profile(
            0,
            FIRST_USER + n,
            f"Company {n}",
            "CEO",
            rng.choice(("Viet Nam", "France", "Japan", "Korea")),
            frozenset(rng.sample(slugs, rng.randint(1, 3))),
            frozenset(rng.sample(CODES, rng.randint(1, 3))),
            frozenset(rng.sample(CODES, rng.randint(1, 3))),
            "",
            True,
        )
        for n in range(count)
    ]
    await deps.storage.matching.add_profiles(made, now)
    return await deps.storage.matching.visible_profiles()


async def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench matching")
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--probes", type=int, default=300)
    args = parser.parse_args(argv)
    print(f"bench matching: {args.profiles} profiles, {args.requests} requests accepted at once")
    with tempfile.TemporaryDirectory(prefix="vidw-bench-matching-") as scratch:
        async with StandIn(limits=Limits(enforce=False)) as telegram:
            settings = replace(
                Settings.from_env({}, dotenv=None),
                token=telegram.token,
                base_url=telegram.base_url,
                db_path=Path(scratch) / "vidw.db",
                health_listen=None,
                console_listen=None,
                rehearsal_start=START,
            )
            app = build_application(settings)
            async with running(app, poll_timeout=1):
                await telegram.until_polling()
                for n in range(args.profiles):  # their chats: the answers are delivered
                    telegram.user(FIRST_USER + n, language_code="en")
                await _measure(app.bot_data.deps, args)


async def _measure(deps: Deps, args: argparse.Namespace) -> None:
    profiles = await _profiles(deps, args.profiles)
    rng = random.Random(7)
    samples = []
    for profile in rng.choices(profiles, k=args.probes):
        started = time.perf_counter()
        found = await deps.matching.suggestions(profile.user_id)
        samples.append(time.perf_counter() - started)
        assert found is not None and all(p.user_id != profile.user_id for p, _ in found)
    print(f"  suggestions among {len(profiles)} profiles: {summary_ms(samples)}")

    hosts, guests = profiles[:HOSTS], profiles[HOSTS:]
    slots = all_slots(deps.programme.schedule)[:3]
    ids = []
    for n in range(min(args.requests, len(guests))):
        host = hosts[n % len(hosts)]
        sent = await deps.matching.send(guests[n].user_id, host.id, slots[n % 3], "")
        assert not isinstance(sent, Refusal), sent
        ids.append((sent.id, host.user_id))

    started = time.perf_counter()
    outcomes = await asyncio.gather(*(deps.matching.accept(by, rid) for rid, by in ids))
    seconds = time.perf_counter() - started
    accepted = sum(1 for o in outcomes if not isinstance(o, Refusal))
    person = sum(1 for o in outcomes if o is Refusal.PERSON_BOOKED)
    table = sum(1 for o in outcomes if o is Refusal.NO_TABLE)
    violations = await deps.storage.matching.double_bookings()
    print(
        f"  {len(ids)} acceptances at once in {seconds:.2f} s: {accepted} confirmed, "
        f"{person} refused (person booked), {table} refused (no table free), "
        f"{len(deps.matching.tables)} tables × 3 slots"
    )
    print(f"  double bookings (person or table in one slot): {violations}")
