"""Documents: the index (newest first) with a filter page per year and per issuer, and a page per document
(its Markdown, laid out in the official form)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from guongsang import urls
from guongsang.pages import searchpages
from guongsang.pages.base import Preview, SitePage
from guongsang.pages.searchpages import SearchEntry
from guongsang.records import docbody
from guongsang.records.documents import Document
from guongsang.site.linking import DocumentGroup, SiteModel

_KIND = "Văn bản"


@dataclass(frozen=True)
class DocumentIndex(SitePage):
    """The documents of ``listing``, with links to every other filter."""

    listing: DocumentGroup
    title: str
    site: SiteModel
    in_nav: bool = False

    template = "document-index.html"

    @property
    def url(self) -> str:
        return self.listing.url

    def values(self, html_body: str) -> dict[str, Any]:
        return {"listing": self.listing, "everything": _everything(self.site), "years": self.site.years, "issuers": self.site.issuers}

    def search(self) -> SearchEntry:
        return searchpages.entry(self.title, _KIND, searchpages.MENTIONS)


def _everything(site: SiteModel) -> DocumentGroup:
    return DocumentGroup("Tất cả văn bản", urls.DOCUMENTS, site.documents)


def document_index_pages(site: SiteModel) -> list[SitePage]:
    pages: list[SitePage] = [DocumentIndex(_everything(site), "Văn bản", site, in_nav=True)]
    pages += [DocumentIndex(group, f"Văn bản năm {group.label}", site) for group in site.years]
    pages += [DocumentIndex(group, f"Văn bản của {group.label}", site) for group in site.issuers]
    return pages


@dataclass(frozen=True)
class DocumentPage(SitePage):
    """A document's Markdown page: its facts box, legal bases and the documents that cite it."""

    document: Document
    site: SiteModel

    template = "document.html"
    share_type = "article"
    appendices = True

    @property
    def url(self) -> str:
        return self.document.url

    @property
    def src_uri(self) -> str:
        return self.document.src_uri

    @property
    def title(self) -> str:
        return self.document.display_title

    @property
    def front_matter(self) -> dict[str, str]:
        return {**super().front_matter, "description": html.escape(self.document.plain_title)}

    def values(self, html_body: str) -> dict[str, Any]:
        src_uri = self.document.src_uri
        return {
            "document": self.document,
            "citations": self.site.citations.get(src_uri, []),
            "cited_by": self.site.cited_by.get(src_uri, []),
            "issuer": issued_by.label if (issued_by := self.site.issued_by.get(src_uri)) else self.document.issuer,
            "body": docbody.layout(html_body),
        }

    def preview(self) -> Preview:
        return Preview(self.document.display_title, f"{self.document.issuer} · {self.document.plain_title}")

    def search(self) -> SearchEntry:
        meta = self.document.meta
        keys = [meta.number, (meta.signer.name if meta.signer else None) or "", meta.issuing_body, *([meta.parent_body] if meta.parent_body else [])]
        return searchpages.entry(self.title, _KIND, searchpages.MENTIONS, " ".join(keys))


def document_pages(site: SiteModel) -> list[SitePage]:
    return [DocumentPage(document, site) for document in site.documents]
