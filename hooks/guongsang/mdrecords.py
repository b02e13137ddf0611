"""Markdown files whose front matter is a record (documents, stories): read, split, validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel

from guongsang import text
from guongsang.diagnostics import Report
from guongsang.sanitize import RAW_HTML, SCRIPT_LINK
from guongsang.sourcefile import read_text, split_front_matter
from guongsang.validation import validate
from guongsang.yamlsrc import Located, parse_yaml

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


def check_body_markup(body: str, first_line: int, rel: str, report: Report) -> None:
    """Script links and look-alike letters are errors; raw HTML that will be stripped is pointed out."""
    for number, line in enumerate(body.splitlines(), start=first_line):
        if word := text.mixed_script_word(line):
            report.error(rel, number, line.index(word) + 1, text.look_alike_message(word))
        if match := SCRIPT_LINK.search(line):
            report.error(rel, number, match.start("scheme") + 1, "liên kết 'javascript:' (hoặc 'data:') không được phép vì có thể chạy mã trên máy người đọc; dùng địa chỉ http:// hoặc https://")
        elif match := RAW_HTML.search(line):
            report.warning(rel, number, match.start() + 1, "đoạn HTML này (thẻ script, iframe, form… hoặc thuộc tính on…) sẽ bị lược bỏ khi đăng; hãy viết bằng Markdown")


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a content folder, in path order, without its index page."""
    return sorted(p for p in folder.rglob("*.md") if p.name != "index.md") if folder.is_dir() else []


def load_markdown_record(
    path: Path, docs_dir: Path, root: Path, model: type[R], report: Report, *, keys_hint: str
) -> MarkdownRecord[R] | None:
    """The validated front matter and the body of one file; problems go to ``report``."""
    rel = path.relative_to(root).as_posix()
    if not _FILE_NAME.match(path.name):
        report.error(
            rel, 0, 0,
            f"tên tệp '{path.name}' sẽ thành địa chỉ trang; chỉ dùng chữ thường không dấu, số và dấu '-',"
            f" ví dụ '{text.slugify(path.stem) or 'trang'}.md'",
        )
    source = read_text(path, rel, report)
    if source is None:
        return None
    front = split_front_matter(source)
    if front is None:
        report.error(rel, 1, 1, f"tệp phải bắt đầu bằng phần khai báo giữa hai dòng '---' ({keys_hint}, …)")
        return None
    located = parse_yaml(front.yaml, rel, report, line_offset=front.line_offset)
    if located is None:
        return None
    record = validate(model, located, rel, report)
    if record is None:
        return None
    check_body_markup(front.body, front.body_line, rel, report)
    return MarkdownRecord(record, located, rel, path.relative_to(docs_dir).as_posix(), front.body, front.body_line)
