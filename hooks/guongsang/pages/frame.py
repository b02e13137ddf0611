"""The addresses Material's frame prints around every page (the header's search, the footer's links), the
404 page's included: what templates know of the site besides their own page's values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guongsang import urls


@dataclass(frozen=True)
class FrameLinks:
    accessibility: str | None
    """The accessibility statement, only where the project has one (content/kha-nang-tiep-can.md)."""
    search: str = urls.SEARCH
    search_engine: str = urls.SEARCH_ENGINE
    open_data: str = urls.OPEN_DATA


def frame_links(markdown_files: Iterable[str]) -> FrameLinks:
    """The frame's links, given the editors' Markdown files (src_uri) that will be published."""
    statement = any(urls.markdown_url(src_uri) == urls.ACCESSIBILITY for src_uri in markdown_files)
    return FrameLinks(urls.ACCESSIBILITY if statement else None)
