"""Every page of the site, by kind: the one list of the kinds made from the site model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from guongsang.pages.base import SitePage
from guongsang.pages.calendar import calendar_pages
from guongsang.pages.campaigns import campaign_pages
from guongsang.pages.conferences import conference_pages
from guongsang.pages.documents import document_index_pages, document_pages
from guongsang.pages.honorees import honoree_pages
from guongsang.pages.opendata import OpenDataPage
from guongsang.pages.profile import profile_pages
from guongsang.pages.search import search_pages
from guongsang.pages.statistics import statistics_pages
from guongsang.pages.stories import story_index_pages, story_pages
from guongsang.site.linking import SiteModel

KINDS: list[Callable[[SiteModel], list[SitePage]]] = [
    search_pages,
    document_index_pages,
    profile_pages,
    honoree_pages,
    story_index_pages,
    campaign_pages,
    conference_pages,
    calendar_pages,
    statistics_pages,
]
"""The pages with no Markdown of their own, kind by kind (a new kind adds its function here)."""


def generated_pages(site: SiteModel, open_data: Sequence[Any]) -> list[SitePage]:
    """The pages made from the site model alone; ``open_data``: output/opendata.py's collections."""
    return [page for kind in KINDS for page in kind(site)] + [OpenDataPage(open_data)]


def markdown_pages(site: SiteModel) -> list[SitePage]:
    """The pages of the records written in Markdown: documents and stories (editors' own pages are made
    by editors.editors_page from what MkDocs reads of them)."""
    return [*document_pages(site), *story_pages(site)]
