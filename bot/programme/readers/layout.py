"""The programme spreadsheet's layout: its sheets and columns, what each one means. The
template writer (template.py), the README sheet and the readers (xlsx.py, csv_sessions.py)
all take it from here, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import LANGUAGES

README = "README"
EVENT = "Event"
SESSIONS = "Sessions"
SPEAKERS = "Speakers"
ROOMS = "Rooms"
TRACKS = "Tracks"


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    example: str = ""
    required: bool = False
    width: int = 14


def _per_language(name: str, meaning: str, example: str, width: int) -> tuple[Column, ...]:
    return tuple(
        Column(
            f"{name}_{lang}", f"{meaning} in {label}", example if lang == "en" else "", False, width
        )
        for lang, label in zip(LANGUAGES, ("Vietnamese", "English", "French"), strict=True)
    )


SESSION_COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        "Short code of the session, unique: A-Z, 0-9, - and _. It keeps the session's identity "
        "across imports (follows, reminders and feedback stay with it): never reuse or change it.",
        "AIGOV",
        True,
        10,
    ),
    Column("date", "Day of the session (a date cell, or YYYY-MM-DD).", "2025-10-27", True, 12),
    Column("start", "Start time, local time of the event (HH:MM).", "09:30", True, 8),
    Column(
        "duration",
        "Length (H:MM, e.g. 1:30; or minutes, e.g. 90). Leave empty when 'end' is given.",
        "1:30",
        False,
        9,
    ),
    Column("end", "End time (HH:MM), instead of a duration.", "", False, 8),
    Column("room", "Room: one of the names on the Rooms sheet.", "Main Hall", True, 24),
    Column("track", "Theme: one of the names on the Tracks sheet, or empty.", "AI", False, 20),
    Column("type", "Kind of session: Talk, Panel, Workshop, Roundtable…", "Roundtable", False, 12),
    Column("language", "Language spoken: vi, en, fr…", "en", False, 9),
    Column(
        "featured",
        "'yes' for a highlight: everyone who asked for highlight reminders gets one.",
        "yes",
        False,
        9,
    ),
    *_per_language("title", "Title", "Ministerial Roundtable on AI Governance", 36),
    *_per_language("abstract", "Abstract", "A high-level forum on responsible AI.", 48),
    Column(
        "speakers",
        "Speakers: names or codes from the Speakers sheet, separated by ';'.",
        "Nguyễn Mạnh Hùng; Tony Blair",
        False,
        28,
    ),
    Column("url", "Web page of the session.", "https://example.org/aigov", False, 24),
    Column(
        "guid",
        "Leave empty: made from the code. Filled when the sheet was written from a "
        "schedule.json, to keep that file's identities.",
        "",
        False,
        10,
    ),
    # Added later, at the end: the letters of the columns above stay where they were.
    *_per_language("short_title", "Short title for buttons", "Ministerial Roundtable on AI", 28),
    Column(
        "interpretation",
        "Languages it is interpreted into, separated by ',' (vi, en, fr…), or empty.",
        "vi",
        False,
        12,
    ),
)
SPEAKER_COLUMNS = (
    Column("code", "Short code (optional), usable in the sessions' speakers column.", "NMHUNG"),
    Column("name", "Name as shown to attendees.", "Nguyễn Mạnh Hùng", True, 28),
    Column(
        "biography", "A line about the speaker.", "Minister of Science and Technology", width=48
    ),
)
ROOM_COLUMNS = (
    Column("name", "Room name, as used in the Sessions sheet.", "Main Hall", True, 28),
    *_per_language("name", "Name shown", "Main Hall", 28),
    Column("description", "Where it is.", "Plenary hall, ground floor", width=40),
)
TRACK_COLUMNS = (
    Column("name", "Theme name, as used in the Sessions sheet.", "AI", True, 28),
    *_per_language("name", "Name shown", "Artificial Intelligence", 28),
    Column("slug", "Lower-case identifier (optional: made from the name). Never change it.", ""),
    Column("color", "Colour, e.g. #2e86ab (optional).", "#2e86ab", width=10),
)
COLUMNS = {SESSIONS: SESSION_COLUMNS, SPEAKERS: SPEAKER_COLUMNS, ROOMS: ROOM_COLUMNS}
COLUMNS[TRACKS] = TRACK_COLUMNS


@dataclass(frozen=True)
class Setting:
    key: str
    meaning: str
    example: str = ""
    required: bool = False


EVENT_SETTINGS: tuple[Setting, ...] = (
    Setting("title", "The event's name (in its main language).", "My Conference 2026", True),
    *(
        Setting(f"title_{lang}", f"The event's name in {label}.")
        for lang, label in zip(LANGUAGES, ("Vietnamese", "English", "French"), strict=True)
    ),
    Setting("acronym", "Short lower-case name.", "myconf2026"),
    Setting(
        "version",
        "Change it at each new version (organizers see it in /help and in change summaries). "
        "Empty: made from the content.",
        "2026-03-01 v2",
    ),
    Setting("time_zone", "The event's time zone (IANA name).", "Asia/Ho_Chi_Minh", True),
    Setting(
        "main_language",
        "vi, en or fr: the language of the sessions' own titles (its title_ column).",
        "en",
    ),
    Setting("url", "The event's web site.", "https://example.org"),
    *(
        Setting(f"place_{lang}", f"Where it happens, in {label} (shown in /help).", ex)
        for lang, label, ex in zip(
            LANGUAGES,
            ("Vietnamese", "English", "French"),
            ("Việt Nam", "Viet Nam", "Viêt Nam"),
            strict=True,
        )
    ),
    *(
        Setting(f"note_{lang}", f"A note shown under the programme, in {label}.")
        for lang, label in zip(LANGUAGES, ("Vietnamese", "English", "French"), strict=True)
    ),
)

MAX_ROWS = 2000  # rows the template's drop-down lists and checks cover
YES = frozenset({"yes", "y", "x", "1", "true", "oui", "có", "co"})
NO = frozenset({"", "no", "n", "0", "false", "non", "không", "khong"})
