"""An editor's own Markdown page (a guide, a statement, the home page), titled and described by its front
matter or its first heading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import Preview, SitePage
from guongsang.pages.home import HomePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.linking import SiteModel


@dataclass(frozen=True)
class EditorsPage(SitePage):
    url: str
    title: str
    description: str

    template = "main.html"

    def values(self, html_body: str) -> dict[str, Any]:
        return {}

    def preview(self) -> Preview:
        return Preview(self.title, self.description)

    def search(self) -> SearchEntry | None:
        if not self.url:  # the home page names everything
            return None
        return searchpages.entry(self.title, "Hướng dẫn" if self.url.startswith(urls.GUIDES) else "Trang", searchpages.MENTIONS)


def editors_page(site: SiteModel, url: str, title: str, description: str, template: str | None) -> SitePage:
    """The page of an editor's Markdown file, by the template its front matter names (PageMeta)."""
    if template == HomePage.template:
        return HomePage(site, url, title, description)
    return EditorsPage(url, title, description)
