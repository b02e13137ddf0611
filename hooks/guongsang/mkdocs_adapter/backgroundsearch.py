"""The search index of the served site, made again in the background after a rebuild under `make serve`:
Pagefind has no incremental mode, and indexing thousands of pages takes longer than the rebuild itself.

The page is served first; the index is written beside the served folder and swapped in when complete, so
a search meanwhile uses the previous index. A newer rebuild (or a full build) stops an index still
being made.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from pathlib import Path

from guongsang.output import search, searchchunks
from guongsang.output.context import OutputError

log = logging.getLogger("mkdocs.plugins.guongsang")

_lock = threading.Lock()
_indexer: subprocess.Popen[str] | None = None
_fresh: Path | None = None
"""Where the index under way is written."""
_runs = 0
_THREAD_NAME = "guongsang-chi-muc"


def reindex(served_dir: Path) -> None:
    """Stop an index under way and start one of ``served_dir`` as it is now."""
    global _indexer, _fresh, _runs
    cancel()
    with _lock:
        _runs += 1
        fresh = served_dir.with_name(f"{served_dir.name}.pagefind-{_runs}")  # a stopped run's folder is its own
        _indexer, _fresh = search.start_index(served_dir, fresh), fresh
        threading.Thread(target=_swap_when_done, args=(_indexer, served_dir, fresh), name=_THREAD_NAME, daemon=True).start()


def cancel() -> None:
    """Stop the index under way, if any, and remove what it wrote (a rebuild, or the server stopping)."""
    global _indexer
    with _lock:
        if _indexer is not None and _indexer.poll() is None:
            _indexer.kill()
            _indexer.wait()
        _indexer = None
        if _fresh is not None:
            shutil.rmtree(_fresh, ignore_errors=True)


def _swap_when_done(indexer: subprocess.Popen[str], served_dir: Path, fresh: Path) -> None:
    _, errors = indexer.communicate()
    with _lock:
        if indexer.returncode != 0 or _indexer is not indexer:
            shutil.rmtree(fresh, ignore_errors=True)
            if indexer.returncode not in (0, -9):
                log.warning(f"guongsang: chưa làm lại được chỉ mục tìm kiếm: {errors.strip()}")
            return
        try:
            searchchunks.join_chunks(fresh)
        except OutputError as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            log.warning(f"guongsang: chưa làm lại được chỉ mục tìm kiếm: {exc}")
            return
        target = served_dir / "pagefind"
        old = fresh.with_name(f"{fresh.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    log.info("guongsang: đã làm lại chỉ mục tìm kiếm")
