"""The announcement form: what was typed, read back into the form after a problem (nothing
typed is lost), and each problem in the organizer's language next to its field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.features.broadcast.screens import TEXT_CHARS
from bot.features.broadcast.service import Problem, Typed
from bot.i18n import LANGUAGES, N_, Translator
from bot.programme.model import Schedule
from bot.storage.broadcasts import Broadcast

KINDS = ("all", "lang", "channel", "session", "theme")
VERSIONS = ("all", *LANGUAGES)
MESSAGES = {
    "empty": N_("Write the text of the announcement."),
    "too-long": N_(
        "This text has %(length)d characters; Telegram allows %(limit)d. Shorten it: what you "
        "wrote is kept below."
    ),
    "markup": N_(
        "Telegram cannot show %(tag)s. Use only <b>, <i>, <u>, <s>, <code>, <pre> and links "
        'written <a href="https://…">.'
    ),
    "no-default-text": N_(
        "The default language has no text: write it, or choose a language that has one."
    ),
    "unknown-session": N_("There is no session %(code)s in the programme: choose one in the list."),
    "unknown-theme": N_("There is no such theme in the programme: choose one in the list."),
    "unknown-audience": N_("Choose who should receive the announcement."),
}
EMPTY_VERSIONS = N_("Write at least one version, and one in the default language.")
NOTHING_CHOSEN = {
    "unknown-session": N_("Choose the session in the list."),
    "unknown-theme": N_("Choose the theme in the list."),
}


@dataclass(frozen=True)
class Form:
    """The form's fields as the organizer left them."""

    kind: str = "all"
    language: str = "vi"
    channel: str = "zalo"
    session: str = ""  # a session's code
    theme: str = ""
    mode: str = "one"  # one text for all, or "per-language"
    texts: Mapping[str, str] = field(default_factory=dict)  # version → as typed
    default: str = "en"

    def typed(self) -> Typed:
        value = {
            "lang": self.language,
            "channel": self.channel,
            "session": self.session,
            "theme": self.theme,
        }.get(self.kind, "")
        if self.mode == "per-language":
            texts = {lang: self.texts.get(lang, "") for lang in LANGUAGES}
        else:
            texts = {"all": self.texts.get("all", "")}
        return Typed(self.kind, value, texts, self.default)


def read(posted: Mapping[str, str], language: str) -> Form:
    def one(name: str, default: str = "") -> str:
        return str(posted.get(name, default))

    return Form(
        kind=one("audience", "all"),
        language=one("lang", "vi"),
        channel=one("channel", "zalo"),
        session=one("session"),
        theme=one("theme"),
        mode="per-language" if one("mode") == "per-language" else "one",
        texts={v: one(f"text-{v}") for v in VERSIONS},
        default=one("default", language) if one("default", language) in LANGUAGES else "en",
    )


def of_draft(broadcast: Broadcast, schedule: Schedule) -> Form:
    """A stored draft back in the form, to change it before it is sent."""
    kind, _, value = broadcast.audience.partition(":")
    fields: dict[str, str] = {}
    if kind == "lang":
        fields["language"] = value
    elif kind == "channel":
        fields["channel"] = value
    elif kind == "theme":
        fields["theme"] = value
    elif kind == "session":
        guid = value.partition("|")[0]
        found = schedule.session_by_guid(guid)
        fields["session"] = found.key if found else ""
    mode = "one" if "all" in broadcast.texts or not broadcast.texts else "per-language"
    return Form(
        kind=kind if kind in KINDS else "all",
        mode=mode,
        texts=dict(broadcast.texts),
        default=broadcast.default_language,
        **fields,
    )


def typed_audience(broadcast: Broadcast, schedule: Schedule) -> str:
    """The audience as the command line writes it (session:AIGOV), for the audit log."""
    form = of_draft(broadcast, schedule)
    value = form.typed().audience_value
    return f"{form.kind}:{value}" if value else form.kind


def messages(problems: list[Problem], t: Translator) -> dict[str, str]:
    """Field → what is wrong with it, in the organizer's language."""
    shown: dict[str, str] = {}
    for problem in problems:
        if problem.kind == "empty" and problem.field in LANGUAGES:
            text = t.gettext(EMPTY_VERSIONS)
        elif problem.kind in NOTHING_CHOSEN and not problem.detail:
            text = t.gettext(NOTHING_CHOSEN[problem.kind])
        else:
            text = t.gettext(MESSAGES[problem.kind]) % {
                "length": problem.length,
                "limit": TEXT_CHARS,
                "tag": problem.detail,
                "code": problem.detail,
            }
        shown.setdefault(problem.field, text)
    return shown
