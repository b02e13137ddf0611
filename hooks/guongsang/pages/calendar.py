"""The calendar: every dated event by year, newest first, with the iCalendar feeds to subscribe to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import SitePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.events import by_year
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import Link


@dataclass(frozen=True)
class CalendarPage(SitePage):
    site: SiteModel
    url = urls.CALENDAR
    title = "Lịch thi đua, khen thưởng"
    template = "calendar.html"

    def values(self, html_body: str) -> dict[str, Any]:
        campaign_feeds = [Link(view.campaign.name, urls.campaign_feed_url(view.campaign.id)) for view in self.site.campaign_views]
        return {"years": by_year(self.site.events), "feed_url": urls.CALENDAR_FEED, "campaign_feeds": campaign_feeds}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Lịch", searchpages.ABOUT)


def calendar_pages(site: SiteModel) -> list[SitePage]:
    return [CalendarPage(site)]
