"""/export, for staff and organizers: the workbook, the CSV of raw answers and the chart."""

from __future__ import annotations

from bot.features.exports.chart import ratings_png
from bot.features.exports.results import collect, csv_bytes, xlsx_bytes
from bot.features.exports.screens import export_caption
from bot.features.exports.wording import Wording
from bot.features.survey.service import Surveys
from bot.i18n import N_
from bot.programme.current import CurrentProgramme
from bot.storage import Storage
from bot.ui.answer import Answer
from bot.ui.model import Attachment
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who


def routes(
    programme: CurrentProgramme, storage: Storage, surveys: Surveys, *, user_ids: bool
) -> FeatureRoutes:
    """`user_ids`: VIDW_EXPORT_USER_IDS, real ids instead of pseudonyms."""

    async def export(request: Request) -> Answer:
        view = request.view
        schedule = programme.schedule
        survey = surveys.definition
        data = await collect(storage, schedule, survey, user_ids=user_ids)
        caption = export_caption(view, len(data.raw), len(data.comments))
        wording = Wording.of(view.t, schedule)  # the staff member's language
        chart = ratings_png(data, schedule.title_in(view.t.lang), wording=wording)
        files = (
            Attachment("vidw2025-results.xlsx", xlsx_bytes(data, survey, wording), caption),
            Attachment("vidw2025-answers.csv", csv_bytes(data, wording), caption),
            Attachment("vidw2025-ratings.png", chart, caption),
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
