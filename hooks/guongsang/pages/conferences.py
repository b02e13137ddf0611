"""Conferences of exemplary models: the list (in the navigation) and a page per conference."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import SitePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.site.conferences import ConferenceView
from guongsang.site.linking import SiteModel

_KIND = "Hội nghị"


@dataclass(frozen=True)
class ConferenceList(SitePage):
    """Every conference, newest first."""

    site: SiteModel
    url = urls.CONFERENCES
    title = "Hội nghị điển hình tiên tiến"
    template = "conference-index.html"
    in_nav = True

    def values(self, html_body: str) -> dict[str, Any]:
        return {"conferences": self.site.conferences, "calendar_url": urls.CALENDAR}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, _KIND, searchpages.MENTIONS)


@dataclass(frozen=True)
class ConferencePage(SitePage):
    """One conference: banner, when and where, programme, rules, delegates, presidium, testimonies."""

    view: ConferenceView
    template = "conference.html"

    @property
    def url(self) -> str:
        return self.view.url

    @property
    def title(self) -> str:
        return self.view.conference.title

    def values(self, html_body: str) -> dict[str, Any]:
        return {"view": self.view}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, _KIND, searchpages.ABOUT)


def conference_pages(site: SiteModel) -> list[SitePage]:
    return [ConferenceList(site), *(ConferencePage(view) for view in site.conferences)]
