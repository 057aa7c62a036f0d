"""The Zalo Bot API: POST {base}/bot<token>/<method> with JSON; {"ok", "result"} back."""

from __future__ import annotations

from typing import Any

import aiohttp

REQUEST_TIMEOUT = 10.0
NO_UPDATE = 408  # getUpdates: nothing arrived within the long-poll timeout


class ZaloError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(f"Zalo error {code}: {description}")
        self.code = code
        self.description = description


class ZaloClient:
    """One aiohttp session; errors are ZaloError (code 0: the network, never the token)."""

    def __init__(self, token: str, base_url: str) -> None:
        self._prefix = f"{base_url.rstrip('/')}/bot{token}/"
        self._session: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=16), raise_for_status=False
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def call(
        self,
        method: str,
        params: dict[str, Any],
        timeout: float = REQUEST_TIMEOUT,  # noqa: ASYNC109 (per request: long polls are longer)
    ) -> Any:
        assert self._session is not None, "open() the client first"
        try:
            async with self._session.post(
                self._prefix + method, json=params, timeout=aiohttp.ClientTimeout(total=timeout)
            ) as response:
                try:
                    body = await response.json(content_type=None)
                except ValueError:
                    raise ZaloError(response.status, f"{method}: not a JSON answer") from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            # The URL holds the token: name the method and the error kind only.
            raise ZaloError(0, f"{method}: {type(exc).__name__}") from None
        if not isinstance(body, dict):
            raise ZaloError(response.status, f"{method}: unexpected answer")
        if body.get("ok") is True:
            return body.get("result")
        code = int(body.get("error_code") or response.status or 0)
        raise ZaloError(code, f"{method}: {body.get('description') or 'error'}")

    async def get_me(self) -> dict[str, Any]:
        result = await self.call("getMe", {})
        return result if isinstance(result, dict) else {}

    async def get_update(self, timeout: int) -> dict[str, Any] | None:  # noqa: ASYNC109
        """One update, or None when none arrived within `timeout` seconds."""
        try:
            result = await self.call("getUpdates", {"timeout": timeout}, timeout=timeout + 10)
        except ZaloError as exc:
            if exc.code == NO_UPDATE:
                return None
            raise
        return result if isinstance(result, dict) else None

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        result = await self.call("sendMessage", {"chat_id": chat_id, "text": text})
        return result if isinstance(result, dict) else {}

    async def send_photo(self, chat_id: str, photo: str, caption: str) -> dict[str, Any]:
        params = {"chat_id": chat_id, "photo": photo, "caption": caption}
        result = await self.call("sendPhoto", params)
        return result if isinstance(result, dict) else {}

    async def typing(self, chat_id: str) -> None:
        await self.call("sendChatAction", {"chat_id": chat_id, "action": "typing"})

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.call("setWebhook", {"url": url, "secret_token": secret})

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook", {})
