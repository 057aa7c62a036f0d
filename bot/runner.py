"""Run an Application inside an existing event loop (demo, tests, benchmarks).

`run_polling` owns the loop and calls post_init itself; here we do those steps by hand.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application


@asynccontextmanager
async def running(
    app: Application[Any, Any, Any, Any, Any, Any], poll_timeout: int = 10
) -> AsyncIterator[None]:
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    try:
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )
        await app.start()
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
