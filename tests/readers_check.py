"""What a reader sees on every built page, checked from the HTML alone.

`problems(site_dir, site_url)` returns one line per defect: a page without exactly one non-empty h1 or
without a title, a leaked template value in visible text, an internal link, source or #fragment that
does not resolve, an id used twice, an image without alt, a page not marked `lang="vi"`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html

# Values a template prints when it is handed nothing: Python's None, JavaScript's undefined, pandas'
# nan, an unrendered Jinja expression or tag, an object printed whole.
LEAKED = re.compile(r"\b(?:None|undefined|NaN|nan|null)\b|\{\{|\}\}|\{%|%\}|\{#|#\}|\[object Object\]")

# Attributes whose text a reader sees or hears (alt text, tooltips, screen-reader labels, share cards).
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
SHARED_TEXT_META = ("description", "og:title", "og:description", "og:image:alt", "twitter:title",
                    "twitter:description", "twitter:image:alt")

# Where a page points to another file of the site.
LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
                   "iframe": "src", "source": "src", "video": "src", "audio": "src", "form": "action"}
SHARED_LINK_META = ("og:url", "og:image", "twitter:image")

_INVISIBLE = {"script", "style", "template"}


def problems(site_dir: Path, site_url: str) -> list[str]:
    """Every defect of every HTML page under ``site_dir``, built for ``site_url``."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    anchors: dict[Path, frozenset[str]] = {}
    found: list[str] = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        found += [f"{rel}: {problem}" for problem in page_problems(site_dir, site_url, rel, anchors)]
    return found


def page_problems(site_dir: Path, site_url: str, rel: str, anchors: dict[Path, frozenset[str]] | None = None) -> list[str]:
    """The defects of one page (its path relative to the site folder); ``anchors`` keeps the ids of the
    pages its links lead to, read once per check of a site."""
    anchors = {} if anchors is None else anchors
    tree = _parse(site_dir / rel)
    anchors.setdefault(site_dir / rel, _anchors(tree))  # read once, for the links to this page
    found = []
    if tree.get("lang") != "vi":
        found.append(f'<html lang="{tree.get("lang")}">, cần lang="vi"')
    title = tree.findtext(".//title")
    if not (title or "").strip():
        found.append("không có <title>")
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    if len(headings) != 1:
        found.append(f"{len(headings)} thẻ h1 (cần đúng một): {headings}")
    elif not headings[0]:
        found.append("h1 rỗng")
    found += [f"giá trị rò rỉ {leak!r} trong: {text[:80]!r}" for text, leak in _leaks(tree)]
    ids = [element.get("id") for element in tree.iter() if element.get("id") is not None]
    found += [f'id="{name}" dùng {ids.count(name)} lần' for name in sorted(set(ids)) if ids.count(name) > 1]
    found += [f"ảnh không có alt: {img.get('src')}" for img in tree.iter("img") if img.get("alt") is None]
    page_url = urljoin(site_url, rel.removesuffix("index.html"))
    for target in _targets(tree):
        if problem := _unresolved(site_dir, site_url, page_url, target, anchors):
            found.append(problem)
    return found


def _leaks(tree: html.HtmlElement):
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        texts = []
        if element.tag not in _INVISIBLE:
            texts.append(element.text or "")
        if element.getparent() is not None and element.getparent().tag not in _INVISIBLE:
            texts.append(element.tail or "")
        texts += [element.get(name) or "" for name in TEXT_ATTRIBUTES]
        if element.tag == "meta" and (element.get("name") or element.get("property")) in SHARED_TEXT_META:
            texts.append(element.get("content") or "")
        for text in texts:
            if match := LEAKED.search(text):
                yield " ".join(text.split()), match.group()


def _targets(tree: html.HtmlElement) -> list[str]:
    targets = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        targets += [value for element in tree.iter(tag) if (value := element.get(attribute)) is not None]
    for element in tree.iter("img", "source"):
        if srcset := element.get("srcset"):
            targets += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    targets += [element.get("content") or "" for element in tree.iter("meta")
                if (element.get("property") or element.get("name")) in SHARED_LINK_META]
    return targets


def _unresolved(site_dir: Path, site_url: str, page_url: str, target: str, anchors: dict[Path, frozenset[str]]) -> str | None:
    if target in ("", "#") or target.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    absolute = urljoin(page_url, target)
    if not absolute.startswith(site_url):
        # An address on this host outside the site's folder is broken too; other hosts are not checked.
        base = urlsplit(site_url)
        if urlsplit(absolute).netloc == base.netloc and urlsplit(absolute).scheme == base.scheme:
            return f"liên kết ra ngoài thư mục của trang: {target}"
        return None
    parts = urlsplit(absolute[len(site_url):])
    path = unquote(parts.path)
    file = site_dir / path
    # A folder's address serves its index.html (with or without the final '/', as hosts redirect).
    if path == "" or path.endswith("/") or (not file.is_file() and (file / "index.html").is_file()):
        file = file / "index.html"
    if not file.is_file():
        return f"liên kết hỏng: {target}"
    if parts.fragment and file.suffix == ".html":
        fragment = unquote(parts.fragment)
        if file not in anchors:
            anchors[file] = _anchors(_parse(file))
        if fragment not in anchors[file]:
            return f"liên kết tới mục không có: {target}"
    return None


def _anchors(tree: html.HtmlElement) -> frozenset[str]:
    return frozenset(value for element in tree.iter() if isinstance(element.tag, str)
                     for value in (element.get("id"), element.get("name") if element.tag == "a" else None) if value)


def _parse(file: Path) -> html.HtmlElement:
    return html.fromstring(file.read_bytes())
