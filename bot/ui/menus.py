"""Screens around the programme: language choice, help, and the short answers to mistakes."""

from __future__ import annotations

from html import escape

from bot.i18n import LANGUAGES, N_
from bot.ui import actions
from bot.ui.model import Button, Screen
from bot.ui.view import View, bold, italic

# Each language is named in itself, so anyone can find their own.
LANGUAGE_NAMES = {"vi": "🇻🇳 Tiếng Việt", "en": "🇬🇧 English", "fr": "🇫🇷 Français"}

# The command menu (set per language with set_my_commands) and the /help list share these.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", N_("Welcome and main menu")),
    ("schedule", N_("The programme by theme")),
    ("now", N_("What is on now and next")),
    ("days", N_("The programme day by day")),
    ("search", N_("Search sessions, speakers and rooms")),
    ("agenda", N_("My agenda: the sessions I follow")),
    ("reminders", N_("Reminder settings")),
    ("feedback", N_("Rate a session")),
    ("language", N_("Change the language")),
    ("privacy", N_("Your data: what I keep, and how to delete it")),
    ("help", N_("How to use this bot")),
)

# Added to the menu of staff and organizers only (in their own chat's menu).
STAFF_COMMANDS: tuple[tuple[str, str], ...] = (
    ("stats", N_("Live figures")),
    ("export", N_("Poll results as files")),
)
ORGANIZER_COMMANDS: tuple[tuple[str, str], ...] = (
    ("broadcast", N_("Send an announcement")),
    ("broadcasts", N_("Past announcements")),
    ("survey", N_("Send the event survey")),
    ("reload", N_("Apply the schedule file now")),
    ("staff", N_("Grant or revoke staff access")),
)

MAX_QUERY_CHARS = 100


def language_picker(view: View) -> Screen:
    _ = view._
    rows = tuple(
        (Button(LANGUAGE_NAMES[code], actions.language(code).encode()),) for code in LANGUAGES
    )
    text = (
        _("Choose your language:")
        + "\n"
        + italic("Chọn ngôn ngữ · Choose your language · Choisissez votre langue")
    )
    return Screen(text, (*rows, (Button(_("‹ Main menu"), actions.HOME),)))


def language_changed(view: View) -> str:
    return view._("Done: I will now speak English with you.")


def help_screen(view: View) -> Screen:
    _ = view._
    schedule = view.schedule
    lines = [bold(_("How to use this bot")), "", *_command_lines(view)]
    lines += [
        "",
        _("You can also type any words to search the programme, e.g. “5G” or “AI governance”."),
        "",
        _("Programme version: %(version)s") % {"version": escape(schedule.version)},
        _("All times are local time in Viet Nam (%(zone)s).")
        % {"zone": escape(str(schedule.zone))},
    ]
    note = schedule.notes.get(view.t.lang)
    if note:
        lines.append(italic(note))
    return Screen("\n".join(lines), ((Button(_("‹ Main menu"), actions.HOME),),))


def unknown_command(view: View, command: str) -> Screen:
    _ = view._
    text = _("I don't know the command %(command)s. Here is what I can do:") % {
        "command": escape(command[:40])
    }
    body = "\n".join([text, "", *_command_lines(view)])
    return Screen(body, ((Button(_("‹ Main menu"), actions.HOME),),))


def _command_lines(view: View) -> list[str]:
    return [f"/{name} — {escape(view._(description))}" for name, description in COMMANDS]


def query_too_long(view: View) -> str:
    return view._("That is too long to search: please use at most %(count)d characters.") % {
        "count": MAX_QUERY_CHARS
    }


def session_not_found(view: View, key: str) -> str:
    return view._("There is no session with the code %(code)s in the programme.") % {
        "code": escape(key[:20])
    }


def expired_button(view: View) -> str:
    return view._("This button is no longer valid. Here is the main menu.")


def text_only(view: View) -> Screen:
    _ = view._
    text = _("I can only read text. Type a few words to search the programme, or use the menu.")
    return Screen(text, ((Button(_("‹ Main menu"), actions.HOME),),))


def slow_down(view: View) -> str:
    """Short enough for a button's pop-up notice (Telegram shows up to 200 characters)."""
    return view._(
        "You are sending faster than I can answer, so I skipped some of it. "
        "Please wait for my answer before sending more."
    )


def something_went_wrong(view: View) -> str:
    return view._("Sorry, something went wrong on my side. Please try again in a moment.")


# -- channels without buttons or files (Zalo) ------------------------------------------------


def pick_a_number(view: View, count: int) -> str:
    return view._("Please reply with a number from 1 to %(count)d.") % {"count": count}


def pick_an_answer(view: View) -> str:
    return view._("Please reply with the number of an answer shown above.")


def answer_saved(view: View) -> str:
    return view._("Thank you, your answer is saved.")


def telegram_only(view: View) -> Screen:
    _ = view._
    text = _(
        "This needs buttons or files, which this messenger cannot show: please use the "
        "event's Telegram bot, or the vidw-bot command line."
    )
    return Screen(text, ((Button(_("‹ Main menu"), actions.HOME),),))


def no_files(view: View, caption: str) -> str:
    return view._("%(file)s — this messenger cannot receive files; the Telegram bot can.") % {
        "file": caption
    }
