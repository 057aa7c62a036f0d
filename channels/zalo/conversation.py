"""A Zalo message, understood: a number picks from the last message's choices (or answers its
poll), a plain word or /command opens a screen, anything else is a search or a comment —
the same navigator, route table, screens and database as on Telegram."""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.channels import ZALO
from bot.deps import Deps
from bot.navigation.voting import after_vote
from bot.storage import UserProfile
from bot.ui import menus
from bot.ui.actions import Go
from bot.ui.answer import Answer, File, Notice, Pin, Poll, Preview, Shown
from bot.ui.model import PollRequest, Screen, pin_text
from channels.zalo.transport import ZaloTransport

log = logging.getLogger(__name__)

TEXT_EVENT = "message.text.received"
_NUMBERS = re.compile(r"\d{1,3}([ ,;]+\d{1,3})*")
MAX_TEXT = 4000  # longer messages are cut before they reach the search


class ZaloConversation:
    def __init__(self, deps: Deps, transport: ZaloTransport) -> None:
        self._deps = deps
        self._transport = transport

    async def handle(self, update: dict[str, Any]) -> None:
        message = update.get("message")
        if not isinstance(message, dict):
            return
        sender = _mapping(message.get("from"))
        chat = _mapping(message.get("chat"))
        external = str(sender.get("id") or chat.get("id") or "")
        if not external or str(chat.get("chat_type") or "PRIVATE").upper() != "PRIVATE":
            return  # the bot serves private chats only
        name = str(
            sender.get("display_name") or sender.get("name") or sender.get("first_name") or ""
        )
        deps = self._deps
        user_id, first_contact = await deps.storage.channel_users.user_id(ZALO, external)
        # Zalo tells no language: Vietnamese until the user picks one (asked at first contact).
        profile = await deps.navigator.meet(user_id, "vi")
        view = deps.navigator.view(profile)
        if first_contact:
            await self._show(
                profile, external, await deps.navigator.tap(profile, name, Go.LANGUAGE)
            )
            return
        if update.get("event_name") != TEXT_EVENT or not isinstance(message.get("text"), str):
            await self._show(profile, external, Answer(menus.text_only(view)))
            return
        answer = await self._understand(profile, name, message["text"][:MAX_TEXT])
        # Read again: the answer may have changed the language the hints are written in.
        profile = await deps.storage.users.get(user_id) or profile
        await self._show(profile, external, answer)

    async def refuse(self, update: dict[str, Any]) -> None:
        """The user sent more than their share at once: ask them to slow down."""
        sender = _mapping(_mapping(update.get("message")).get("from"))
        external = str(sender.get("id") or "")
        if not external:
            return
        deps = self._deps
        user_id, _ = await deps.storage.channel_users.user_id(ZALO, external)
        profile = await deps.navigator.meet(user_id, "vi")
        text = menus.slow_down(deps.navigator.view(profile))
        await self._transport.send_note(external, text)

    async def _understand(self, profile: UserProfile, name: str, text: str) -> Answer:
        navigator = self._deps.navigator
        view = navigator.view(profile)
        words = text.strip()
        if _NUMBERS.fullmatch(words):
            pending = await self._deps.storage.channel_users.pending(profile.id) or {}
            if "poll" in pending:
                return await self._vote(profile, pending, words)
            choices = pending.get("menu") or []
            number = int(re.split(r"[ ,;]+", words)[0])
            if 1 <= number <= len(choices):
                return await navigator.tap(profile, name, str(choices[number - 1]))
            if choices:
                return Answer(None, menus.pick_a_number(view, len(choices)))
        if words.startswith("/"):  # typed commands, as on Telegram (Zalo has no menu for them)
            command, *args = words[1:].split() or [""]
            return await navigator.command(profile, name, command.lower(), args)
        return await navigator.text(profile, text, first_name=name)  # words: keywords, search

    async def _vote(self, profile: UserProfile, pending: dict[str, Any], words: str) -> Answer:
        deps = self._deps
        view = deps.navigator.view(profile)
        numbers: dict[str, int] = pending.get("numbers") or {}
        picked = [numbers.get(str(int(n))) for n in re.split(r"[ ,;]+", words)]
        if None in picked or not picked or (len(picked) > 1 and not pending.get("multiple")):
            return Answer(None, menus.pick_an_answer(view))
        options = sorted({i for i in picked if i is not None})
        answered = await deps.feedback.on_answer(str(pending["poll"]), profile.id, options)
        await deps.storage.channel_users.set_pending(profile.id, None)
        step = await after_vote(view, profile.id, answered, deps.surveys)
        if isinstance(step, PollRequest):
            return Answer(None, poll=step)
        return Answer(step, menus.answer_saved(view))

    async def _show(self, profile: UserProfile, external: str, answer: Answer) -> None:
        """Each part in its turn; notices go above the next screen (numbered text has no
        pop-up), or on their own when no screen follows (the last choices still stand)."""
        view = self._deps.navigator.view(profile)
        notes: list[str] = []
        for part in answer.parts(view):
            match part:
                case Notice(text):
                    notes.append(text)
                case Preview(screen) | Shown(screen, _, _):
                    await self._send_screen(profile, external, screen, notes)
                    notes = []
                case File():  # not on Zalo: Answer.parts gives their captions as notices
                    pass
                case Poll(request):
                    await self._send_notes(external, notes)
                    notes = []
                    await self._send_poll(profile, external, request)
                case Pin(pin):  # no maps on Zalo: the link and the coordinates
                    notes.append(pin_text(pin))
        await self._send_notes(external, notes)

    async def _send_screen(
        self, profile: UserProfile, external: str, screen: Screen, notes: list[str]
    ) -> None:
        transport = self._transport
        t = self._deps.navigator.view(profile).t
        notice = "\n".join(notes) or None
        await transport.retrying(
            lambda: transport.send_screen(profile.id, external, screen, t, notice)
        )

    async def _send_notes(self, external: str, notes: list[str]) -> None:
        if notes:
            note = "\n".join(notes)
            await self._transport.retrying(lambda: self._transport.send_note(external, note))

    async def _send_poll(self, profile: UserProfile, external: str, request: PollRequest) -> None:
        transport = self._transport
        t = self._deps.navigator.view(profile).t
        poll_id = await transport.retrying(
            lambda: transport.send_poll(profile.id, external, request, t)
        )
        await self._deps.feedback.register(poll_id, 0, profile.id, request)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
