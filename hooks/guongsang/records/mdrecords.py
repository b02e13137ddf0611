"""Markdown files whose front matter is a record (documents, stories): read, split, validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel

from guongsang.diagnostics import Report
from guongsang.lang import text
from guongsang.records.filememo import FileMemo
from guongsang.records.sanitize import RAW_HTML, SCRIPT_LINK
from guongsang.records.sourcefile import FrontMatter, read_text, split_front_matter
from guongsang.records.validation import validate
from guongsang.records.yamlsrc import Located, parse_yaml

R = TypeVar("R", bound=BaseModel)

_FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


@dataclass(frozen=True)
class MarkdownRecord(Generic[R]):
    record: R
    located: Located
    path: str
    """Relative to the project root, for messages."""
    src_uri: str
    """Relative to the docs_dir, as MkDocs names it."""
    body: str
    body_line: int

    @property
    def id(self) -> str:
        """The file name without '.md': how other records name this one."""
        return PurePosixPath(self.src_uri).stem


MAX_DEPTH = 32
MAX_INDENT = 100
"""Python-Markdown takes time growing with the square of unclosed '[', '(' or '<tag' in a paragraph (20,000
unclosed '[': 99 s; 20,000 '<b ': 67 s), and recurses once per list level (300 levels: RecursionError).
Real pages stay far below these bounds."""
_UNCLOSED_TAG = re.compile(r"<[A-Za-z/!][^<>]*(?=<|\Z)")


def too_deep(body: str) -> tuple[int, str] | None:
    """The 0-based line where a body passes what Python-Markdown renders in reasonable time, and why."""
    start = 0
    lines = body.split("\n")
    for number, line in enumerate([*lines, ""]):
        if line.strip():
            continue
        if number > start and (found := _paragraph_too_deep(lines[start:number])):
            return start + found[0], found[1]
        start = number + 1
    return None


def _paragraph_too_deep(lines: list[str]) -> tuple[int, str] | None:
    for number, line in enumerate(lines):
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if indent > MAX_INDENT:
            return number, f"dòng thụt lề {indent} cột (danh sách lồng quá sâu); tối đa {MAX_INDENT} cột"
    if unclosed := text.unclosed_beyond(lines, {"[": "]", "(": ")"}, MAX_DEPTH):
        return unclosed[0], f"quá {MAX_DEPTH} dấu '{unclosed[1]}' chưa đóng trong một đoạn"
    paragraph = "\n".join(lines)
    if "<" in paragraph and len(_UNCLOSED_TAG.findall(paragraph)) > MAX_DEPTH:
        return 0, f"quá {MAX_DEPTH} thẻ HTML thiếu dấu '>' trong một đoạn"
    return None


def check_body_markup(body: str, first_line: int, rel: str, report: Report) -> None:
    """Script links, look-alike letters and markup too deep to render are errors; raw HTML that will be
    stripped is pointed out."""
    if deep := too_deep(body):
        report.error(rel, first_line + deep[0], 1, f"nội dung lồng nhau quá sâu: {deep[1]}; hãy viết lại đoạn này đơn giản hơn")
    for number, line in enumerate(body.splitlines(), start=first_line):
        if word := text.mixed_script_word(line):
            report.error(rel, number, line.index(word) + 1, text.look_alike_message(word))
        if match := SCRIPT_LINK.search(line):
            report.error(rel, number, match.start("scheme") + 1, "liên kết 'javascript:' (hoặc 'data:') không được phép vì có thể chạy mã trên máy người đọc; dùng địa chỉ http:// hoặc https://")
        elif match := RAW_HTML.search(line):
            report.warning(rel, number, match.start() + 1, "đoạn HTML này (thẻ script, iframe, form… hoặc thuộc tính on…) sẽ bị lược bỏ khi đăng; hãy viết bằng Markdown")


INDEX_PAGE = "index.md"
"""A folder's own page: in the folders of records (documents, stories), the listing, not a record."""


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a content folder, in path order, without its index page."""
    return sorted(p for p in folder.rglob("*.md") if p.name != INDEX_PAGE) if folder.is_dir() else []


def check_page_name(path: Path, rel: str, report: Report) -> None:
    """A Markdown file's name becomes its page's address: lower-case ASCII words joined by '-'."""
    if not _FILE_NAME.match(path.name):
        report.error(
            rel, 0, 0,
            f"tên tệp '{path.name}' sẽ thành địa chỉ trang; chỉ dùng chữ thường không dấu, số và dấu '-',"
            f" ví dụ '{text.slugify(path.stem) or 'trang'}.md'",
        )


def load_markdown_record(
    path: Path, docs_dir: Path, root: Path, model: type[R], report: Report, *, keys_hint: str | None,
    memo: FileMemo | None = None,
) -> MarkdownRecord[R] | None:
    """The validated front matter and the body of one file; problems go to ``report``.

    ``keys_hint`` names the keys a front matter must start with; None when a page may have none (an
    editor's own page: its front matter is then read as empty). ``memo``: outcomes of unchanged files.
    """
    def read(own: Report) -> MarkdownRecord[R] | None:
        return _load_markdown_record(path, docs_dir, root, model, own, keys_hint)

    if memo is None:
        return read(report)
    return memo.outcome(f"markdown:{model.__name__}", path, read, report)


def _load_markdown_record(
    path: Path, docs_dir: Path, root: Path, model: type[R], report: Report, keys_hint: str | None
) -> MarkdownRecord[R] | None:
    rel = path.relative_to(root).as_posix()
    check_page_name(path, rel, report)
    source = read_text(path, rel, report)
    if source is None:
        return None
    front = split_front_matter(source)
    if front is None and keys_hint is not None:
        report.error(rel, 1, 1, f"tệp phải bắt đầu bằng phần khai báo giữa hai dòng '---' ({keys_hint}, …)")
        return None
    front = front or FrontMatter(yaml="", line_offset=0, body=source, body_line=1)
    located = parse_yaml(front.yaml, rel, report, line_offset=front.line_offset)
    if located is None:
        return None
    if located.data is None and keys_hint is None:
        located.data = {}
    record = validate(model, located, rel, report)
    if record is None:
        return None
    check_body_markup(front.body, front.body_line, rel, report)
    return MarkdownRecord(record, located, rel, path.relative_to(docs_dir).as_posix(), front.body, front.body_line)
