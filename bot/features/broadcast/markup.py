"""An announcement typed as Telegram HTML (in the console's text box) made safe to send.

Telegram refuses a message whose HTML does not parse, and the console shows the text as
Telegram will: so the tags Telegram formats are kept (balanced), every other character is
escaped, and a tag Telegram does not know is refused with its name rather than sent as is.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

TAGS = ("b", "strong", "i", "em", "u", "s", "code", "pre", "a")
LINK_SCHEMES = ("http://", "https://", "tg://")


class MarkupError(ValueError):
    """A tag Telegram does not format, or a link it will not open; args[0] names it."""


def telegram_html(typed: str) -> str:
    """The text as Telegram HTML: allowed tags kept and closed, the rest escaped."""
    parser = _Cleaner()
    parser.feed(typed.replace("\r\n", "\n").strip())
    parser.close()
    return parser.result()


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            raise MarkupError(f"<{tag}>")
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if not href.startswith(LINK_SCHEMES):
                raise MarkupError(f'<a href="{href}">')
            self._out.append(f'<a href="{escape(href)}">')
        else:
            self._out.append(f"<{tag}>")
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._open:
            return  # a stray end tag: nothing to close
        while self._open:
            last = self._open.pop()
            self._out.append(f"</{last}>")
            if last == tag:
                return

    def handle_data(self, data: str) -> None:
        self._out.append(escape(data, quote=False))

    def result(self) -> str:
        return "".join(self._out) + "".join(f"</{t}>" for t in reversed(self._open))
