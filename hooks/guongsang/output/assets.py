"""Assets shipped by packages (never copied into the repository): the Tinos font for documents.

Tinos is metric-compatible with Times New Roman, the font Nghị định 30/2020 prescribes, and covers
Vietnamese; it comes from the npm package @fontsource/tinos, installed by `make`.
"""

from __future__ import annotations

import re
from pathlib import Path

FONT_PACKAGE = Path("node_modules/@fontsource/tinos")
FONT_DIR = "assets/fonts/tinos/"
FONT_CSS = "assets/fonts/tinos.css"
# Basic Latin plus the Vietnamese subset cover every letter of Vietnamese. Latin Extended is left out:
# its range also holds ă, đ, ĩ, ũ, ơ, ư, so a browser would download it (80 KB a style) on every document.
_SUBSETS = ("latin", "vietnamese")
_BLOCK = re.compile(r"/\* tinos-(?P<subset>[a-z-]+)-(?:400|700)-(?:normal|italic) \*/\s*(?P<rule>@font-face \{.*?\})", re.DOTALL)
_SOURCES = re.compile(r"src: url\(\./files/(?P<file>[^)]+\.woff2)\) format\('woff2'\)[^;]*;")


class MissingAsset(Exception):
    """A package the site needs is not installed."""


def _package(root: Path) -> Path:
    package = root / FONT_PACKAGE
    if not package.is_dir():
        raise MissingAsset(f"thiếu phông chữ Tinos ({FONT_PACKAGE}); chạy 'make build' hoặc 'npm ci' để cài")
    return package


def font_css(root: Path) -> str:
    """@font-face rules for the Latin and Vietnamese subsets, pointing at the shipped woff2 files."""
    package = _package(root)
    rules = []
    for name in ("400.css", "400-italic.css", "700.css", "700-italic.css"):
        for block in _BLOCK.finditer((package / name).read_text(encoding="utf-8")):
            if block.group("subset") in _SUBSETS:
                rule = _SOURCES.sub(lambda m: f"src: url(tinos/{m.group('file')}) format('woff2');", block.group("rule"))
                rules.append(rule)
    return "\n".join(rules) + "\n"


def font_files(root: Path) -> dict[str, Path]:
    """Site path -> installed file, for every woff2 file the CSS refers to."""
    files = _package(root) / "files"
    return {
        f"{FONT_DIR}{path.name}": path
        for path in sorted(files.glob("tinos-*.woff2"))
        if path.name.rsplit("-", 2)[0] in {f"tinos-{subset}" for subset in _SUBSETS}
    }
