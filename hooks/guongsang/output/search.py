"""The search index: Pagefind (its Rust indexer, from PyPI) indexes the pages marked data-pagefind-body
into site/pagefind/, while the scanner reads the same pages; then its word index is cut into chunks of
the size Pagefind means (searchchunks.py), and the scanner reads the index."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

from guongsang import urls
from guongsang.output import scanner, searchchunks
from guongsang.output.context import OutputError


def index_and_scan(site_dir: Path, allowed: Collection[str], cache_dir: Path) -> list[scanner.Finding]:
    """What looks like personal data in the pages (the index is then not made), else in the index.

    Pagefind indexes while the scanner reads the same pages (in worker processes, scanner.py)."""
    indexer = start_index(site_dir)
    try:
        findings = scanner.scan(site_dir, allowed, cache_dir / "scanned-clean.txt")
    except BaseException:
        indexer.kill()
        raise
    if findings:
        indexer.kill()
        return findings
    _, errors = indexer.communicate()
    if indexer.returncode != 0:
        raise OutputError(f"không tạo được chỉ mục tìm kiếm (Pagefind): {errors.strip()}")
    searchchunks.join_chunks(site_dir / Path(urls.SEARCH_ENGINE).parent)
    return scanner.scan_search_index(site_dir, allowed, cache_dir / "scanned-index-clean.txt")


def start_index(site_dir: Path, output_dir: Path | None = None) -> subprocess.Popen[str]:
    """Pagefind indexing ``site_dir`` into its pagefind/ folder, or into ``output_dir``."""
    output = ["--output-path", str(output_dir)] if output_dir is not None else []
    return subprocess.Popen(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", urls.SEARCHABLE_PAGES,
         "--force-language", "vi", "--silent", *output],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, **searchchunks.FINEST},
    )
