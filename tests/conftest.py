"""Shared fixtures: projects copied into temporary folders, built and checked as an editor would."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the measuring scripts are imported by tests, as scripts import each other

from gzip_host import QuietServer


def make_project(target: Path, *, seeds: bool = True, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of this project at ``target``: config, theme, hooks, the home page, and the demo content.

    With ``seeds=False``: no documents or stories, and of data/ only the organization and the award vocabulary.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    if seeds:
        shutil.copytree(ROOT / "data", target / "data")
    else:  # without the seed documents, only the data that references none of them
        (target / "data").mkdir()
        for name in ("to-chuc.yaml", "danh-hieu.yaml"):
            shutil.copy(ROOT / "data" / name, target / "data" / name)
    (target / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "site_hooks.py", target / "hooks" / "site_hooks.py")
    if seeds:
        shutil.copytree(ROOT / "content", target / "content")
    else:  # the pages that name no record: home, accessibility statement, editors' guide
        (target / "content").mkdir()
        for name in ("index.md", "kha-nang-tiep-can.md"):
            shutil.copy(ROOT / "content" / name, target / "content" / name)
        shutil.copytree(ROOT / "content" / "huong-dan", target / "content" / "huong-dan")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    write_files(target, files or {})
    return target


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write each file (path relative to ``root``: text as UTF-8, bytes as they are)."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def windows_1258(text: str) -> bytes:
    """Text as Excel and Notepad save it on a Vietnamese Windows: Windows-1258, vowels with their shape
    (â, ă, ơ…) precomposed and tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def run_script(name: str, root: Path, *args: str, **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/<name>.py on the project at ``root`` with ``args``, as `make` or an editor does (no
    terminal: a script that would ask a question stops instead), with extra environment variables."""
    # Test projects keep the demo's loopback site_url: they are built to be looked at here (a test of the
    # publishing guard passes GUONGSANG_DUNG_THU="" to build as for the public).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUONGSANG_DUNG_THU": "1", **env_vars}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / f"{name}.py"), "--root", str(root), *args],
        capture_output=True, text=True, env=env, check=False, stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project built once, strictly; returns its site/ folder."""
    root = make_project(tmp_path_factory.mktemp("demo"))
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    return root / "site"


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a browser downloaded by a test tool)."""
    chromium = shutil.which("chromium")
    assert chromium, "Chromium is installed by `make test` (scripts/install-chromium.sh)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: a test asserts on what it fetched."""


@pytest.fixture(scope="session")
def serve():
    """Serve built sites on loopback ports: ``serve(site_dir)`` returns the base URL."""
    import functools
    import threading

    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
