"""Stories ("người tốt, việc tốt"): Markdown files in content/cau-chuyen/ with a front-matter record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang import text
from guongsang.records.filememo import FileMemo
from guongsang.records.images import STORY_WIDTHS, variant_url
from guongsang.records.mdrecords import load_markdown_record, markdown_files
from guongsang.records.models import StoryMeta
from guongsang.records.yamlsrc import Located

STORIES_DIR = "cau-chuyen"
"""The folder under the docs_dir that holds stories, one Markdown file each."""

_MARKUP = re.compile(r"[*_`#>\[\]]|\(https?://[^)]*\)|\{:[^}]*\}")


@dataclass(frozen=True)
class Tag:
    label: str
    slug: str

    @property
    def url(self) -> str:
        return urls.story_tag_url(self.slug)


@dataclass(frozen=True)
class Story:
    meta: StoryMeta
    src_uri: str
    path: str
    located: Located = field(compare=False, repr=False)
    excerpt: str
    """The summary, or the first paragraph of the body as plain text."""

    @property
    def id(self) -> str:
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")

    @property
    def url(self) -> str:
        return urls.markdown_url(self.src_uri)

    @property
    def date_label(self) -> str:
        return text.short_date(self.meta.date)

    @property
    def image_sizes(self) -> list[tuple[str, int]]:
        """(url, width) of each published size of the story's image, smallest first."""
        return [(variant_url(self.meta.image.file, w), w) for w in STORY_WIDTHS] if self.meta.image else []

    @property
    def tags(self) -> list[Tag]:
        return [Tag(label, text.slugify(label)) for label in self.meta.tags]


def _first_paragraph(body: str) -> str:
    for block in body.split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("#", "!", "<", "{:")):
            plain = " ".join(_MARKUP.sub("", block).split())
            return plain if len(plain) <= 240 else plain[:237].rsplit(" ", 1)[0] + "…"
    return ""


def load_stories(docs_dir: Path, root: Path, report: Report, memo: FileMemo | None = None) -> list[Story]:
    """Every story under ``docs_dir/cau-chuyen``, newest first; problems go to ``report``."""
    stories = []
    for path in markdown_files(docs_dir / STORIES_DIR):
        loaded = load_markdown_record(path, docs_dir, root, StoryMeta, report, keys_hint="tieu_de, ngay, tac_gia", memo=memo)
        if loaded is None:
            continue
        meta = loaded.record
        for i, label in enumerate(meta.tags):
            if not text.slugify(label):
                mark = loaded.located.mark(("the", i))
                report.error(loaded.path, mark.line, mark.col, f"thẻ '{label}' cần có ít nhất một chữ cái hoặc chữ số")
        excerpt = meta.summary or _first_paragraph(loaded.body)
        stories.append(Story(meta, loaded.src_uri, loaded.path, loaded.located, excerpt))
    return sorted(stories, key=lambda s: (s.meta.date, s.src_uri), reverse=True)
