"""A local web host for measuring what readers download: static files, text gzip-compressed as GitHub
Pages, GitLab Pages and nginx send it (Pagefind's index and fragments are gzip already: sent as they are)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

CACHE_SECONDS = 600
"""How long a browser may reuse a file without asking again (GitHub Pages sends max-age=600)."""
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/wasm")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text is sent gzip-compressed to a client that accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if not path.is_file() or not content_type.startswith(COMPRESSED_TYPES) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()  # also the redirect of a folder's address without its '/'
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: the browser's own records are what is measured."""


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection early (a page left before its last request) is not an error."""

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def compressing_host(site: Path) -> Iterator[str]:
    """Serve ``site`` on a loopback port; yields the base URL."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
