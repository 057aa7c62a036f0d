"""Organizers: compose an announcement, preview it as each channel shows it, confirm it.

Compose keeps a draft (nothing is queued); the preview shows each version as Telegram and as
Zalo will show it, and who gets it by language and channel; only the confirm POST queues it,
through the same Broadcasting service as the chat's /broadcast and `vidw-bot broadcast`.
"""

from __future__ import annotations

from html import escape

from aiohttp import web

from bot.channels import CHANNEL_NAMES, CHANNELS
from bot.features.broadcast.markup import MarkupError, telegram_html
from bot.features.broadcast.service import Broadcasting, Plan
from bot.i18n import LANGUAGES
from bot.ui.menus import LANGUAGE_NAMES
from bot.ui.view import View, plain
from web.console import announce_form
from web.console.keys import CATALOGS, DEPS, STORAGE
from web.console.render import render
from web.console.visitor import visitor

BAD_FORM = 400  # the form comes back with its problems, as typed


def flow(request: web.Request) -> Broadcasting:
    return request.app[DEPS].broadcasting


def view(request: web.Request) -> View:
    return request.app[DEPS].navigator.views.in_language(visitor(request).language)


def broadcast_id(request: web.Request) -> int:
    try:
        return int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound() from None


async def compose_page(request: web.Request) -> web.Response:
    form = announce_form.Form(default=visitor(request).language)
    draft = request.query.get("draft", "")
    if draft.isdigit():
        plan = await flow(request).plan(int(draft))
        if plan is not None:
            form = announce_form.of_draft(plan.broadcast, view(request).schedule)
    return _form(request, form, {})


async def compose(request: web.Request) -> web.Response:
    who = visitor(request)
    posted = {k: str(v) for k, v in (await request.post()).items()}
    form = announce_form.read(posted, who.language)
    made = await flow(request).compose(who.user_id, form.typed())
    if isinstance(made, list):
        translator = request.app[CATALOGS][who.language]
        return _form(request, form, announce_form.messages(made, translator), BAD_FORM)
    plan = await flow(request).plan(made)
    assert plan is not None
    await _record(request, "announce-compose", plan)
    raise web.HTTPSeeOther(f"/announcements/{made}/preview")


async def preview(request: web.Request) -> web.Response:
    plan = await flow(request).plan(broadcast_id(request))
    if plan is None:  # sent or stopped already: where it stands
        raise web.HTTPSeeOther(f"/announcements/{broadcast_id(request)}")
    return _preview(request, plan)


async def confirm(request: web.Request) -> web.Response:
    number = broadcast_id(request)
    plan = await flow(request).plan(number)
    if plan is None:  # a second click, or another organizer was quicker: queued once
        raise web.HTTPSeeOther(f"/announcements/{number}")
    if not plan.sendable:
        return _preview(request, plan, status=409)
    await flow(request).send(number)
    await _record(request, "announce-confirm", plan, f" · {plan.total}")
    raise web.HTTPSeeOther(f"/announcements/{number}")


def _form(
    request: web.Request, form: announce_form.Form, errors: dict[str, str], status: int = 200
) -> web.Response:
    schedule = view(request).schedule
    days = [(day, schedule.on_day(day)) for day in schedule.days]
    context = {
        "form": form,
        "errors": errors,
        "days": days,
        "tracks": schedule.tracks,
        "channels": [(c, CHANNEL_NAMES[c]) for c in CHANNELS],
    }
    return render(request, "announce_compose.html", context, status=status)


def _preview(request: web.Request, plan: Plan, status: int = 200) -> web.Response:
    shown = view(request)
    versions = [
        {
            "languages": langs,
            "telegram": _as_telegram(text),
            "zalo": plain(text),
            "recipients": sum(plan.by_language[lang] for lang in langs),
            "names": ", ".join(LANGUAGE_NAMES[lang] for lang in langs),
        }
        for langs, text in plan.versions
    ]
    context = {
        "plan": plan,
        "audience": flow(request).describe(shown, plan.broadcast.audience),
        "versions": versions,
        "counts": [
            (lang, [plan.counts.get((lang, c), 0) for c in CHANNELS], plan.by_language[lang])
            for lang in LANGUAGES
        ],
        "channels": [(c, CHANNEL_NAMES[c], plan.by_channel[c]) for c in CHANNELS],
        "refused": status != 200,
        "names": LANGUAGE_NAMES,
        "missing": ", ".join(LANGUAGE_NAMES[lang] for lang in plan.missing),
    }
    return render(request, "announce_preview.html", context, status=status)


def _as_telegram(text: str) -> str:
    """Telegram's formatting, for the page (shown `|safe`): only Telegram's own tags survive
    and every other character is escaped."""
    try:
        return telegram_html(text)
    except MarkupError:  # a chat draft with a tag the console does not show: as plain text
        return escape(plain(text))


async def _record(request: web.Request, action: str, plan: Plan, extra: str = "") -> None:
    who = visitor(request)
    where = announce_form.typed_audience(plan.broadcast, view(request).schedule)
    now = request.app[DEPS].navigator.clock.now()
    await request.app[STORAGE].console.record(
        now, who.user_id, action, f"#{plan.broadcast.id} · {where}{extra}"
    )
