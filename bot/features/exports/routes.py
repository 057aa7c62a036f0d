"""/export, for staff and organizers: the workbook, the CSV of raw answers and the chart."""

from __future__ import annotations

from bot.features.exhibition.loader import ExhibitorsFile
from bot.features.exports.files import NAMES, export_file
from bot.features.exports.results import collect
from bot.features.exports.screens import export_caption
from bot.features.survey.service import Surveys
from bot.i18n import N_
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.ui.answer import Answer
from bot.ui.model import Attachment
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who


def routes(
    programme: CurrentProgramme,
    storage: Storage,
    surveys: Surveys,
    *,
    user_ids: bool,
    exhibits: ExhibitorsFile | None = None,
) -> FeatureRoutes:
    """`user_ids`: VIDW_EXPORT_USER_IDS, real ids instead of pseudonyms; `exhibits`: the
    exhibitors whose visits and leads are counted."""

    async def export(request: Request) -> Answer:
        view = request.view
        schedule = programme.schedule
        survey = surveys.definition
        exhibitors = None if exhibits is None else exhibits.catalogue
        data = await collect(storage, schedule, survey, user_ids=user_ids, exhibitors=exhibitors)
        caption = export_caption(view, len(data.raw), len(data.comments))
        files = tuple(  # in the staff member's language
            Attachment(NAMES[fmt], export_file(fmt, data, survey, schedule, view.t), caption)
            for fmt in ("xlsx", "csv", "png")
        )
        return Answer(None, attachments=files)

    return FeatureRoutes(
        commands=(
            Command(
                "export",
                N_("Poll results as files"),
                export,
                who=Who.STAFF,
                channels=TELEGRAM_ONLY,
            ),
        ),
    )
