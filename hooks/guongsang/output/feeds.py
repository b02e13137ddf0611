"""The Atom feed of stories (RFC 4287): which stories, how many, and their dates are decided here; the
template overrides/atom.html only prints the feed it is given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from guongsang import urls
from guongsang.output.context import OutputContext
from guongsang.records.stories import Story, Tag
from guongsang.site.linking import SiteModel

FEED_SIZE = 50
"""The newest stories a feed carries: readers fetch it often, and older stories stay on the site."""
_EMPTY_FEED_DAY = date(2000, 1, 1)
"""An Atom feed must say when it last changed: a site with no story yet gives a fixed day (same bytes every build)."""


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str
    """Absolute: the entry's id and its link."""
    updated: str
    """RFC 3339: the story's day, at midnight UTC (stories are dated by the day)."""
    author: str
    summary: str
    categories: tuple[Tag, ...]


@dataclass(frozen=True)
class Feed:
    title: str
    url: str
    """The stories' page, absolute: the feed's id and its alternate link."""
    self_url: str
    updated: str
    """The newest entry's day; a fixed day while there is none."""
    entries: list[FeedEntry]


def story_feed(site: SiteModel, site_url: str, site_name: str) -> Feed:
    """The newest published stories (site.stories is newest first; withdrawn ones are not in it)."""
    stories = site.stories[:FEED_SIZE]
    return Feed(
        title=f"{site_name}: Người tốt, việc tốt",
        url=urls.absolute(site_url, urls.STORIES),
        self_url=urls.absolute(site_url, urls.STORY_FEED),
        updated=_timestamp(stories[0].meta.date if stories else _EMPTY_FEED_DAY),
        entries=[_entry(story, site_url) for story in stories],
    )


def write(site_dir: Path, context: OutputContext) -> None:
    feed = story_feed(context.site, context.settings.site_url, context.settings.site_name)
    context.write_text(site_dir / urls.STORY_FEED, context.env.get_template("atom.html").render(feed=feed))


def _entry(story: Story, site_url: str) -> FeedEntry:
    return FeedEntry(
        title=story.meta.title,
        url=urls.absolute(site_url, story.url),
        updated=_timestamp(story.meta.date),
        author=story.meta.author,
        summary=story.excerpt,
        categories=tuple(story.tags),
    )


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
