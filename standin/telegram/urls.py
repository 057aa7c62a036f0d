"""The two addresses PTB takes from a Telegram stand-in, in this process or in a child."""

from __future__ import annotations

from abc import ABC, abstractmethod


class BotApiUrls(ABC):
    """base_url and base_file_url, below the server's root URL (http://host:port)."""

    @property
    @abstractmethod
    def root_url(self) -> str: ...

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.root_url}/file/bot"
