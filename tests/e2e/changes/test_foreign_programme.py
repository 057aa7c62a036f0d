"""Another event's programme: /help names its own place and zone, not Viet Nam; no featured
session and no survey file are needed (the VIDW survey is not sent to another event)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.clock import Clock
from bot.features.survey.service import NO_SURVEY
from standin.telegram import StandIn
from tests.conftest import SCHEDULE, at, democon_path
from tests.e2e.conftest import RunningBot

LANGS = ("vi", "en", "fr")


def german_programme(tmp_path: Path) -> Path:
    """The pretalx demo export, published by an event in Leipzig."""
    document = json.loads(democon_path().read_text("utf-8"))
    document["schedule"]["conference"]["time_zone_name"] = "Europe/Berlin"
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


async def test_help_names_the_programmes_own_country_and_zone(
    start_bot: RunningBot, standin: StandIn, tmp_path: Path, clock: Clock
) -> None:
    vi, en, fr = (standin.user(900 + i, language_code=lang) for i, lang in enumerate(LANGS))
    async with start_bot(schedule_path=german_programme(tmp_path)) as bot:
        helps = [await user.ask("/help") for user in (vi, en, fr)]
        home = await en.ask("/start")
        clock.set(at("2020-12-16T23:00:00+01:00"))  # after the last session
        surveyed = await bot.bot_data.deps.surveys.run()
        survey = bot.bot_data.deps.surveys.definition
    in_vi, in_en, in_fr = (h.text or "" for h in helps)
    assert "Mọi thời gian đều theo giờ Đức (Europe/Berlin)." in in_vi
    assert "All times are local time in Germany (Europe/Berlin)." in in_en
    assert "heure locale\u00a0: Allemagne (Europe/Berlin)." in in_fr
    assert "Viet Nam" not in in_en and "Việt Nam" not in in_vi
    assert "DemoCon" in (home.text or "")
    assert not any(label.startswith("⭐") for label in home.labels)  # no featured session
    assert survey is NO_SURVEY and surveyed == 0


async def test_a_zone_given_only_as_an_offset_is_named_as_the_events_time(
    start_bot: RunningBot, standin: StandIn
) -> None:
    user = standin.user(905, language_code="en")
    async with start_bot(schedule_path=democon_path()):
        text = (await user.ask("/help")).text or ""
    assert "All times are the event's local time (UTC+01:00)." in text


async def test_the_vidw_programme_still_says_viet_nam(
    start_bot: RunningBot, standin: StandIn
) -> None:
    vi, en = standin.user(906, language_code="vi"), standin.user(907, language_code="en")
    async with start_bot(schedule_path=SCHEDULE) as bot:
        in_vi, in_en = (await vi.ask("/help")).text or "", (await en.ask("/help")).text or ""
        survey = bot.bot_data.deps.surveys.definition
    assert "Mọi thời gian đều theo giờ Việt Nam (Asia/Ho_Chi_Minh)." in in_vi
    assert "All times are local time in Viet Nam (Asia/Ho_Chi_Minh)." in in_en
    assert survey.id == "vidw2025"
