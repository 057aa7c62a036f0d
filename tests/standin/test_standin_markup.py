"""Telegram's HTML parse mode as the stand-in reads it."""

from __future__ import annotations

import pytest

from standin.telegram.errors import ApiError
from standin.telegram.markup import parse_html


def test_tags_are_stripped_and_become_entities() -> None:
    text, entities = parse_html('<b>Hội thảo</b> at <a href="https://x.vn">room 3</a>')
    assert text == "Hội thảo at room 3"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 8},
        {"type": "text_link", "offset": 12, "length": 6, "url": "https://x.vn"},
    ]


def test_offsets_count_utf16_units() -> None:
    text, entities = parse_html("🎉 <i>party</i>")
    assert text == "🎉 party"
    assert entities == [{"type": "italic", "offset": 3, "length": 5}]  # the emoji takes two


def test_only_four_named_entities_and_numeric_ones_are_decoded() -> None:
    text, _ = parse_html("&lt;&gt;&amp;&quot;&#39;&#x41;&nbsp;R&D")
    assert text == "<>&\"'A&nbsp;R&D"


def test_nested_tags_and_spoiler_span() -> None:
    text, entities = parse_html('<b>a<i>b</i></b><span class="tg-spoiler">c</span>')
    assert text == "abc"
    assert [e["type"] for e in entities] == ["bold", "italic", "spoiler"]


def test_expandable_blockquote() -> None:
    _, entities = parse_html("<blockquote expandable>long</blockquote>")
    assert entities[0]["type"] == "expandable_blockquote"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("ok</b>", "Unexpected end tag at byte offset 2"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("é <p>x</p>", 'Unsupported start tag "p" at byte offset 3'),  # é is two bytes
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ],
)
def test_malformed_html_is_refused_like_telegram(source: str, reason: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_html(source)
    assert caught.value.status == 400
    assert caught.value.description == f"Bad Request: can't parse entities: {reason}"


def test_a_reference_that_is_no_character_stays_literal() -> None:
    assert parse_html("&#0; &#x110000;") == ("&#0; &#x110000;", [])
