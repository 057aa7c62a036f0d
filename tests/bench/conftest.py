"""The benchmarks on small crowds run the whole bot: they count as end-to-end."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import mark_folder


@pytest.hookimpl(tryfirst=True)  # mark before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pytest -m "not e2e"` (make test-fast) leaves these out."""
    mark_folder(items, Path(__file__).parent, pytest.mark.e2e)
