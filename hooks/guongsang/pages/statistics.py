"""The award statistics: a chart per tally (drawn here, once per build), its table and its CSV file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import SitePage
from guongsang.pages.charts import bar_chart
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.linking import SiteModel


@dataclass(frozen=True)
class StatisticsPage(SitePage):
    site: SiteModel
    url = urls.STATISTICS
    title = "Thống kê khen thưởng"
    template = "statistics.html"
    in_nav = True

    def values(self, html_body: str) -> dict[str, Any]:
        return {"charts": [(tally, bar_chart(tally)) for tally in self.site.tallies], "scope": self.site.statistics_scope}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, "Thống kê", searchpages.ABOUT)


def statistics_pages(site: SiteModel) -> list[SitePage]:
    return [StatisticsPage(site)]
