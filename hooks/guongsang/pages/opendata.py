"""The open-data page: every JSON file the build writes (output/opendata.py) and the meaning of its fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import SitePage
from guongsang.pages.searchpages import SearchEntry


@dataclass(frozen=True)
class OpenDataPage(SitePage):
    collections: Sequence[Any]
    """output/opendata.py's collections (a later layer: handed in, never imported)."""

    url = urls.OPEN_DATA
    title = "Dữ liệu mở"
    template = "open-data.html"
    in_nav = True

    def values(self, html_body: str) -> dict[str, Any]:
        return {"collections": self.collections, "sitemap_url": urls.SITEMAP}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Dữ liệu mở", searchpages.ABOUT)
