"""Generated pages: index and filter pages made from the site model, each rendered by a template."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from guongsang import urls
from guongsang.linking import DocumentGroup, SiteModel


@dataclass(frozen=True)
class GeneratedPage:
    """A page with no Markdown of its own: a template in overrides/ renders ``context``."""

    url: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False

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
