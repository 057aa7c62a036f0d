"""What every feature and channel shares to say: the command list, the short answers to
mistakes, and the notices of channels without buttons."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.ui.actions import Go
from bot.ui.model import Button, Screen
from bot.ui.routes import Command
from bot.ui.view import View

# Each language is named in itself, so anyone can find their own.
LANGUAGE_NAMES = {"vi": "🇻🇳 Tiếng Việt", "en": "🇬🇧 English", "fr": "🇫🇷 Français"}


def language_count(view: View, language: str, count: int) -> str:
    """'🇫🇷 Français: 12', with the reader's typography ('Français : 12' in French)."""
    return view._("%(language)s: %(count)d") % {
        "language": LANGUAGE_NAMES[language],
        "count": count,
    }


def command_lines(view: View, commands: Sequence[Command]) -> list[str]:
    """'/schedule — The programme by theme', one per listed command."""
    return [
        f"/{command.name} — {escape(view._(command.description))}"
        for command in commands
        if command.description is not None
    ]


def unknown_command(view: View, command: str, commands: Sequence[Command]) -> Screen:
    _ = view._
    text = _("I don't know the command %(command)s. Here is what I can do:") % {
        "command": escape(command[:40])
    }
    body = "\n".join([text, "", *command_lines(view, commands)])
    return Screen(body, (main_menu_row(view),))


def main_menu_row(view: View) -> tuple[Button, ...]:
    return (Button(view._("‹ Main menu"), Go.HOME),)


def expired_button(view: View) -> str:
    if not view.channel.buttons:
        return view._("This choice is no longer valid. Here is the main menu.")
    return view._("This button is no longer valid. Here is the main menu.")


def unknown_link(view: View) -> str:
    """A t.me link whose start code no button or card of the bot gives out."""
    return view._("This link does not open anything in the bot. Here is the main menu.")


def text_only(view: View) -> Screen:
    _ = view._
    text = _("I can only read text. Type a few words to search the programme, or use the menu.")
    return Screen(text, (main_menu_row(view),))


def slow_down(view: View) -> str:
    """Short enough for a button's pop-up notice (Telegram shows up to 200 characters)."""
    return view._(
        "You are sending faster than I can answer, so I skipped some of it. "
        "Please wait for my answer before sending more."
    )


def something_went_wrong(view: View) -> str:
    return view._("Sorry, something went wrong on my side. Please try again in a moment.")


def not_on_this_channel(view: View) -> Screen:
    """A command this messenger cannot carry (buttons, previews, files)."""
    _ = view._
    text = _(
        "This needs buttons or files, which this messenger cannot show: please use the "
        "event's Telegram bot, or the vidw-bot command line."
    )
    return Screen(text, (main_menu_row(view),))


# -- channels without buttons (Zalo) ----------------------------------------------------------


def pick_a_number(view: View, count: int) -> str:
    return view._("Please reply with a number from 1 to %(count)d.") % {"count": count}


def pick_an_answer(view: View) -> str:
    return view._("Please reply with the number of an answer shown above.")


def answer_saved(view: View) -> str:
    return view._("Thank you, your answer is saved.")
