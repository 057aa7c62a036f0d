"""Programme changes: the notice an attendee gets, and the summary organizers get."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from bot.programme.diff import ScheduleDiff, SessionChange
from bot.programme.model import Session
from bot.ui.actions import Go
from bot.ui.model import Button, Screen
from bot.ui.sessions import OpenSession
from bot.ui.view import View, bold, clip, italic

SUMMARY_LINES = 15  # sessions listed in the organizers' summary; the rest are counted
ERROR_CHARS = 1500


def notice(view: View, change: SessionChange) -> Screen | None:
    """One message per changed session, in the reader's language; None when nothing they
    would see changed (only another language's title was corrected)."""
    if change.new is None:
        assert change.old is not None
        return _cancelled(view, change.old)
    if change.old is None:
        return _added(view, change.new)
    _ = view._
    lang = view.t.lang
    old, new = change.old, change.new
    title_changed = old.title_in(lang) != new.title_in(lang)
    room_changed = old.room_in(lang) != new.room_in(lang)
    if not (change.moved or title_changed or room_changed):
        return None
    lines = ["📣 " + bold(_("Programme change")), "", bold(new.title_in(lang))]
    if title_changed:
        lines.append(italic(_("Formerly: %(title)s") % {"title": old.title_in(lang)}))
    if change.moved:
        span = _("Moved from %(old)s to %(new)s") % {
            "old": _when(view, old, old),
            "new": _when(view, new, old),
        }
        lines.append("🕘 " + bold(span))
    else:
        lines.append("🗓 " + escape(view.full_when(new)))
    if room_changed:
        room = _("Now in %(room)s (was %(old)s)") % {
            "room": new.room_in(lang),
            "old": old.room_in(lang),
        }
        lines.append("📍 " + bold(room))
    else:
        lines.append("📍 " + escape(new.room_in(lang)))
    return Screen("\n".join(lines), ((_open_button(view, new),),))


def _when(view: View, session: Session, reference: Session) -> str:
    """The day only when it differs from the reference's (the old time's) day."""
    zone = view.schedule.zone
    same_day = session.start.astimezone(zone).date() == reference.start.astimezone(zone).date()
    if session is reference or not same_day:
        return view.when(session, with_day=True, start=False)
    return view.when(session, with_day=False)


def _cancelled(view: View, old: Session) -> Screen:
    _ = view._
    lang = view.t.lang
    lines = [
        "❌ " + bold(_("Session cancelled")),
        "",
        bold(old.title_in(lang)),
        "🗓 " + escape(view.full_when(old)),
        "📍 " + escape(old.room_in(lang)),
        "",
        italic(_("It is no longer in the programme, so you will get no reminder for it.")),
    ]
    return Screen("\n".join(lines), ((Button(_("📅 Programme"), Go.SCHEDULE),),))


def _added(view: View, new: Session) -> Screen:
    _ = view._
    lang = view.t.lang
    theme = new.track.name_in(lang) if new.track else ""
    lines = [
        "🆕 " + bold(_("New session in your theme %(theme)s") % {"theme": theme}),
        "",
        bold(new.title_in(lang)),
        "🗓 " + escape(view.full_when(new)),
        "📍 " + escape(new.room_in(lang)),
    ]
    return Screen("\n".join(lines), ((_open_button(view, new),),))


def _open_button(view: View, session: Session) -> Button:
    return Button(view._("Open the session"), OpenSession(session.key).encode())


def summary(view: View, changes: ScheduleDiff, notices: int) -> Screen:
    """For organizers: what changed, and how many attendees are being told."""
    _ = view._
    lines = [
        "🔄 " + bold(_("Programme updated")),
        _("Version: %(old)s → %(new)s")
        % {"old": escape(changes.old_version), "new": escape(changes.new_version)},
        "",
        escape(
            _("Moved: %(moved)d · new room: %(room)d · new title: %(title)d")
            % {
                "moved": changes.count("moved"),
                "room": changes.count("room_changed"),
                "title": changes.count("retitled"),
            }
        ),
        escape(
            _("Cancelled: %(removed)d · added: %(added)d")
            % {"removed": changes.count("removed"), "added": changes.count("added")}
        ),
        "",
    ]
    for change in changes.changes[:SUMMARY_LINES]:
        lines.append(_summary_line(replace(view, schedule=changes.shown_in(change)), change))
    hidden = len(changes.changes) - SUMMARY_LINES
    if hidden > 0:
        lines.append(
            view.t.ngettext("… and %(count)d more change", "… and %(count)d more changes", hidden)
            % {"count": hidden}
        )
    lines += [
        "",
        view.t.ngettext(
            "%(count)d notice is on its way to the attendees concerned.",
            "%(count)d notices are on their way to the attendees concerned.",
            notices,
        )
        % {"count": notices},
    ]
    return Screen("\n".join(lines), ((Button(_("‹ Main menu"), Go.HOME),),))


def _summary_line(view: View, change: SessionChange) -> str:
    session = change.new or change.old
    assert session is not None
    title = escape(clip(session.title_in(view.t.lang), 60))
    if change.removed:
        return f"❌ {title}"
    if change.added:
        return f"🆕 {title} — {escape(view.when(session, with_day=True, start=False))}"
    aspects = (("🕘", change.moved), ("📍", change.room_changed), ("✏️", change.retitled))
    marks = "".join(mark for mark, changed in aspects if changed)
    return f"{marks} {title} — {escape(view.when(session, with_day=True, start=False))}"


def unchanged(view: View) -> Screen:
    """The file is the programme in use (or differs only in what attendees don't see)."""
    text = view._("The schedule file has not changed: version %(version)s is in use.") % {
        "version": escape(view.schedule.version)
    }
    return Screen(text, ((Button(view._("‹ Main menu"), Go.HOME),),))


def refused(view: View, error: str) -> Screen:
    _ = view._
    lines = [
        "⚠️ " + bold(_("The new schedule file was refused")),
        _("The programme stays as it was (version %(version)s). The problem:")
        % {"version": escape(view.schedule.version)},
        "",
        italic(clip(error, ERROR_CHARS)),
    ]
    return Screen("\n".join(lines), ((Button(_("‹ Main menu"), Go.HOME),),))


def unreachable(view: View, error: str) -> Screen:
    """For organizers, once per outage: the programme's URL cannot be fetched."""
    _ = view._
    lines = [
        "⚠️ " + bold(_("The programme cannot be fetched")),
        _("The programme stays as it was (version %(version)s). The problem:")
        % {"version": escape(view.schedule.version)},
        "",
        italic(clip(error, ERROR_CHARS)),
        "",
        _("The bot keeps trying and applies the programme as soon as it can fetch it."),
    ]
    return Screen("\n".join(lines), ((Button(_("‹ Main menu"), Go.HOME),),))
