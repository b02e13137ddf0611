"""Stories ("người tốt, việc tốt"): the listing, newest first, and one per tag, paginated; and a page per
story (its Markdown, with the honorees it is about)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import Preview, SitePage
from guongsang.pages.paging import Pager, paginate
from guongsang.pages.searchpages import SearchEntry
from guongsang.records.stories import Story, Tag
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import Profile

_KIND = "Câu chuyện"


@dataclass(frozen=True)
class StoryIndex(SitePage):
    """One page of the listing, or of a tag's (``tag``)."""

    pager: Pager
    heading: str
    tags: list[tuple[Tag, int]]
    """Every tag and how many stories it has (not the stories: a page's inputs are what it prints)."""
    tag: Tag | None = None

    template = "story-index.html"

    @property
    def url(self) -> str:
        return self.pager.own_url

    @property
    def title(self) -> str:
        return self.pager.heading(self.heading)

    @property
    def in_nav(self) -> bool:
        return self.tag is None and self.pager.page == 1

    def values(self, html_body: str) -> dict[str, Any]:
        return {"stories": self.pager.items, "pager": self.pager, "tags": self.tags, "tag": self.tag, "feed_url": urls.STORY_FEED}

    def search(self) -> SearchEntry | None:
        if self.pager.page > 1:
            return None
        return searchpages.entry(self.title, _KIND, searchpages.AGGREGATE if self.tag else searchpages.ABOUT)


def story_index_pages(site: SiteModel) -> list[SitePage]:
    counts = [(tag, len(stories)) for tag, stories in site.tags]
    pages: list[SitePage] = [StoryIndex(pager, "Người tốt, việc tốt", counts) for pager in paginate(urls.STORIES, site.stories)]
    for tag, stories in site.tags:
        pages += [StoryIndex(pager, f"Câu chuyện: {tag.label}", counts, tag) for pager in paginate(tag.url, stories)]
    return pages


@dataclass(frozen=True)
class StoryPage(SitePage):
    story: Story
    profiles: list[Profile]
    """The published honorees the story is about."""

    template = "story.html"
    share_type = "article"

    @property
    def url(self) -> str:
        return self.story.url

    @property
    def src_uri(self) -> str:
        return self.story.src_uri

    @property
    def title(self) -> str:
        return self.story.meta.title

    @property
    def front_matter(self) -> dict[str, str]:
        return {**super().front_matter, "description": html.escape(self.story.excerpt)}

    def values(self, html_body: str) -> dict[str, Any]:
        return {"story": self.story, "story_profiles": self.profiles}

    def preview(self) -> Preview:
        return Preview(self.title, self.story.excerpt, self.story.image_sizes[-1][0] if self.story.image_sizes else None)

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, _KIND, searchpages.ABOUT, " ".join(p.name for p in self.profiles))


def story_pages(site: SiteModel) -> list[SitePage]:
    return [StoryPage(story, [p for h in story.meta.honorees if (p := site.profile(h))]) for story in site.stories]
