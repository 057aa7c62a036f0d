"""A live poll's form, read: every language filled in from the one given, Telegram's limits
checked, each problem on its field, and what was typed kept."""

from __future__ import annotations

from bot.features.live_polls.draft import Draft, read, values


def problems(form: dict[str, str]) -> dict[str, str]:
    found = read(form)
    assert isinstance(found, list), found
    return {p.field: p.message % dict(p.values) for p in found}


def test_a_text_given_in_one_language_serves_the_others() -> None:
    draft = read(
        {
            "question_en": "  Which   field first? ",
            "question_fr": "Quel domaine d’abord\u00a0?",
            "option1_vi": "Y tế",
            "option1_en": "Health",
            "option3_fr": "Agriculture",  # a gap in the numbers is closed
            "multiple": "1",
        }
    )
    assert draft == Draft(
        {
            "vi": "Which field first?",
            "en": "Which field first?",
            "fr": "Quel domaine d’abord\u00a0?",
        },
        (
            {"vi": "Y tế", "en": "Health", "fr": "Y tế"},
            {"vi": "Agriculture", "en": "Agriculture", "fr": "Agriculture"},
        ),
        True,
    )


def test_telegrams_limits_and_every_problem_at_once() -> None:
    found = problems({"question_vi": "Q" * 301, "option1_en": "A" * 100, "option2_fr": "B" * 101})
    assert found == {
        "question_vi": "The question (VI) has 301 characters; Telegram takes at most 300.",
        "option2_fr": "Option 2 (FR) has 101 characters; Telegram takes at most 100.",
    }
    assert problems({"option1_en": "Yes"}) == {
        "question": "Please write the question, in at least one language.",
        "options": "A poll needs at least 2 options; please write them.",
    }


def test_options_alike_are_told_once_in_the_language_typed() -> None:
    found = problems({"question_en": "Ready?", "option1_en": "Yes", "option2_en": " yes "})
    assert found == {"option2_en": "Options 1 and 2 read the same (EN)."}


def test_an_eleventh_option_or_a_forged_field_is_ignored() -> None:
    form = {"question_en": "Q?", **{f"option{n}_en": f"o{n}" for n in range(1, 12)}, "x": "y"}
    draft = read(form)
    assert isinstance(draft, Draft) and len(draft.options) == 10
    assert not draft.multiple


def test_what_was_typed_is_kept_to_show_again() -> None:
    kept = values({"question_en": "Q" * 400, "option7_fr": "Oui", "multiple": "1"})
    assert kept["question_en"] == "Q" * 400 and kept["option7_fr"] == "Oui"
    assert kept["multiple"] == "1" and kept["option1_vi"] == ""
