"""What .importlinter cannot say: bot/ serves no HTTP itself (aiohttp's client is fine, its
server lives in web/ and the channels), so the staff console and health pages stay out of it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports_aiohttp_web(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            a.name == "aiohttp.web" or a.name.startswith("aiohttp.web.") for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == "aiohttp" and any(a.name == "web" for a in node.names):
                return True
            if node.module == "aiohttp.web" or node.module.startswith("aiohttp.web"):
                return True
    return False


def test_bot_imports_no_http_server() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "bot").rglob("*.py"))
        if _imports_aiohttp_web(ast.parse(path.read_text("utf-8")))
    ]
    assert offenders == []


def test_the_check_sees_both_ways_of_importing_the_server() -> None:
    assert _imports_aiohttp_web(ast.parse("from aiohttp import web"))
    assert _imports_aiohttp_web(ast.parse("import aiohttp.web"))
    assert not _imports_aiohttp_web(ast.parse("import aiohttp"))
