"""A real `mkdocs serve` for the tests: started on a free port in a project folder, stopped as Ctrl+C does."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PATIENCE = 30.0
"""Seconds a rebuild may take to show; also every request's timeout, so nothing here can hang."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(root: Path, temp: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` on the project at ``root``, its temporary folders in ``temp``; yields the base URL and its log."""
    port = free_port()
    log = root.parent / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp), **(env or {})}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 2 * PATIENCE
        while True:
            assert server.poll() is None, log.read_text(encoding="utf-8")
            try:
                fetch(base)
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
                time.sleep(0.2)
        yield base, log
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs and our hook remove their folders
        try:
            server.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=PATIENCE) as response:
        assert response.status == 200
        return response.read().decode("utf-8")
