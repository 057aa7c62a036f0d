"""Organizers: the business-matching desk — confirmed meetings by slot and table, no-shows
marked at the tables, every request (filtered by state, a page at a time), and a CSV of it all
(UTF-8 with BOM, for Excel)."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from bot.features.matching.screens import STATUS
from bot.features.matching.service import DeskRow
from bot.i18n import N_, Translator
from bot.storage.matching import ACCEPTED, CANCELLED, DECLINED, EXPIRED, PENDING
from bot.ui.meetings import slot_start
from web.console.keys import CATALOGS, CLOCK, DEPS, STORAGE
from web.console.render import render
from web.console.visitor import visitor

GONE = N_("That meeting is no longer confirmed; nothing was changed.")
NO_SUCH_STATE = N_("There is no such state; every request is shown.")
CSV_NAME = "vidw2025-matching.csv"
STATES = (PENDING, ACCEPTED, DECLINED, EXPIRED, CANCELLED)  # the filter's choices
REQUESTS_PAGE = 25


def _side(profile: Any) -> str:
    if profile is None:
        return "—"
    return ", ".join(p for p in (profile.organization, profile.country) if p) or "—"


def _when(t: Translator, zone: Any, slot: int) -> str:
    start = slot_start(slot)
    return f"{t.short_day(start, zone, start=True)} {t.time(start, zone)}"


def _row(t: Translator, zone: Any, row: DeskRow) -> dict[str, Any]:
    r = row.request
    return {
        "id": r.id,
        "when": _when(t, zone, r.slot),
        "table": r.table_no,
        "status": r.status,
        "state": t.gettext(STATUS.get(r.status, r.status)),
        "asker": _side(row.asker),
        "asked": _side(row.asked),
        "no_show": r.no_show,
    }


async def _page(
    request: web.Request, notice: str = "", error: str = "", status: int = 200
) -> web.Response:
    deps = request.app[DEPS]
    t = request.app[CATALOGS][visitor(request).language]
    zone = deps.programme.schedule.zone
    rows = [_row(t, zone, row) for row in await deps.matching.desk()]
    state = request.query.get("state", "")
    if state and state not in STATES:  # a hand-made URL: say so, show them all
        error, state, status = t.gettext(NO_SUCH_STATE), "", 400
    listed = [r for r in rows if not state or r["status"] == state]
    wanted = request.query.get("page", "0")
    last = max(0, (len(listed) - 1) // REQUESTS_PAGE)
    number = min(int(wanted), last) if wanted.isdigit() else 0
    context = {
        "confirmed": [r for r in rows if r["status"] == ACCEPTED],
        "listed": listed[number * REQUESTS_PAGE : (number + 1) * REQUESTS_PAGE],
        "states": [(s, t.gettext(STATUS[s])) for s in STATES],
        "state": state,
        "newer": _link(state, number - 1) if number > 0 else "",
        "older": _link(state, number + 1) if number < last else "",
        "counts": {
            s: sum(1 for r in rows if r["status"] == s) for s in {r["status"] for r in rows}
        },
        "tables": len(deps.matching.tables),
        "notice": notice,
        "error": error,
    }
    return render(request, "matching.html", context, status=status)


def _link(state: str, number: int) -> str:
    query = {k: v for k, v in (("state", state), ("page", number)) if v}
    return f"/matching?{urlencode(query)}#requests" if query else "/matching#requests"


async def page(request: web.Request) -> web.Response:
    return await _page(request)


async def no_show(request: web.Request) -> web.Response:
    """Mark (or unmark) a confirmed meeting as a no-show, from the desk."""
    who = visitor(request)
    form = await request.post()
    ref = str(form.get("request", ""))
    mark = str(form.get("no_show", "")) == "1"
    done = ref.isdigit() and await request.app[DEPS].matching.mark_no_show(int(ref), mark)
    if not done:
        t = request.app[CATALOGS][who.language]
        return await _page(request, error=t.gettext(GONE), status=400)
    now = request.app[CLOCK].now()
    action = "matching-no-show" if mark else "matching-showed"
    await request.app[STORAGE].console.record(now, who.user_id, action, f"#{ref}")
    raise web.HTTPSeeOther("/matching")


async def export(request: web.Request) -> web.Response:
    deps = request.app[DEPS]
    t = request.app[CATALOGS][visitor(request).language]
    zone = deps.programme.schedule.zone
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    _ = t.gettext
    writer.writerow(
        [_("Slot"), _("Table"), _("Status"), _("Requested by"), _("Requested of"), _("No-show")]
    )
    for row in await deps.matching.desk():
        r = _row(t, zone, row)
        writer.writerow(
            [r["when"], r["table"] or "", r["status"], r["asker"], r["asked"], int(r["no_show"])]
        )
    response = web.Response(body=out.getvalue().encode("utf-8"), content_type="text/csv")
    response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{CSV_NAME}"'
    return response
