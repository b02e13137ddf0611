"""`mkdocs serve` that never hangs: rebuilds go to a staging folder and only a good one is served.

MkDocs's live server holds every request until a rebuild succeeds, so one bad save used to freeze all open
pages, and a build failing after it had emptied the served folder left half a site. Here a rebuild writes
beside the served folder and is swapped in only when it finishes; a failed one keeps the last good site,
lets the server move on (browsers reload), and every HTML page carries the error at its top until the next
good build. Duck-typed on MkDocs's LiveReloadServer (``root``, ``builder``, ``error_handler``,
``_inject_js_into_html``), so this module imports nothing from MkDocs.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO, TypeVar

log = logging.getLogger("mkdocs.plugins.guongsang")

BANNER_ID = "gs-loi-dung-trang"
"""The banner's id: tests and the eye find it; nothing styles it from outside."""
MAX_LINES = 40
"""Error lines shown in the banner; the terminal has them all."""
_BODY = re.compile(rb"<body\b[^>]*>", re.I)


class LiveServer(Protocol):
    """What is used of MkDocs's LiveReloadServer."""

    root: str
    builder: Callable[[], None]
    error_handler: Callable[[int], bytes | None]

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes: ...


Server = TypeVar("Server", bound=LiveServer)


@dataclass
class _Session:
    dirty: bool
    """`mkdocs serve --dirty`: a rebuild writes only changed pages, so staging starts as a copy."""
    served: Path | None = None
    """The folder the server reads (MkDocs's temporary folder); set once rebuilds are staged."""
    failure: str | None = None
    """The banner of the last rebuild if it failed, already HTML."""

    @property
    def staging(self) -> Path:
        assert self.served is not None
        return self.served.with_name(f"{self.served.name}.staging")

    @property
    def previous(self) -> Path:
        assert self.served is not None
        return self.served.with_name(f"{self.served.name}.old")


_session: _Session | None = None


def start(serve: bool, dirty: bool) -> None:
    """A new run of MkDocs: stage rebuilds only under `mkdocs serve` (never under `mkdocs build`)."""
    global _session
    _session = _Session(dirty) if serve else None


def is_serving() -> bool:
    """Whether this run is `mkdocs serve` (pages for this machine only), not a build to publish."""
    return _session is not None


def staging_dir() -> str | None:
    """Where this build writes: a fresh staging folder once the server runs, None to leave MkDocs's choice.

    The first build of `mkdocs serve` writes straight into the served folder: if it fails, serve stops.
    """
    if _session is None or _session.served is None:
        return None
    staging = _session.staging
    shutil.rmtree(staging, ignore_errors=True)
    if _session.dirty:
        shutil.copytree(_session.served, staging)  # copies keep the times --dirty compares
    else:
        staging.mkdir()
    return str(staging)


def keep_last_good(server: Server, quick: Callable[[Path], bool]) -> Server:
    """Stage the server's rebuilds and show the last failure on every HTML page it sends. ``quick`` first
    tries to bring the served folder up to date in place (True when it did)."""
    session = _session
    if session is None:
        return server
    session.served = Path(server.root)
    full, inject, error_page = server.builder, server._inject_js_into_html, server.error_handler

    def builder() -> None:
        assert session.served is not None
        served = session.served

        def build() -> None:
            if not quick(served):
                full()
                _publish(session)

        _rebuild(session, build)

    def inject_into(content: bytes, epoch: int) -> bytes:
        return inject(_with_banner(session, content), epoch)

    def error_handler(code: int) -> bytes | None:
        page = error_page(code)
        return _with_banner(session, page) if page is not None else None

    server.builder, server.error_handler = builder, error_handler
    server._inject_js_into_html = inject_into  # type: ignore[method-assign]
    return server


def stop() -> None:
    """Remove the staging and previous folders (MkDocs removes the served one)."""
    if _session is not None and _session.served is not None:
        shutil.rmtree(_session.staging, ignore_errors=True)
        shutil.rmtree(_session.previous, ignore_errors=True)


def _rebuild(session: _Session, build: Callable[[], None]) -> None:
    """Run the build; if it fails, keep the served site and say why.

    Returning normally either way lets the server answer requests again and reload the browsers.
    """
    failed: Exception | None = None
    with _captured() as written:
        try:
            build()
        except Exception as exc:
            failed = exc
    if failed is None:
        if session.failure is not None:
            log.info("guongsang: dựng lại thành công, đã bỏ thông báo lỗi trên trang")
        session.failure = None
        return
    # Like MkDocs: an Abort (a SystemExit) is a message for the editor, anything else a bug.
    if isinstance(failed, SystemExit):
        print(failed, file=sys.stderr)
    else:
        traceback.print_exception(failed)
    session.failure = banner([*"".join(written).splitlines(), _message(failed)], time.strftime("%H:%M:%S"))
    log.error("guongsang: dựng lại không thành công; vẫn phục vụ bản dựng tốt gần nhất, lỗi hiện ở đầu mỗi trang")


def _message(failed: Exception) -> str:
    """An Abort's own words; for anything else its type, and its place when it has one (a template's line)."""
    if isinstance(failed, SystemExit):
        return str(failed)
    filename, line = getattr(failed, "filename", None), getattr(failed, "lineno", None)
    where = f"{filename}:{line}: " if filename and line else ""
    return f"{where}{type(failed).__name__}: {failed}"


def _publish(session: _Session) -> None:
    """Swap the staging folder in under the served path (MkDocs reads 404.html there)."""
    served, previous = session.served, session.previous
    assert served is not None
    shutil.rmtree(previous, ignore_errors=True)
    served.rename(previous)
    try:
        session.staging.rename(served)
    except OSError:
        previous.rename(served)
        raise
    shutil.rmtree(previous, ignore_errors=True)


@contextlib.contextmanager
def _captured() -> Iterator[list[str]]:
    """What the build thread writes to stderr (our diagnostics) and logs at WARNING or above (MkDocs's
    own, which strict mode turns into a failure), in order; both still reach the terminal."""
    written: list[str] = []
    thread = threading.get_ident()
    handler = _Kept(written, thread)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stderr(_Tee(sys.stderr, written, thread)):
            yield written
    finally:
        logger.removeHandler(handler)


class _Kept(logging.Handler):
    """Keeps the messages one thread logs at WARNING or above."""

    def __init__(self, kept: list[str], thread: int) -> None:
        super().__init__(logging.WARNING)
        self._kept, self._thread = kept, thread

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self._thread:
            self._kept.append(f"{record.getMessage()}\n")


class _Tee:
    """A stderr that also keeps what one thread writes."""

    def __init__(self, stream: TextIO, kept: list[str], thread: int) -> None:
        self._stream, self._kept, self._thread = stream, kept, thread

    def write(self, text: str) -> int:
        if threading.get_ident() == self._thread:
            self._kept.append(text)
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def banner(lines: list[str], at: str) -> str:
    """The notice at the top of each page: plain text, escaped, wrapping on a phone, nothing to focus."""
    shown = list(dict.fromkeys(line.rstrip() for line in lines if line.strip()))  # once each, in order
    if len(shown) > MAX_LINES:
        shown = [*shown[:MAX_LINES], f"… và {len(shown) - MAX_LINES} dòng nữa (xem cửa sổ dòng lệnh)."]
    items = "".join(f'<li style="margin:0 0 .25em">{html.escape(line, quote=False)}</li>' for line in shown)
    return (
        f'<div id="{BANNER_ID}" role="alert" lang="vi" style="box-sizing:border-box;width:100%;margin:0;'
        "padding:.75em 1em;background:#fff4f2;color:#1a1a1a;border-left:.4em solid #b71c1c;"
        'border-bottom:1px solid #b71c1c;font:max(.8rem,16px)/1.5 system-ui,sans-serif;overflow-wrap:anywhere">'
        f'<p style="margin:0 0 .4em;font-weight:700">Chưa dựng được trang từ thay đổi vừa lưu (lúc {at}).</p>'
        '<p style="margin:0 0 .4em">Trang này là bản dựng thành công gần nhất, chưa có thay đổi đó. '
        "Sửa các lỗi dưới đây rồi lưu lại: trang sẽ tự tải lại.</p>"
        f'<ul style="margin:0;padding-left:1.25em">{items}</ul></div>'
    )


def _with_banner(session: _Session, page: bytes) -> bytes:
    """The page with the last failure's banner first in its body (unchanged after a good build)."""
    failure = session.failure
    if failure is None:
        return page
    found = _BODY.search(page)
    at = found.end() if found else 0
    return page[:at] + failure.encode() + page[at:]
