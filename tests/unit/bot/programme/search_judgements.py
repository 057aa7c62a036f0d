"""The judged set: queries as delegates type them, and the session that must come first.

Written from the programme (schedule.json, and the pretalx demo export), not from what the
engine happens to return: titles half remembered, speakers' names without accents, themes,
rooms, acronyms, typos, other spellings, each in the reader's language unless said otherwise.
`first` is the session's key; `entity`, when given, is the theme, speaker or room that must be
offered before the sessions ("theme:<slug>", "speaker:<name>", "room:<name>").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Judgement:
    lang: str  # the reader's language
    query: str
    first: str
    entity: str | None = None
    why: str = ""


VIDW = [
    # The cases issue 17 names.
    Judgement(
        "vi", "chuyen doi so", "AIDT", "theme:digital-transformation", "theme before abstracts"
    ),
    Judgement("en", "digital transformation", "AIDT", "theme:digital-transformation"),
    Judgement("en", "AI", "AIGOV", "theme:artificial-intelligence", "never aider, ainsi"),
    Judgement("fr", "gouvernance de l'IA", "AIGOV", why="not a keynote"),
    Judgement("en", "startups", "STUP", why="not the open-source session"),
    Judgement("vi", "khoi nghiep", "STUP"),
    Judgement("en", "data center", "DC", why="US spelling of centres"),
    Judgement("en", "goverance", "AIGOV", why="a letter missing"),
    # Titles half remembered.
    Judgement("en", "roundtable ai governance", "AIGOV"),
    Judgement("en", "ethics framework", "AIETH"),
    Judgement("en", "open source ai", "OSAI"),
    Judgement("en", "heritage tourism", "HERIT"),
    Judgement("en", "smart transport", "SMART"),
    Judgement("en", "ai public administration", "DGOV"),
    Judgement("en", "digital skills civil servants", "DSKL", why="words from the abstract"),
    Judgement("en", "sustainable telecom", "TELCO", why="prefix of telecommunications"),
    Judgement("en", "security resilience", "SEC"),
    Judgement("en", "university industry partnership", "UNIV", why="singular of partnerships"),
    Judgement("en", "gender gap", "GENDER"),
    Judgement("en", "readiness assessment", "RAM"),
    Judgement("en", "law on digital technology industry", "LAWAI"),
    Judgement("en", "resolution 57", "RES57"),
    Judgement("en", "EU digital partnership", "EUPART", why="EU is the European Union"),
    Judgement("vi", "le khai mac", "OPEN"),
    Judgement("vi", "be mac", "CLOSE"),
    Judgement("vi", "ket noi doanh nghiep", "BM1"),
    Judgement("vi", "giao thong thong minh", "SMART"),
    Judgement("vi", "du lich so", "HERIT"),
    Judgement("vi", "nghi quyet 57", "RES57"),
    Judgement("vi", "5G cong nghiep", "G5IND"),
    Judgement("vi", "gap song phuong", "BILAT1"),
    Judgement("vi", "trung tam du lieu", "DC"),
    Judgement("vi", "ngoai giao van hoa", "CULT"),
    Judgement("vi", "ha tang so cong cong", "DPI"),
    Judgement("fr", "table ronde", "AIGOV"),
    Judgement("fr", "rencontres bilatérales", "BILAT1"),
    Judgement("fr", "rencontres d'affaires", "BM1"),
    Judgement("fr", "soirée culturelle", "CULT"),
    Judgement("fr", "seance de cloture", "CLOSE", why="accents left out"),
    Judgement("fr", "fibre 5G", "NB5G"),
    Judgement("fr", "centres de donnees", "DC"),
    Judgement("fr", "ecart entre les sexes", "GENDER"),
    Judgement("fr", "partenariat UE", "EUPART", why="UE is the Union européenne"),
    # Speakers, typed without their accents.
    Judgement("vi", "pham quang ngoc", "OPEN"),
    Judgement("en", "nguyen manh hung", "OPEN"),
    Judgement("en", "tony blair", "BLAIR"),
    Judgement("fr", "amandeep gill", "GILL"),
    Judgement("en", "jonathan baker", "RAM", why="the speaker, not in any title"),
    Judgement("vi", "blair", "BLAIR"),
    # Themes and their acronyms.
    Judgement("vi", "nhan luc so", "UNIV", "theme:digital-human-resources"),
    Judgement("fr", "infrastructures numériques", "SEC", "theme:digital-infrastructure"),
    Judgement("fr", "talents du numérique", "UNIV"),
    Judgement("vi", "quan tri TTNT", "AIGOV", why="TTNT is trí tuệ nhân tạo"),
    Judgement("vi", "CĐS khu vuc", "AIDT", why="CĐS is chuyển đổi số"),
    Judgement("fr", "éthique IA", "AIETH"),
    Judgement("en", "AI ethics", "AIETH"),
    Judgement("vi", "dao duc AI", "AIETH", why="đạo đức next to trí tuệ nhân tạo"),
    Judgement("en", "AI talent universities", "AITAL"),
    Judgement("en", "artificial intelligence heritage", "HERIT", why="the name finds the acronym"),
    # Rooms.
    Judgement("en", "hall b", "NB5G", "room:Ninh Binh — Hall B", why="first session there"),
    Judgement("vi", "phong hop 3", "STUP", "room:Hanoi — Meeting Room 3"),
    Judgement("fr", "salle plénière", "OPEN", "room:Ninh Binh — Main Hall"),
    # Typos, other spellings, plurals.
    Judgement("en", "manufacturng", "G5IND"),
    Judgement("en", "logisitcs", "SMART", why="two letters swapped"),
    Judgement("en", "bilaterel meetings", "BILAT1"),
    Judgement("fr", "cérémonie d'ouvertur", "OPEN"),
    Judgement("en", "fiber coverage", "NB5G", why="US spelling of fibre"),
    Judgement("en", "startup", "STUP"),
    Judgement("fr", "startup éthique", "STUP"),
    # Typed in another language than the reader's.
    Judgement("vi", "open source", "OSAI"),
    Judgement("fr", "smart manufacturing", "G5IND"),
    Judgement("en", "tri tue nhan tao nguon mo", "OSAI"),
]

DEMOCON = [
    Judgement("en", "curtis andrews", "43", "speaker:Curtis Andrews", why="five sessions"),
    Judgement("en", "artificial intelligence", "44"),
    Judgement("en", "seamless interface", "38"),
    Judgement("en", "networked help desk", "16"),
    Judgement("en", "graphical user interface", "50"),
    Judgement("en", "mariah estrada", "57", "speaker:Mariah Estrada"),
    Judgement("en", "middlewere", "59", why="a typo"),
    Judgement("en", "customer loyalty", "39"),
    Judgement("en", "focus group", "36"),
    Judgement("en", "stephanie hudson", "20", why="her first session is the 09:00 workshop"),
    Judgement("fr", "brooke sanders", "38"),
    Judgement("vi", "pricing structure", "61"),
]
