"""Every URL of the site is decided here, once. URLs are relative to the site root, ASCII, with '/' at the end."""

from __future__ import annotations

import posixpath

from guongsang import text

DOCUMENTS = "van-ban/"


def document_url(src_uri: str) -> str:
    """A document's page: its Markdown path without '.md' ('van-ban/2020-237-kh-sgddt/')."""
    return f"{src_uri.removesuffix('.md')}/"


def file_url(src_uri: str, relative: str) -> str:
    """A file named relative to the Markdown file at ``src_uri`` ('pdf/a.pdf' -> 'van-ban/pdf/a.pdf')."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), relative))


def documents_by_year_url(year: int) -> str:
    return f"{DOCUMENTS}nam/{year}/"


def documents_by_issuer_url(issuer: str) -> str:
    return f"{DOCUMENTS}co-quan/{text.slugify(issuer)}/"


def src_uri(url: str) -> str:
    """The Markdown path MkDocs maps to ``url`` ('van-ban/nam/2020/' -> 'van-ban/nam/2020/index.md')."""
    return f"{url}index.md"
