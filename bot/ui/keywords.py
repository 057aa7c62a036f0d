"""Plain words that work as commands on every channel, in Vietnamese, English and French.

Zalo has no command menu, so "lịch", "programme" or "aide" open the same screens as /schedule,
/schedule and /help. A message is a keyword only if it is nothing else (one word or a short
fixed phrase, accents and case ignored); anything longer is a search as before.
"""

from __future__ import annotations

from bot.programme.textfold import words

_KEYWORDS: dict[str, tuple[str, ...]] = {
    "start": ("start", "menu", "bat dau", "trang chu", "accueil", "debut", "home"),
    "schedule": ("schedule", "programme", "program", "lich", "lich trinh", "chuong trinh"),
    "now": ("now", "now and next", "bay gio", "dang dien ra", "maintenant", "en ce moment"),
    "days": ("days", "by day", "theo ngay", "jours", "par jour"),
    "agenda": ("agenda", "my agenda", "lich cua toi", "mon agenda"),
    "reminders": ("reminders", "nhac", "loi nhac", "nhac nho", "rappels"),
    "feedback": ("feedback", "rate", "danh gia", "gop y", "avis", "noter"),
    "language": ("language", "ngon ngu", "langue", "tieng viet", "english", "francais"),
    "help": ("help", "tro giup", "giup", "huong dan", "aide"),
    "privacy": ("privacy", "quyen rieng tu", "confidentialite", "vie privee"),
    "forget": ("forget", "forget me", "xoa du lieu", "oublier", "effacer mes donnees"),
}
_BY_WORDS = {phrase: command for command, phrases in _KEYWORDS.items() for phrase in phrases}
MAX_KEYWORD_CHARS = 24


def command_for(text: str) -> str | None:
    """The command a plain message stands for ('Lịch' → 'schedule'), or None."""
    text = text.strip().removeprefix("/")
    if not text or len(text) > MAX_KEYWORD_CHARS:
        return None
    return _BY_WORDS.get(" ".join(words(text)))
