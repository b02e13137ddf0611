"""What every page kind has: its address, title, template, place in the navigation, the values its template
prints, its share preview and its search entry."""

from __future__ import annotations

import html
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from guongsang import urls
from guongsang.pages.searchpages import SearchEntry


@dataclass(frozen=True)
class Preview:
    """What a shared link shows: Open Graph and Twitter card fields (URLs relative to the site root)."""

    title: str
    description: str
    image: str | None = None
    """A generated card; None for the site's default card."""


class SitePage(ABC):
    """A page of one kind: a subclass names its template, and the records it is made of are its fields.

    ``title`` is plain text: Material prints page titles unescaped, so ``front_matter`` escapes it.
    """

    url: str
    title: str
    template: ClassVar[str]
    in_nav: bool = False
    """Listed in MkDocs's navigation (and rendered in its page loop); other pages are rendered after it."""
    share_type: ClassVar[str] = "website"
    """The Open Graph type: 'profile', 'article' or 'website'."""
    needs_qr: ClassVar[bool] = False
    """The template prints a QR code of the page's address (``qr_svg``)."""
    appendices: ClassVar[bool] = False
    """The page's Markdown holds appendices ('# PHỤ LỤC I'), kept at the level of the body's sections in
    the table of contents."""

    @abstractmethod
    def values(self, html_body: str) -> dict[str, Any]:
        """What the template prints, by name. ``html_body``: MkDocs's HTML of the page's Markdown (empty for
        a page with no Markdown of its own)."""

    def preview(self) -> Preview:
        return Preview(self.title, "")

    def search(self) -> SearchEntry | None:
        """How the site search finds the page; None for a page it leaves out."""
        return None

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    @property
    def front_matter(self) -> dict[str, str]:
        """What MkDocs and Material read from a page's front matter: template and title (HTML-escaped)."""
        return {"title": html.escape(self.title), "template": self.template}

    @property
    def stub(self) -> str:
        """The in-memory Markdown MkDocs reads for a page with none of its own: only its front matter.
        JSON quoting keeps the title valid YAML whatever it holds."""
        return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in self.front_matter.items()) + "---\n"
