"""Screens of the organizers' broadcast flow: audience, texts, preview, progress, report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from html import escape

from bot.features.broadcast.actions import (
    AudienceKind,
    Cancel,
    ChooseAudience,
    ChooseSession,
    ChooseTheme,
    Confirm,
    DefaultLanguage,
    LanguageVersion,
    Preview,
    SessionDay,
    Versions,
)
from bot.i18n import LANGUAGES, N_
from bot.programme.model import Session
from bot.storage.broadcasts import Broadcast
from bot.ui.actions import Go
from bot.ui.layout import fitted, rows_of
from bot.ui.menus import LANGUAGE_NAMES, language_count, main_menu_row
from bot.ui.model import Button, Row, Screen
from bot.ui.paging import navigation, page_of
from bot.ui.sessions import timed_rows
from bot.ui.view import View, bold, clip, italic, plain

TEXT_CHARS = 4096  # Telegram's limit for a message
CAPTION_CHARS = 1024  # and for a photo's caption
STATUS_NAMES = {
    "sending": N_("sending"),
    "done": N_("delivered"),
    "cancelled": N_("cancelled"),
}


def audiences(view: View, counts: Mapping[str, int]) -> Screen:
    _ = view._
    total = sum(counts.values())
    rows: list[Row] = [
        (
            Button(
                _("Everyone (%(count)d)") % {"count": total},
                ChooseAudience(AudienceKind.EVERYONE).encode(),
            ),
        ),
        *rows_of(
            [
                Button(
                    f"{LANGUAGE_NAMES[lang]} ({counts.get(lang, 0)})",
                    ChooseAudience(AudienceKind.of(lang)).encode(),
                )
                for lang in LANGUAGES
            ],
            per_row=3,
        ),
        *rows_of(
            [
                Button(
                    _("Followers of a session"),
                    ChooseAudience(AudienceKind.SESSION_FOLLOWERS).encode(),
                ),
                Button(
                    _("Followers of a theme"),
                    ChooseAudience(AudienceKind.THEME_FOLLOWERS).encode(),
                ),
            ]
        ),
        (Button(_("Cancel"), Go.HOME),),
    ]
    return Screen(bold(_("New announcement")) + "\n\n" + _("Who should receive it?"), tuple(rows))


def session_days(view: View) -> Screen:
    _ = view._
    rows: list[Row] = [
        (Button(view.t.date(day.date), SessionDay(day.index).encode()),)
        for day in view.schedule.days
    ]
    rows.append((Button(_("Cancel"), Go.HOME),))
    return Screen(_("Followers of which session? Choose the day:"), tuple(rows))


def session_page(
    view: View, day_index: int, sessions: Sequence[Session], page_number: int
) -> Screen:
    _ = view._
    page = page_of(sessions, page_number)
    rows = timed_rows(view, page.items, lambda s: ChooseSession(s.key).encode())
    nav = navigation(page, lambda p: SessionDay(day_index, p))
    if nav:
        rows.append(nav)
    rows.append((Button(_("Cancel"), Go.HOME),))
    return Screen(_("Followers of which session?"), tuple(rows))


def themes(view: View) -> Screen:
    _ = view._
    rows: list[Row] = [
        (Button(t.name_in(view.t.lang), ChooseTheme(t.index).encode()),)
        for t in view.schedule.tracks
    ]
    rows.append((Button(_("Cancel"), Go.HOME),))
    return Screen(_("Followers of which theme?"), tuple(rows))


def write_prompt(view: View, broadcast_id: int, audience: str, version: str) -> Screen:
    _ = view._
    if version == "all":
        ask = _(
            "Send me the message now, as recipients should read it (bold, italics and links "
            "are kept). It goes to %(audience)s."
        )
    else:
        ask = _("Send me the %(language)s version of the message now. It goes to %(audience)s.")
    text = ask % {"audience": bold(audience), "language": LANGUAGE_NAMES.get(version, version)}
    rows: tuple[Row, ...] = (
        (Button(_("🌐 One text per language"), Versions(broadcast_id).encode()),),
        (Button(_("Cancel"), Cancel(broadcast_id).encode()),),
    )
    return Screen(text, rows)


def versions(view: View, broadcast: Broadcast) -> Screen:
    _ = view._
    lines = [bold(_("Versions per language")), ""]
    for lang in LANGUAGES:
        state = "✅" if lang in broadcast.texts else "—"
        marker = " " + italic(_("(default)")) if lang == broadcast.default_language else ""
        lines.append(f"{state} {LANGUAGE_NAMES[lang]}{marker}")
    lines += ["", _("Recipients whose language has no version get the default language's.")]
    write = tuple(
        Button("✏️ " + LANGUAGE_NAMES[lang], LanguageVersion(broadcast.id, i).encode())
        for i, lang in enumerate(LANGUAGES)
    )
    default = tuple(
        Button(
            ("✓ " if lang == broadcast.default_language else "") + lang.upper(),
            DefaultLanguage(broadcast.id, i).encode(),
        )
        for i, lang in enumerate(LANGUAGES)
    )
    rows: list[Row] = [*fitted([write]), *fitted([default])]
    if broadcast.texts:
        rows.append((Button(_("👁 Preview"), Preview(broadcast.id).encode()),))
    rows.append((Button(_("Cancel"), Cancel(broadcast.id).encode()),))
    return Screen("\n".join(lines), tuple(rows))


def summary(
    view: View,
    broadcast: Broadcast,
    audience: str,
    counts: Mapping[str, int],
    missing: Sequence[str],
    long_captions: Sequence[str] = (),
) -> Screen:
    """Sent after the previews: who gets what, and the decision."""
    _ = view._
    total = sum(counts.values())
    lines = [
        bold(_("Ready to send")),
        "",
        _("Audience: %(audience)s") % {"audience": escape(audience)},
    ]
    lines += ["  " + language_count(view, lang, counts.get(lang, 0)) for lang in LANGUAGES]
    lines.append(_("Recipients in all: %(count)d") % {"count": total})
    rows: list[Row] = []
    if missing:
        names = ", ".join(LANGUAGE_NAMES[lang] for lang in missing)
        lines += [
            "",
            "⚠️ "
            + _("No text for: %(languages)s. Write it, or choose a default language that has one.")
            % {"languages": names},
        ]
    elif long_captions:
        names = ", ".join(LANGUAGE_NAMES[lang] for lang in long_captions)
        warning = _(
            "With a photo, a text can have at most %(count)d characters: "
            "shorten the %(languages)s version."
        ) % {"count": CAPTION_CHARS, "languages": names}
        lines += ["", "⚠️ " + warning]
    elif total:
        rows.append(
            (
                Button(
                    _("✅ Send to %(count)d") % {"count": total},
                    Confirm(broadcast.id).encode(),
                ),
            )
        )
    else:
        lines += ["", _("Nobody is in this audience yet.")]
    rows.append((Button(_("🌐 Versions per language"), Versions(broadcast.id).encode()),))
    rows.append((Button(_("Cancel"), Cancel(broadcast.id).encode()),))
    return Screen("\n".join(lines), tuple(rows))


def too_long(view: View, length: int, limit: int) -> Screen:
    return Screen(
        view._(
            "That message has %(length)d characters; Telegram allows %(count)d. "
            "Nothing was saved: send a shorter one."
        )
        % {"length": length, "count": limit}
    )


def progress(
    view: View, broadcast: Broadcast, counts: Mapping[str, int], eta_seconds: float, done: bool
) -> Screen:
    _ = view._
    left = counts.get("pending", 0) + counts.get("sending", 0)
    heading = _("Announcement #%(id)d: delivered") if done else _("Announcement #%(id)d: sending…")
    if broadcast.status == "cancelled":
        heading = _("Announcement #%(id)d: cancelled")
    lines = [
        bold(heading % {"id": broadcast.id}),
        "",
        _("Sent: %(count)d") % {"count": counts.get("sent", 0)},
        _("Failed: %(count)d") % {"count": counts.get("failed", 0)},
        _("Blocked the bot: %(count)d") % {"count": counts.get("blocked", 0)},
        _("Cancelled: %(count)d") % {"count": counts.get("cancelled", 0)},
        _("Left: %(count)d") % {"count": left},
    ]
    rows: tuple[Row, ...] = ()
    if not done and broadcast.status == "sending":
        minutes, seconds = divmod(round(eta_seconds), 60)
        lines.append(
            _("Time left: about %(minutes)d min %(seconds)02d s")
            % {"minutes": minutes, "seconds": seconds}
        )
        rows = ((Button(_("⏹ Stop sending"), Cancel(broadcast.id).encode()),),)
    return Screen("\n".join(lines), rows)


def cancelled_draft(view: View) -> Screen:
    _ = view._
    return Screen(_("Cancelled: nothing was sent."), (main_menu_row(view),))


def history(view: View, items: Sequence[tuple[Broadcast, Mapping[str, int]]]) -> Screen:
    _ = view._
    lines = [bold(_("Announcements")), ""]
    if not items:
        lines.append(_("No announcement has been sent yet."))
    for broadcast, counts in items:
        first_text = next(iter(broadcast.texts.values()), "")
        status = _(STATUS_NAMES.get(broadcast.status, broadcast.status))
        lines.append(
            f"#{broadcast.id} · {escape(_local(view, broadcast.created_at))} · {escape(status)}"
        )
        lines.append("   " + italic(clip(plain(first_text), 60)))
        lines.append(
            "   "
            + _("sent %(sent)d, failed %(failed)d, blocked %(blocked)d, left %(left)d")
            % {
                "sent": counts.get("sent", 0),
                "failed": counts.get("failed", 0),
                "blocked": counts.get("blocked", 0),
                "left": counts.get("pending", 0) + counts.get("sending", 0),
            }
        )
    return Screen("\n".join(lines), (main_menu_row(view),))


def _local(view: View, stored: str) -> str:
    """A time kept in UTC, shown like every other time: in the programme's zone."""
    try:
        when = datetime.fromisoformat(stored)
    except ValueError:
        return stored[:16].replace("T", " ")
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    zone = view.schedule.zone
    return f"{view.t.short_day(when, zone)} {view.t.time(when, zone)}"
