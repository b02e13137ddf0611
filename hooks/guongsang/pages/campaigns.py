"""Campaigns: the list (in the navigation), a page per campaign, and a criteria page per subject type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import SitePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.campaigns import CampaignView, CriteriaPage
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import Link

_KIND = "Phong trào thi đua"


@dataclass(frozen=True)
class CampaignList(SitePage):
    """Every campaign, newest first, and the criteria pages."""

    site: SiteModel
    url = urls.CAMPAIGNS
    title = "Phong trào thi đua"
    template = "campaign-index.html"
    in_nav = True

    def values(self, html_body: str) -> dict[str, Any]:
        criteria = [Link(_criteria_title(page), page.url) for page in self.site.criteria_pages]
        return {"campaigns": self.site.campaign_views, "criteria": criteria, "calendar_url": urls.CALENDAR}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, _KIND, searchpages.MENTIONS)


@dataclass(frozen=True)
class CampaignPage(SitePage):
    """One campaign: form, period, timeline, documents, criteria sets, honorees and award counts."""

    view: CampaignView
    template = "campaign.html"

    @property
    def url(self) -> str:
        return self.view.url

    @property
    def title(self) -> str:
        return self.view.campaign.name

    def values(self, html_body: str) -> dict[str, Any]:
        criteria_sets = [
            (criteria_set.name, [Link(subject.label.lower(), urls.criteria_set_url(subject.value, criteria_set.id)) for subject in criteria_set.subjects])
            for criteria_set in self.view.criteria_sets
        ]
        return {
            "view": self.view,
            "criteria_sets": criteria_sets,
            "feed_url": urls.campaign_feed_url(self.view.campaign.id),
            "calendar_url": urls.CALENDAR,
        }

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, _KIND, searchpages.ABOUT)


@dataclass(frozen=True)
class SubjectCriteriaPage(SitePage):
    """Every criterion for one subject type: general sets, then specific ones."""

    criteria: CriteriaPage
    template = "criteria.html"

    @property
    def url(self) -> str:
        return self.criteria.url

    @property
    def title(self) -> str:
        return _criteria_title(self.criteria)

    def values(self, html_body: str) -> dict[str, Any]:
        return {"criteria_page": self.criteria}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Tiêu chí", searchpages.ABOUT)


def _criteria_title(page: CriteriaPage) -> str:
    return f"Tiêu chí đối với {page.subject.label.lower()}"


def campaign_pages(site: SiteModel) -> list[SitePage]:
    return [
        CampaignList(site),
        *(CampaignPage(view) for view in site.campaign_views),
        *(SubjectCriteriaPage(page) for page in site.criteria_pages),
    ]
