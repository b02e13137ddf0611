"""The search page: a small form over Pagefind's index (assets/javascripts/search.js); left out of the
search itself, since it names everything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages.base import SitePage
from guongsang.site.linking import SiteModel


@dataclass(frozen=True)
class SearchPage(SitePage):
    url = urls.SEARCH
    title = "Tìm kiếm"
    template = "search.html"
    in_nav = True

    def values(self, html_body: str) -> dict[str, Any]:
        return {
            "engine_url": urls.SEARCH_ENGINE,
            "honorees_url": urls.HONOREES,
            "documents_url": urls.DOCUMENTS,
            "campaigns_url": urls.CAMPAIGNS,
            "conferences_url": urls.CONFERENCES,
            "stories_url": urls.STORIES,
        }


def search_pages(site: SiteModel) -> list[SitePage]:
    return [SearchPage()]
