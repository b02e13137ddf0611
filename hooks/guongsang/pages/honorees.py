"""The honorees' entry page (every way to browse them) and their lists by facet group (unit, year,
campaign, award, subject type, initial), paginated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import home, searchpages
from guongsang.pages.base import SitePage
from guongsang.pages.paging import Pager, paginate
from guongsang.pages.searchpages import SearchEntry
from guongsang.site import unithistory
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import FacetMenu, ProfileGroup

_KINDS = {
    "don-vi": "Đơn vị",
    "danh-hieu": "Danh hiệu",
    "doi-tuong": "Đối tượng",
    "nam": "Năm khen thưởng",
    "phong-trao": "Phong trào thi đua",
}
"""The kind a list shows in search results, by the facet it groups by (urls.FACETS); the A–Z lists are
not searched."""


@dataclass(frozen=True)
class HonoreeHome(SitePage):
    site: SiteModel
    url = urls.HONOREES
    title = "Gương điển hình tiên tiến"
    template = "honoree-home.html"
    in_nav = True

    def values(self, html_body: str) -> dict[str, Any]:
        return {"facets": [facet.menu() for facet in self.site.facets], "featured": home.featured(self.site), "honoree_count": len(self.site.profiles)}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Gương điển hình", searchpages.MENTIONS)


@dataclass(frozen=True)
class HonoreeIndex(SitePage):
    """One page of a group's list; a unit's list also tells the unit's names and bodies over time."""

    group: ProfileGroup
    pager: Pager
    facets: list[FacetMenu]
    unit_facts: list[tuple[str, str]]

    template = "honoree-index.html"

    @property
    def url(self) -> str:
        return self.pager.own_url

    @property
    def title(self) -> str:
        return self.pager.heading(_group_title(self.group))

    def values(self, html_body: str) -> dict[str, Any]:
        return {"group": self.group.heading(), "profiles": self.pager.items, "pager": self.pager, "facets": self.facets, "unit_facts": self.unit_facts}

    def search(self) -> SearchEntry | None:
        kind = _KINDS.get(self.group.facet)
        if kind is None or self.pager.page > 1:
            return None
        return searchpages.entry(self.title, kind, searchpages.AGGREGATE if self.group.facet == "phong-trao" else searchpages.ABOUT)


def _group_title(group: ProfileGroup) -> str:
    if group.facet == "a-z":
        return f"Gương điển hình có tên bắt đầu bằng {group.label}"
    if group.facet == "nam":
        return f"Gương điển hình được khen thưởng năm {group.key}"
    return f"Gương điển hình: {group.label}"


def honoree_pages(site: SiteModel) -> list[SitePage]:
    """The entry page (in the navigation) and every group's list."""
    pages: list[SitePage] = [HonoreeHome(site)]
    menus = [facet.menu() for facet in site.facets]
    for facet in site.facets:
        for group in facet.groups:
            facts = unithistory.facts(site.units, group.key) if facet.key == "don-vi" else []
            pages += [HonoreeIndex(group, pager, menus, facts) for pager in paginate(group.url, group.profiles)]
    return pages
