"""Fan-out: one render per language, one item per recipient, in the recipients' order."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.delivery.fan_out import fan_out
from bot.outgoing import Outgoing, Payload, Text

GREETINGS = {"vi": "Kính chào Quý vị", "en": "Welcome", "fr": "Bienvenue"}


def test_each_language_is_rendered_once_and_each_recipient_gets_theirs() -> None:
    rendered: list[str] = []

    def render(lang: str) -> Payload:
        rendered.append(lang)
        return Text(GREETINGS[lang])

    recipients = [(7, "vi"), (3, "en"), (9, "vi"), (1, "fr"), (4, "en")]
    start = datetime(2025, 10, 27, 2, 0, tzinfo=UTC)
    items = fan_out(recipients, render, "reminder:s1:", expires_at=start)
    assert rendered == ["vi", "en", "fr"]
    assert items == [
        Outgoing(7, Text("Kính chào Quý vị"), "reminder:s1:7", expires_at=start),
        Outgoing(3, Text("Welcome"), "reminder:s1:3", expires_at=start),
        Outgoing(9, Text("Kính chào Quý vị"), "reminder:s1:9", expires_at=start),
        Outgoing(1, Text("Bienvenue"), "reminder:s1:1", expires_at=start),
        Outgoing(4, Text("Welcome"), "reminder:s1:4", expires_at=start),
    ]


def test_a_language_with_nothing_to_say_gets_nothing() -> None:
    rendered: list[str] = []

    def render(lang: str) -> Payload | None:
        rendered.append(lang)
        return None if lang == "fr" else Text(GREETINGS[lang])

    items = fan_out([(1, "fr"), (2, "en"), (3, "fr")], render, "change:v2:s1:")
    assert rendered == ["fr", "en"]  # asked once, even for nothing
    assert items == [Outgoing(2, Text("Welcome"), "change:v2:s1:2")]


def test_no_recipients_render_nothing() -> None:
    def render(lang: str) -> Payload:
        raise AssertionError("nothing to render for nobody")

    assert fan_out([], render, "feedback:s1:") == []
