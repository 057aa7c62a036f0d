"""The navigator over the real route table: it dispatches, checks roles on every privileged
command and button, and answers what no route takes."""

from __future__ import annotations

import pytest

from bot.channels import CHANNEL_BASE
from bot.deps import Deps
from bot.ui.actions import data_of, verb_of
from bot.ui.routes import TELEGRAM_ONLY, Who
from tests.unit.bot.ui.examples import EXAMPLES
from tests.unit.conftest import ORGANIZER, STAFF

ATTENDEE = 5150
ZALO_USER = CHANNEL_BASE + 7
EXPIRED = "This button is no longer valid. Here is the main menu."
ORGANIZERS_ONLY = "Sorry, this is only for the organizers of the event."
STAFF_ONLY = "Sorry, this is only for the event's staff and organizers."
REFUSALS = {Who.ORGANIZERS: ORGANIZERS_ONLY, Who.STAFF: STAFF_ONLY}


@pytest.mark.parametrize(
    "data",
    [None, "", "delete_everything", "x" * 65, "t:99:0", "s:NOPE", "L:de", "~home", "home:1"],
)
async def test_stale_or_forged_taps_get_the_main_menu_and_a_notice(
    core: Deps, data: str | None
) -> None:
    navigator = core.navigator
    person = await navigator.meet(ATTENDEE, "en")
    answer = await navigator.tap(person, "Ana", data)
    assert answer.notice == EXPIRED
    assert answer.screen is not None and "Hello Ana! Welcome to" in answer.screen.text


async def test_every_privileged_button_is_refused_before_its_data_is_read(core: Deps) -> None:
    navigator = core.navigator
    privileged = {r.verb: r.who for r in navigator.routes.buttons if r.who is not Who.EVERYONE}
    examples = [a for a in EXAMPLES if verb_of(a) in privileged]
    assert {verb_of(a) for a in examples} == set(privileged)  # each privileged route is tried
    attendee = await navigator.meet(ATTENDEE, "en")
    staff = await navigator.meet(STAFF, "en")
    for action in examples:
        data, who = data_of(action), privileged[verb_of(action)]
        for forged in (data, data + ":~anything"):
            answer = await navigator.tap(attendee, "Ana", forged)
            assert answer.screen is not None and answer.screen.text == REFUSALS[who], forged
        answer = await navigator.tap(staff, "Sam", data)
        assert answer.screen is not None
        assert (answer.screen.text == ORGANIZERS_ONLY) is (who is Who.ORGANIZERS), data
    assert await core.storage.broadcasts.recent() == []  # nothing was created
    queued = await core.storage.db.one("SELECT count(*) FROM outbox")
    assert queued is not None and tuple(queued) == (0,)  # nor queued


async def test_every_privileged_command_is_refused_and_telegram_ones_stay_on_telegram(
    core: Deps,
) -> None:
    navigator = core.navigator
    privileged = [c for c in navigator.routes.commands if c.who is not Who.EVERYONE]
    assert {c.name for c in privileged} == {
        *("stats", "export", "broadcast", "broadcasts", "survey", "reload", "staff", "health"),
        "exhibitor_staff",
    }
    attendee = await navigator.meet(ATTENDEE, "en")
    on_zalo = await navigator.meet(ZALO_USER, "en")
    for command in privileged:
        answer = await navigator.command(attendee, "Ana", command.name, ["add", "1"])
        assert answer.screen is not None and answer.screen.text == REFUSALS[command.who]
        elsewhere = await navigator.command(on_zalo, "Minh", command.name)
        assert elsewhere.screen is not None
        expected = "Telegram" if command.channels == TELEGRAM_ONLY else REFUSALS[command.who]
        assert expected in elsewhere.screen.text


async def test_organizers_pass_the_check(core: Deps) -> None:
    navigator = core.navigator
    organizer = await navigator.meet(ORGANIZER, "en")
    audiences = await navigator.tap(organizer, "Olga", "bc")
    assert audiences.screen is not None and "Who should receive it?" in audiences.screen.text
    assert (await navigator.command(organizer, "Olga", "stats")).screen is not None


async def test_an_unknown_command_gets_the_list_of_commands(core: Deps) -> None:
    navigator = core.navigator
    person = await navigator.meet(ATTENDEE, "en")
    answer = await navigator.command(person, "Ana", "dance")
    assert answer.screen is not None
    assert "I don't know the command /dance" in answer.screen.text
    listed = [line.split(" ")[0] for line in answer.screen.text.splitlines()[2:]]
    assert listed == ["/" + c.name for c in navigator.routes.menu(Who.EVERYONE)]
    assert "/forget" not in listed and "/broadcast" not in listed


async def test_plain_words_and_typed_text(core: Deps) -> None:
    navigator = core.navigator
    person = await navigator.meet(ATTENDEE, "vi")
    programme = await navigator.text(person, "Lịch", first_name="An")
    assert programme.screen is not None and "Chương trình" in programme.screen.text
    found = await navigator.text(person, "roundtable", first_name="An")
    assert found.screen is not None and "roundtable" in found.screen.text.lower()
    assert await core.storage.users.last_query(ATTENDEE) == "roundtable"


async def test_a_new_language_answers_with_the_main_menu_in_it(core: Deps) -> None:
    navigator = core.navigator
    person = await navigator.meet(ATTENDEE, "en")
    answer = await navigator.tap(person, "Ana", "L:fr")
    french = navigator.catalogs["fr"]
    assert answer.notice == french.gettext("Done: I will now speak English with you.")
    assert answer.notice.startswith("C’est fait")
    assert answer.screen is not None and answer.screen.text.startswith("Bonjour Ana\u00a0!")
    profile = await core.storage.users.get(ATTENDEE)
    assert profile is not None and profile.language == "fr"


async def test_a_deep_link_opens_its_card_or_says_it_opens_nothing(core: Deps) -> None:
    navigator = core.navigator
    person = await navigator.meet(ATTENDEE, "en")
    card = await navigator.command(person, "Ana", "start", ["s_AIGOV"])
    assert card.screen is not None and "🔔 Follow and remind me" in card.screen.buttons()[0].label
    assert card.screen.buttons()[1].action == "home"  # Back: the main menu
    nothing = await navigator.command(person, "Ana", "start", ["s_NOPE"])
    assert nothing.screen is not None
    assert nothing.screen.text.startswith("There is no session with the code NOPE")
    assert "Hello Ana! Welcome to" in nothing.screen.text
    other = await navigator.command(person, "Ana", "start", ["campaign42"])
    assert other.screen is not None and other.screen.text.startswith("Hello Ana!")


async def test_the_page_counter_changes_nothing(core: Deps) -> None:
    navigator = core.navigator
    person = await navigator.meet(ATTENDEE, "en")
    answer = await navigator.tap(person, "Ana", "noop")
    assert answer.screen is None and answer.notice is None
