"""The package's layers (see guongsang/__init__.py): each module imports only its own layer and those
before it, no two modules import each other in a circle, and only the adapter imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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
"""Layers in build order; names in one tuple share a rank (and must not import each other's folders)."""


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


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every package module ``path`` imports, at any depth of its code (TYPE_CHECKING included)."""
    result = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            result |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            result.add(node.module)
            result |= {f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in modules}
    return result


MODULES = _modules()
IMPORTS = {name: _imports(path, MODULES) for name, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.count(".") >= 1))
def test_a_module_imports_no_layer_after_its_own(module: str) -> None:
    rank, top = _rank(module)
    wrong = []
    for imported in IMPORTS[module]:
        if not imported.startswith("guongsang.") or imported not in MODULES:
            continue
        other_rank, other_top = _rank(imported)
        if other_rank > rank or (other_rank == rank and other_top != top and top not in ("diagnostics",)):
            wrong.append(imported)
    assert not wrong, f"{module} imports from a later layer: {sorted(wrong)}"


def test_no_two_modules_import_each_other_in_a_circle() -> None:
    graph = {m: {i for i in IMPORTS[m] if i in MODULES and not MODULES[i].name == "__init__.py"} for m in MODULES}
    state: dict[str, int] = {}
    circles = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(graph[module]):
            if state.get(nxt) == 1:
                circles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [module, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, f"import circles: {circles}"


def test_only_the_adapter_imports_mkdocs() -> None:
    importers = sorted(
        m for m, imported in IMPORTS.items()
        if any(i == "mkdocs" or i.startswith("mkdocs.") for i in imported) and not m.startswith("guongsang.mkdocs_adapter")
    )
    assert importers == []


def test_the_layers_check_can_fail() -> None:
    """The check above would see an import of a later layer (a records module importing the site)."""
    source = "from guongsang.site.linking import SiteModel\n"
    tree = ast.parse(source)
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert _rank("guongsang.records.models")[0] < _rank(next(iter(imported)))[0]
