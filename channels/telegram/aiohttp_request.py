"""A PTB request backend on aiohttp, for every call but file uploads.

httpx spends most of a request's CPU managing its connection pool; at 1,000 messages/s, or
with 2,000 attendees tapping at once, that, not Telegram, is the ceiling of a bot process.
aiohttp's client costs a fraction of it per request. File uploads go to another backend (PTB's
default httpx one): aiohttp percent-encodes non-ASCII file names, which would turn
"kết-quả.csv" into "k%E1%BA%BFt…".
"""

from __future__ import annotations

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

READ_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0


class AiohttpRequest(BaseRequest):
    def __init__(self, connections: int, *, uploads: BaseRequest | None = None) -> None:
        """`uploads` carries the requests with files; without it they are refused."""
        self._connections = connections
        self._uploads = uploads
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return READ_TIMEOUT

    async def initialize(self) -> None:
        if self._uploads is not None:
            await self._uploads.initialize()
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None
        if self._uploads is not None:
            await self._uploads.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        if request_data is not None and request_data.contains_files:
            if self._uploads is None:
                raise NotImplementedError("file uploads go through the interactive bot")
            return await self._uploads.do_request(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )
        read = READ_TIMEOUT if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = CONNECT_TIMEOUT if isinstance(connect_timeout, DefaultValue) else connect_timeout
        write = write_timeout if not isinstance(write_timeout, DefaultValue) else None
        total = None if read is None else read + (write or 0) + (connect or 0)
        timeout = aiohttp.ClientTimeout(total=total, sock_connect=connect, sock_read=read)
        try:
            fields = request_data.json_parameters if request_data else None
            async with self._session.request(method, url, data=fields, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
