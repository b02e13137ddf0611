"""Links in editors' Markdown, checked as MkDocs will check them, but at `make check` and in Vietnamese.

MkDocs resolves a relative link against the files it publishes and, in strict mode, fails the build with
an English warning that names no line. The same rules are applied here to the files the build will
publish (a photo of a profile only as its resized copies, a withdrawn story not at all), so `check`
fails first, at the link's line, with the fix.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from guongsang.diagnostics import Report
from guongsang.lang import text
from guongsang.records import docbody
from guongsang.records.mdrecords import too_deep
from guongsang.records.sourcetexts import markdown_body


@dataclass(frozen=True)
class PublishedFiles:
    """What the build hands MkDocs, by path under content/."""

    files: frozenset[str]
    """Pages (Markdown paths, generated pages of the navigation included) and published files."""
    generated_urls: frozenset[str]
    """Addresses of the generated pages out of the navigation, which MkDocs does not know."""
    not_published: dict[str, str]
    """Files of content/ kept off the site, with the reason in words."""


def check_links(docs_dir: Path, root: Path, pages: Iterable[str], published: PublishedFiles, report: Report) -> None:
    """Every relative link and image of every page in ``pages`` (Markdown paths under content/)."""
    docs = docs_dir.relative_to(root).as_posix()
    anchors: dict[str, set[str]] = {}
    for src_uri in pages:
        body = markdown_body(docs_dir / src_uri, f"{docs}/{src_uri}")
        if not any(marker in body.text for marker in ("](", "]:", "<a", "<img")) or too_deep(body.text):
            continue  # no link; or markup too deep to render, an error of its own (mdrecords.py)
        for url in _links(body.text):
            problem = _problem(src_uri, url, published, docs_dir, anchors)
            if problem:
                report.error(body.path, *body.where(url if url in body.text else unquote(url)), problem)


def _problem(src_uri: str, url: str, published: PublishedFiles, docs_dir: Path, anchors: dict[str, set[str]]) -> str | None:
    scheme, netloc, path, _, anchor = urlsplit(url)
    if scheme or netloc:
        return None
    if url.startswith(("/", "\\")):
        return f"liên kết '{url}' là đường dẫn tuyệt đối; viết đường dẫn tương đối tính từ thư mục của trang này tới tệp .md, ví dụ '../van-ban/ten-tep.md'"
    if not path:
        return _anchor_problem(src_uri, src_uri, anchor, url, docs_dir, anchors)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path))).lstrip("/")
    if target in published.files:
        return _anchor_problem(src_uri, target, anchor, url, docs_dir, anchors) if anchor else None
    if target in published.not_published:
        return f"liên kết '{url}' trỏ tới '{target}', {published.not_published[target]}; bỏ liên kết này"
    if target.startswith("../"):
        return f"liên kết '{url}' trỏ ra ngoài thư mục trang; sửa đường dẫn"
    page_url = target.rstrip("/") + "/"
    if page_url in published.generated_urls or target.removesuffix("index.md") in published.generated_urls:
        return (
            f"liên kết '{url}' tới trang tự sinh '{page_url}': trang này không có tệp .md nên đường dẫn tương đối"
            " không dùng được; ghi địa chỉ đầy đủ của trang (https://…/" + page_url + ")"
        )
    if not posixpath.splitext(path)[1]:
        return f"liên kết '{url}' không dẫn tới tệp nào; liên kết tới một trang bằng tên tệp .md của nó, ví dụ 'ho-so.md' hoặc '../van-ban/ten-tep.md'"
    return f"liên kết '{url}' trỏ tới '{target}' nhưng không có tệp đó trong thư mục trang; sửa đường dẫn (tính từ thư mục của trang này)"


def _anchor_problem(src_uri: str, target: str, anchor: str, url: str, docs_dir: Path, anchors: dict[str, set[str]]) -> str | None:
    if not anchor or not target.endswith(".md"):
        return None
    if target not in anchors:
        path = docs_dir / target
        body = markdown_body(path, target).text if path.is_file() else ""
        anchors[target] = _ids(body) if body and not too_deep(body) else set()
    if anchor in anchors[target]:
        return None
    where = "trang này" if target == src_uri else f"trang '{target}'"
    known = sorted(anchors[target])[:6]
    hint = f"; các mục có: {', '.join('#' + a for a in known)}" if known else ""
    return f"liên kết '{url}': {where} không có mục '#{anchor}'{hint}"


class _Links(Treeprocessor):
    """The links of the Markdown itself, as MkDocs validates them: raw HTML is stashed away from the tree
    by then, and MkDocs leaves its links alone (nh3 cleans them)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            url = element.get("href") if element.tag == "a" else element.get("src") if element.tag == "img" else None
            if url is not None:
                self.found.append(url)


class _Ids(HTMLParser):
    """Every id of the rendered page, raw HTML included (MkDocs accepts both as anchors)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.found.add(value)


def _render(body: str) -> tuple[list[str], str]:
    """The Markdown's links and the page's HTML, with the extensions of mkdocs.yml that decide what is a
    link and which ids headings get."""
    links = _Links()
    extensions = ["admonition", "attr_list", "tables", "toc", docbody.makeExtension()]
    converter = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"slugify": text.slugify}})
    converter.treeprocessors.register(links, "guongsang_links", 0)  # after every other, as MkDocs's own
    return links.found, converter.convert(body)


def _links(body: str) -> list[str]:
    return list(dict.fromkeys(_render(body)[0]))


def _ids(body: str) -> set[str]:
    ids = _Ids()
    ids.feed(_render(body)[1])
    return ids.found
