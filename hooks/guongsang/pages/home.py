"""The home page: the editor's introduction (content/index.md, template home.html), then featured honorees,
the latest stories, the campaigns and the latest documents. How many of each it shows is decided here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages.base import Preview, SitePage
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import Link, Profile

FEATURED = 6
LATEST_STORIES = 3
LATEST_DOCUMENTS = 5


def featured(site: SiteModel) -> list[Profile]:
    """The records marked 'noi_bat', else the highest awarded (also shown on the honorees' entry page)."""
    chosen = [p for p in site.profiles if p.honoree.featured]
    if not chosen:
        chosen = sorted(site.profiles, key=lambda p: p.highest_award.rank if p.highest_award else -1, reverse=True)
    return chosen[:FEATURED]


def campaign_links(site: SiteModel) -> list[Link]:
    """Campaigns with published honorees, linked to their honorees' list."""
    facet = next((f for f in site.facets if f.key == "phong-trao"), None)
    return [Link(group.label, group.url) for group in facet.groups] if facet else []


@dataclass(frozen=True)
class HomePage(SitePage):
    """An editor's page whose front matter asks for home.html: its Markdown, then the site's entry points."""

    site: SiteModel
    url: str
    title: str
    description: str

    template = "home.html"

    def values(self, html_body: str) -> dict[str, Any]:
        return {
            "featured": featured(self.site),
            "honoree_count": len(self.site.profiles),
            "honorees_url": urls.HONOREES,
            "stories": self.site.stories[:LATEST_STORIES],
            "stories_url": urls.STORIES,
            "campaigns": campaign_links(self.site),
            "documents": self.site.documents[:LATEST_DOCUMENTS],
            "documents_url": urls.DOCUMENTS,
        }

    def preview(self) -> Preview:
        return Preview(self.title, self.description)
