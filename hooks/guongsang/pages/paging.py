"""Pagination of the long listings (honorees of a group, stories): small pages for phones on slow links,
linked without JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from guongsang import urls

PAGE_SIZE = 24
"""Cards per listing page."""


@dataclass(frozen=True)
class Pager:
    """One page of a listing: its place among the pages and its share of the items."""

    url: str
    """Page 1's address."""
    page: int
    pages: int
    items: Sequence[Any]
    """The items shown on this page."""

    def url_of(self, page: int) -> str:
        return urls.paged(self.url, page)

    @property
    def own_url(self) -> str:
        return self.url_of(self.page)

    def heading(self, title: str) -> str:
        """The listing's title, with the page number after page 1."""
        return title if self.page == 1 else f"{title} (trang {self.page})"

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


def paginate(url: str, items: Sequence[Any]) -> list[Pager]:
    """One pager per PAGE_SIZE items: ``url``, then ``url/trang/2/`` …; at least one page."""
    pages = max(1, -(-len(items) // PAGE_SIZE))
    return [Pager(url, number, pages, items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]) for number in range(1, pages + 1)]
