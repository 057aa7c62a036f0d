"""Organizers: who is staff (from the configuration or granted), granting and revoking it.

The rules are StaffAdmin's (the chat's /staff): the person is told in the chat, their menu
changes, and a revocation ends their console sessions. Forms name a person by a reference
made with the organizer's CSRF token, never by their user id."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from aiohttp import web

from bot.features.staff.service import Change, user_id_of
from bot.i18n import N_
from web.console.keys import CATALOGS, CLOCK, DEPS, STORAGE
from web.console.people import masked
from web.console.render import render
from web.console.visitor import visitor

NOTICES = {
    Change.GRANTED: N_("%(person)s is now staff: the chat tells them."),
    Change.ALREADY_STAFF: N_("%(person)s already has staff access."),
    Change.REVOKED: N_("%(person)s is no longer staff; their console sessions are ended."),
    Change.CONFIGURED: N_(
        "%(person)s is staff through the configuration (VIDW_STAFF); remove them there."
    ),
    Change.NOT_GRANTED: N_("%(person)s was not granted staff access."),
}
BAD_ID = N_("Please type the person's numeric user id (they find it with /privacy in the chat).")
GONE = N_("That person is no longer on the list; nothing was changed.")


def _ref(csrf: str, user_id: int) -> str:
    return hmac.new(csrf.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:20]


async def _page(
    request: web.Request, notice: str = "", error: str = "", typed: str = "", status: int = 200
) -> web.Response:
    roles = request.app[DEPS].navigator.roles
    who = visitor(request)
    online = {s.user_id for s in await request.app[STORAGE].console.active_sessions(_now(request))}
    rows: list[dict[str, Any]] = []
    for source, ids in (
        ("organizer", roles.organizers),
        ("configured", roles.configured_staff - roles.organizers),
        ("granted", roles.granted_staff - roles.configured_staff - roles.organizers),
    ):
        rows += [
            {
                "who": masked(uid),
                "source": source,
                "online": uid in online,
                "ref": _ref(who.csrf, uid) if source == "granted" else "",
            }
            for uid in sorted(ids)
        ]
    context = {"staff": rows, "notice": notice, "error": error, "typed": typed}
    return render(request, "staff.html", context, status=status)


def _now(request: web.Request) -> Any:
    return request.app[CLOCK].now()


def _said(request: web.Request, message: str, person: int) -> str:
    t = request.app[CATALOGS][visitor(request).language]
    return t.gettext(message) % {"person": masked(person)}


async def page(request: web.Request) -> web.Response:
    return await _page(request)


async def grant(request: web.Request) -> web.Response:
    who = visitor(request)
    typed = str((await request.post()).get("user", ""))
    target = user_id_of([typed])
    if target is None:
        t = request.app[CATALOGS][who.language]
        return await _page(request, error=t.gettext(BAD_ID), typed=typed[:40], status=400)
    change = await request.app[DEPS].staff.grant(who.user_id, target)
    if change is Change.GRANTED:
        await request.app[STORAGE].console.record(
            _now(request), who.user_id, "staff-grant", masked(target)
        )
    return await _page(request, notice=_said(request, NOTICES[change], target))


async def revoke(request: web.Request) -> web.Response:
    who = visitor(request)
    ref = str((await request.post()).get("ref", ""))
    roles = request.app[DEPS].navigator.roles
    found = [uid for uid in roles.granted_staff if hmac.compare_digest(_ref(who.csrf, uid), ref)]
    if len(found) != 1:
        t = request.app[CATALOGS][who.language]
        return await _page(request, error=t.gettext(GONE), status=400)
    change = await request.app[DEPS].staff.revoke(who.user_id, found[0])
    if change is Change.REVOKED:
        await request.app[STORAGE].console.record(
            _now(request), who.user_id, "staff-revoke", masked(found[0])
        )
    return await _page(request, notice=_said(request, NOTICES[change], found[0]))
