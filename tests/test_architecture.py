"""The package's layers (see guongsang/__init__.py): each module imports only its own layer and those
before it, no two modules import each other in a circle, and only the adapter imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "guongsang"

LAYERS = [
    ("diagnostics", "lang"),
    ("settings", "paths", "urls"),
    ("records",),
    ("checks",),
    ("site",),
    ("pages",),
    ("output",),
    ("project",),
    ("office", "mkdocs_adapter"),
]
"""Layers in build order. Names in one tuple share a rank: they may not import each other, except the
foundation (diagnostics, lang), which the settings and everything after build on."""


def _rank(module: str) -> tuple[int, str]:
    top = module.split(".")[1]
    for rank, names in enumerate(LAYERS):
        if top in names:
            return rank, top
    raise AssertionError(f"{module}: in no layer of tests/test_architecture.py")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(source: str, modules: set[str]) -> set[str]:
    """Every module ``source`` imports, at any depth of its code (TYPE_CHECKING included)."""
    result = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            result |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            result.add(node.module)
            result |= {f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in modules}
    return result


def _breaches(imports: dict[str, set[str]]) -> list[str]:
    """'a imports b' for each import of a later layer, or of another folder of the same rank."""
    found = []
    for module, imported in sorted(imports.items()):
        if module.count(".") == 0:
            continue
        rank, top = _rank(module)
        for other in sorted(i for i in imported if i in imports and i.count(".") >= 1):
            other_rank, other_top = _rank(other)
            if other_rank > rank or (other_rank == rank and other_top != top and rank > 0):
                found.append(f"{module} imports {other}")
    return found


def _circles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Import circles between modules (a package's __init__ only re-exporting is not a module of its own)."""
    graph = {m: {i for i in imported if i in imports} for m, imported in imports.items()}
    state: dict[str, int] = {}
    found: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(graph[module]):
            if state.get(nxt) == 1 and nxt in trail:
                found.append([*trail[trail.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


MODULES = _modules()
IMPORTS = {name: _imports(path.read_text(encoding="utf-8"), set(MODULES)) for name, path in MODULES.items()}


def test_no_module_imports_a_later_layer() -> None:
    assert _breaches(IMPORTS) == []


def test_no_two_modules_import_each_other_in_a_circle() -> None:
    assert _circles(IMPORTS) == []


def test_only_the_adapter_imports_mkdocs() -> None:
    importers = sorted(
        m for m, imported in IMPORTS.items()
        if any(i == "mkdocs" or i.startswith("mkdocs.") for i in imported) and not m.startswith("guongsang.mkdocs_adapter")
    )
    assert importers == []


def test_the_checks_see_a_breach_and_a_circle() -> None:
    """A records module importing the site (even for a type only), and two site modules importing each other."""
    modules = {"guongsang.records.models", "guongsang.site.linking", "guongsang.site.events", "guongsang.lang.text"}
    sources = {
        "guongsang.records.models": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from guongsang.site.linking import SiteModel\n",
        "guongsang.site.linking": "from guongsang.site import events\nfrom guongsang.lang import text\n",
        "guongsang.site.events": "def f():\n    from guongsang.site.linking import SiteModel\n",
        "guongsang.lang.text": "",
    }
    imports = {name: _imports(source, modules) for name, source in sources.items()}
    assert _breaches(imports) == ["guongsang.records.models imports guongsang.site.linking"]
    assert _circles(imports) == [["guongsang.site.linking", "guongsang.site.events", "guongsang.site.linking"]]
