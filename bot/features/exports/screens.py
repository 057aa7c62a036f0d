"""What comes with the staff's files."""

from __future__ import annotations

from bot.ui.view import View


def export_caption(view: View, answers: int, comments: int) -> str:
    return view._("Poll results — answers: %(answers)d, comments: %(comments)d.") % {
        "answers": answers,
        "comments": comments,
    }
