"""The exhibition, per exhibitor: attendees who opened its card, contacts shared with it, its
staff (staff and organizers see the counts); organizers download one exhibitor's leads or all
of them — the CSV /leads gives in the chat (UTF-8 with BOM) — and each download is audited."""

from __future__ import annotations

from aiohttp import web

from bot.features.exhibition.figures import booth_figures
from bot.features.exhibition.lead_screens import csv_header
from bot.features.exhibition.leads import leads_csv
from bot.i18n import N_
from bot.ui.view import View
from web.console.keys import CATALOGS, CLOCK, DEPS, EXHIBITS, STORAGE
from web.console.render import render
from web.console.visitor import visitor

NO_BOOTH = N_("No exhibitor has the booth %(booth)s; nothing was downloaded.")
ALL = "all"


async def page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    catalogue = request.app[EXHIBITS].catalogue
    lang = visitor(request).language
    figures = await booth_figures(request.app[STORAGE].leads, catalogue)
    rows = [{"name": f.names[lang], "figures": f} for f in figures]
    totals = {
        "visitors": sum(f.visitors for f in figures),
        "leads": sum(f.leads for f in figures),
        "staff": sum(f.staff for f in figures),
    }
    context = {"rows": rows, "totals": totals, "error": error}
    return render(request, "exhibition.html", context, status=status)


async def download(request: web.Request) -> web.Response:
    """Organizers: one booth's leads (form field `booth`) or every booth's (`all`)."""
    who = visitor(request)
    form = await request.post()
    booth = str(form.get("booth", "")).strip().upper()
    catalogue = request.app[EXHIBITS].catalogue
    t = request.app[CATALOGS][who.language]
    store = request.app[STORAGE].leads
    if booth == ALL.upper():
        leads = await store.everyone()
    elif catalogue.index_of_booth(booth) is not None:
        leads = await store.of_booth(booth)
    else:
        return await page(request, t.gettext(NO_BOOTH) % {"booth": booth[:8]}, status=400)
    names = {e.booth: e.names[who.language] for e in catalogue.exhibitors}
    now = request.app[CLOCK].now()
    view = View(t, request.app[DEPS].programme.schedule, now)
    body = leads_csv(leads, lambda b: names.get(b, b), csv_header(view), view)
    detail = f"{booth.lower() if booth == ALL.upper() else booth}: {len(leads)}"
    await request.app[STORAGE].console.record(now, who.user_id, "leads-download", detail)
    name = "leads-all.csv" if booth == ALL.upper() else f"leads-{booth}.csv"
    response = web.Response(body=body, content_type="text/csv")
    response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
