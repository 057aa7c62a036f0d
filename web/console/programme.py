"""Organizers: the programme in use (version, fingerprint, sessions, when applied), the last
changes with their notices, and a new file uploaded with import-schedule's preview and
confirm (bot/features/changes/upload.py): nothing changes before Confirm.

The upload form is multipart: the guard reads its CSRF token from the query string (`?csrf=`)
before the body, so a forged upload is refused before its file is read."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from aiohttp import web
from markupsafe import Markup

from bot.deps import Deps
from bot.features.changes import screens as change_screens
from bot.features.changes.history import history
from bot.features.changes.upload import Preview, ProgrammeUploads, UploadRefused
from bot.i18n import N_, Translator
from bot.outgoing import Photo, Text
from bot.programme.applied import APPLIED_HASH
from bot.ui.view import View
from web.console.keys import CATALOGS, CLOCK, DEPS, STORAGE
from web.console.render import render
from web.console.visitor import visitor

UPLOADS = web.AppKey("programme-uploads", ProgrammeUploads)
NO_FILE = N_("Please choose a file to upload.")
INSTALLED = N_("The new programme is installed; the attendees concerned are being told.")
NOT_APPLIED = N_("The file was installed but the bot could not apply it:")
HISTORY_SHOWN = 10


def uploads(deps: Deps) -> ProgrammeUploads:
    """One per console: it keeps the previews waiting for Confirm."""
    return ProgrammeUploads(
        deps.settings,
        deps.storage,
        deps.navigator.catalogs,
        deps.navigator.clock,
        deps.programme,
        deps.programme_reload,
    )


def _translator(request: web.Request) -> Translator:
    return request.app[CATALOGS][visitor(request).language]


def _html(text: str) -> Markup:
    """A message as the chat shows it: the bot's own Telegram HTML (<b>, <i>, <a>), whose
    programme texts the screens have already escaped."""
    return Markup(text)


async def _page(
    request: web.Request, notice: str = "", error: str = "", detail: str = "", status: int = 200
) -> web.Response:
    deps = request.app[DEPS]
    schedule = deps.programme.schedule
    fingerprint = await request.app[STORAGE].state.get(APPLIED_HASH) or ""
    entries = await history(request.app[STORAGE])
    rows: list[dict[str, Any]] = []
    for entry in entries[:HISTORY_SHOWN]:
        progress = await deps.delivery.progress(entry.batch) if entry.batch else None
        rows.append(
            {
                "at": datetime.fromisoformat(entry.at),
                "version": entry.version,
                "fingerprint": entry.fingerprint[:16],
                "sessions": entry.sessions,
                "changes": entry.changes,
                "notices": progress.total if progress else 0,
                "sent": progress.sent if progress else 0,
                "unsent": progress.unsent if progress else 0,
                "failed": (progress.failed + progress.blocked) if progress else 0,
            }
        )
    current = next((e for e in entries if e.fingerprint == fingerprint), None)
    context = {
        "version": schedule.version,
        "fingerprint": fingerprint[:16],
        "sessions": len(schedule.sessions),
        "applied_at": datetime.fromisoformat(current.at) if current else None,
        "history": rows,
        "notice": notice,
        "error": error,
        "detail": detail,
        "from_url": deps.settings.schedule_url is not None,
    }
    return render(request, "programme.html", context, status=status)


async def page(request: web.Request) -> web.Response:
    t = _translator(request)
    done = request.query.get("done") == "installed"
    return await _page(request, notice=t.gettext(INSTALLED) if done else "")


async def upload(request: web.Request) -> web.Response:
    t = _translator(request)
    form = await request.post()
    field = form.get("file")
    if not isinstance(field, web.FileField) or not field.filename:
        return await _page(request, error=t.gettext(NO_FILE), status=400)
    try:
        preview = await request.app[UPLOADS].preview(
            field.filename, field.file.read(), visitor(request).user_id
        )
    except UploadRefused as refused:
        return await _page(
            request, error=t.gettext(refused.reason), detail=refused.detail, status=400
        )
    return _preview(request, t, preview)


def _preview(request: web.Request, t: Translator, preview: Preview) -> web.Response:
    view = View(t, preview.schedule, request.app[CLOCK].now())
    changes = preview.changes
    summary = change_screens.summary(view, changes, len(preview.notices))
    notices = []
    for change in changes.changes:
        prefix = f"change:preview:{change.guid}:"
        texts = Counter(
            _text(item.payload) for item in preview.notices if item.dedupe_key.startswith(prefix)
        )
        session = change.new or change.old
        assert session is not None
        notices.append(
            {
                "title": f"{session.key} · {session.title_in(t.lang)}",
                "variants": [(_html(text), n) for text, n in texts.most_common()],
            }
        )
    context = {
        "p": preview,
        # The chat's summary without its last line ("n notices are on their way"): not yet.
        "summary": _html(summary.text.rsplit("\n\n", 1)[0]),
        "empty": changes.empty,
        "notices": notices,
        "total": len(preview.notices),
    }
    return render(request, "programme_preview.html", context)


def _text(payload: object) -> str:
    if isinstance(payload, Text):
        return payload.text
    return payload.caption if isinstance(payload, Photo) else ""


async def confirm(request: web.Request) -> web.Response:
    who = visitor(request)
    t = _translator(request)
    token = str((await request.post()).get("upload", ""))
    try:
        preview, result = await request.app[UPLOADS].install(token, who.user_id)
    except UploadRefused as refused:
        return await _page(request, error=t.gettext(refused.reason), status=409)
    detail = f"{preview.filename} → {preview.schedule.version}"
    await request.app[STORAGE].console.record(
        request.app[CLOCK].now(), who.user_id, "programme-install", detail
    )
    if result.error is not None:
        return await _page(request, error=t.gettext(NOT_APPLIED), detail=result.error, status=500)
    raise web.HTTPSeeOther("/programme?done=installed")
