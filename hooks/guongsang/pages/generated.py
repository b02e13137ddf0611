"""Generated pages: one per published honoree, and every index, each rendered by a template in overrides/."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from guongsang import urls
from guongsang.pages.charts import bar_chart
from guongsang.site import unithistory
from guongsang.site.events import by_year
from guongsang.site.linking import DocumentGroup, SiteModel
from guongsang.site.profiles import ProfileGroup

PAGE_SIZE = 24
"""Cards per index page: small pages for phones on slow links."""


@dataclass(frozen=True)
class Share:
    """What a shared link shows: Open Graph and Twitter card fields (URLs relative to the site root)."""

    title: str
    description: str
    image: str | None = None
    """A generated card; None for the site's default card."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page with no Markdown of its own: a template in overrides/ renders ``context``."""

    url: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    share: Share | None = None

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    @property
    def stub(self) -> str:
        """The in-memory Markdown MkDocs reads: only the front matter naming title and template.

        The title is HTML-escaped because Material prints page titles unescaped; JSON quoting keeps it
        valid YAML whatever it holds.
        """
        return f"---\ntitle: {json.dumps(html.escape(self.title), ensure_ascii=False)}\ntemplate: {self.template}\n---\n"


@dataclass(frozen=True)
class Pager:
    """Position in a paginated listing; links work without JavaScript."""

    url: str
    """Page 1's address."""
    page: int
    pages: int

    def url_of(self, page: int) -> str:
        return urls.paged(self.url, page)

    @property
    def previous(self) -> str | None:
        return self.url_of(self.page - 1) if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.url_of(self.page + 1) if self.page < self.pages else None

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers to show, None for a gap: 1 … 4 5 6 … 12."""
        shown = sorted({1, self.pages, *range(max(1, self.page - 2), min(self.pages, self.page + 2) + 1)})
        result: list[int | None] = []
        for number in shown:
            if result and number - (result[-1] or 0) > 1:
                result.append(None)
            result.append(number)
        return result


def paginate(
    url: str, title: str, template: str, items: Sequence[Any], key: str, context: dict[str, Any], *, in_nav: bool = False
) -> list[GeneratedPage]:
    """One page per PAGE_SIZE items: ``url``, then ``url/trang/2/`` …; at least one page; only page 1 in the nav."""
    pages = max(1, -(-len(items) // PAGE_SIZE))
    result = []
    for number in range(1, pages + 1):
        pager = Pager(url, number, pages)
        chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        heading = title if number == 1 else f"{title} (trang {number})"
        result.append(GeneratedPage(pager.url_of(number), heading, template, {**context, key: chunk, "pager": pager}, in_nav=in_nav and number == 1))
    return result


def generate_document_pages(site: SiteModel) -> list[GeneratedPage]:
    """The document index, newest first, and one filter page per year and per issuer."""
    pages = [
        GeneratedPage(
            urls.DOCUMENTS, "Văn bản", "document-index.html",
            {"listing": DocumentGroup("Tất cả văn bản", urls.DOCUMENTS, site.documents)}, in_nav=True,
        )
    ]
    for group in site.years:
        pages.append(GeneratedPage(group.url, f"Văn bản năm {group.label}", "document-index.html", {"listing": group}))
    for group in site.issuers:
        pages.append(GeneratedPage(group.url, f"Văn bản của {group.label}", "document-index.html", {"listing": group}))
    return pages


def generate_honoree_pages(site: SiteModel) -> list[GeneratedPage]:
    """A page per published honoree (out of the navigation) and the paginated indexes."""
    pages = [
        GeneratedPage(
            profile.url, profile.name, "honoree.html", {"profile": profile},
            share=Share(profile.name, profile.description, profile.card_url),
        )
        for profile in site.profiles
    ]
    pages.append(GeneratedPage(urls.HONOREES, "Gương điển hình tiên tiến", "honoree-home.html", {"facets": site.facets}, in_nav=True))
    for facet in site.facets:
        for group in facet.groups:
            context = {"group": group, "facets": site.facets}
            if facet.key == "don-vi":  # the unit's own page: its names and bodies over time
                context["unit_facts"] = unithistory.facts(site.units, group.key)
            pages += paginate(group.url, _group_title(facet.title, group), "honoree-index.html", group.profiles, "profiles", context)
    return pages


def _group_title(facet_title: str, group: ProfileGroup) -> str:
    if group.facet == "a-z":
        return f"Gương điển hình có tên bắt đầu bằng {group.label}"
    if group.facet == "nam":
        return f"Gương điển hình được khen thưởng năm {group.key}"
    return f"Gương điển hình: {group.label}"


def generate_story_pages(site: SiteModel) -> list[GeneratedPage]:
    """Newest-first story listing and a page per tag, paginated."""
    context = {"tags": site.tags}
    pages = paginate(urls.STORIES, "Người tốt, việc tốt", "story-index.html", site.stories, "stories", context, in_nav=True)
    for tag, stories in site.tags:
        pages += paginate(tag.url, f"Câu chuyện: {tag.label}", "story-index.html", stories, "stories", {**context, "tag": tag})
    return pages


def generate_campaign_pages(site: SiteModel) -> list[GeneratedPage]:
    """The campaign list (in the navigation), a page per campaign, and a criteria page per subject type."""
    pages = [GeneratedPage(urls.CAMPAIGNS, "Phong trào thi đua", "campaign-index.html", in_nav=True)]
    pages += [GeneratedPage(view.url, view.campaign.name, "campaign.html", {"view": view}) for view in site.campaign_views]
    pages += [
        GeneratedPage(page.url, f"Tiêu chí đối với {page.subject.label.lower()}", "criteria.html", {"criteria_page": page})
        for page in site.criteria_pages
    ]
    return pages


def generate_conference_pages(site: SiteModel) -> list[GeneratedPage]:
    pages = [GeneratedPage(urls.CONFERENCES, "Hội nghị điển hình tiên tiến", "conference-index.html", in_nav=True)]
    pages += [GeneratedPage(view.url, view.conference.title, "conference.html", {"view": view}) for view in site.conferences]
    return pages


def generate_calendar_page(site: SiteModel) -> GeneratedPage:
    return GeneratedPage(urls.CALENDAR, "Lịch thi đua, khen thưởng", "calendar.html", {"years": by_year(site.events)})


def generate_statistics_page(site: SiteModel) -> GeneratedPage:
    """Charts drawn here, once per build: the page's template only places them."""
    return GeneratedPage(
        urls.STATISTICS, "Thống kê khen thưởng", "statistics.html", {"charts": [(t, bar_chart(t)) for t in site.tallies], "scope": site.statistics_scope}, in_nav=True
    )


def generate_open_data_page(collections: list[Any]) -> GeneratedPage:
    return GeneratedPage(urls.OPEN_DATA, "Dữ liệu mở", "open-data.html", {"collections": collections}, in_nav=True)


def generate_pages(site: SiteModel, open_data: list[Any]) -> list[GeneratedPage]:
    return [
        GeneratedPage(urls.SEARCH, "Tìm kiếm", "search.html", in_nav=True),
        *generate_document_pages(site),
        *generate_honoree_pages(site),
        *generate_story_pages(site),
        *generate_campaign_pages(site),
        *generate_conference_pages(site),
        generate_calendar_page(site),
        generate_statistics_page(site),
        generate_open_data_page(open_data),
    ]
