"""A document's body laid out as Nghị định 30/2020 prints it: anchors on its articles ('Điều 1.'), the
'QUYẾT ĐỊNH:' line centred (a Markdown extension), and its appendices ('# PHỤ LỤC I') apart, to follow
the signature."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from guongsang.lang import text

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from markdown import Markdown

# Python-Markdown's toc extension gives every heading an id; the sanitizer keeps it.
_H1 = re.compile(r'<h1\b[^>]*?\bid="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h1>\s*', re.S)
_TAG = re.compile(r"<[^>]+>")
# An article opens its paragraph, bold or not: 'Điều 2.', '**Điều 12.** …'.
_ARTICLE = re.compile(r"^\s*Điều\s+(?P<number>\d+[a-z]?)\s*[.:]")
# The line that opens a decision's articles, alone in its paragraph.
_ENACTING = re.compile(r"^\s*(QUYẾT\s+(?:ĐỊNH|NGHỊ))\s*:\s*$", re.I)
# An appendix's '(Kèm theo Quyết định số … ngày … của …)' line.
_ATTACHED_TO = re.compile(r"^\s*\(\s*Kèm theo\b")
APPENDIX = "phu luc"
"""How an appendix's level-1 heading starts, folded ('PHỤ LỤC I', 'Phụ lục 2')."""


class _Articles(Treeprocessor):
    """Anchors 'dieu-1', 'dieu-2'… on the paragraphs opening a decision's articles (inside an appendix
    'phu-luc-i-dieu-1'; the first of each number only), the 'QUYẾT ĐỊNH:' line centred and bold, an
    appendix's '(Kèm theo …)' line marked. Runs before MkDocs collects the page's anchors, so links
    to '#dieu-2' are checked like any other."""

    def run(self, root: Element) -> None:
        prefix = ""
        used: set[str] = set()
        for element in root:
            words = "".join(element.itertext())
            if element.tag == "h1" and is_appendix_heading(words):
                prefix = f"{text.slugify(words)}-"
            if element.tag != "p" or element.get("id") or element.get("class"):
                continue
            if article := _ARTICLE.match(words):
                name = f"{prefix}dieu-{article.group('number').lower()}"
                if name not in used:
                    used.add(name)
                    element.set("id", name)
            elif enacting := _ENACTING.match(words):
                element.clear()
                element.set("class", "vb-can-giua vb-quyet-dinh")
                strong = element.makeelement("strong", {})
                strong.text = f"{' '.join(enacting.group(1).upper().split())}:"
                element.append(strong)
            elif prefix and _ATTACHED_TO.match(words):
                element.set("class", "vb-kem-theo")


class DocumentBodyExtension(Extension):
    """Listed in mkdocs.yml's markdown_extensions as 'guongsang.records.docbody'."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Articles(md), "guongsang_articles", 6)  # after inline (20), before toc (5)


def makeExtension(**kwargs: object) -> DocumentBodyExtension:  # noqa: N802 (Python-Markdown's name)
    return DocumentBodyExtension(**kwargs)


@dataclass(frozen=True)
class Appendix:
    id: str
    """The heading's anchor: 'phu-luc-i'."""
    heading: str
    """The heading's HTML as rendered (its text and permalink)."""
    body: str


@dataclass(frozen=True)
class DocumentBody:
    main: str
    """Everything before the first appendix: printed above the recipients and the signature."""
    appendices: list[Appendix]


def is_appendix_heading(heading: str) -> bool:
    return text.fold(heading).strip().startswith(APPENDIX)


def layout(content: str) -> DocumentBody:
    """The body split at each appendix heading; a body without appendices is returned whole."""
    cuts = [m for m in _H1.finditer(content) if is_appendix_heading(_TAG.sub("", m.group("inner")))]
    appendices = [
        Appendix(cut.group("id"), cut.group("inner"), content[cut.end():cuts[i + 1].start() if i + 1 < len(cuts) else len(content)])
        for i, cut in enumerate(cuts)
    ]
    return DocumentBody(content[: cuts[0].start()] if cuts else content, appendices)
