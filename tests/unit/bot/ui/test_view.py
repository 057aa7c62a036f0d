"""plain(): Telegram HTML as a channel without formatting shows it, and as Telegram counts it."""

from bot.ui.view import plain


def test_tags_go_and_entities_are_decoded() -> None:
    html = '<b>Phiên toàn thể</b> &amp; <i>Q&amp;A</i> — <a href="https://vidw.vn">vidw.vn</a>'
    assert plain(html) == "Phiên toàn thể & Q&A — vidw.vn"


def test_text_without_markup_is_unchanged() -> None:
    assert plain("Lịch trình 27/10, 08:30 < 09:00") == "Lịch trình 27/10, 08:30 < 09:00"
