"""A plan as lines of text, whether it arrives as a Word file (.docx) or as text or Markdown.

Word files are read with python-docx in reading order: paragraphs, and the cells of tables (the header
of an administrative document and its signature block are two-column tables). A paragraph becomes one
line per soft line break, with bold and italic runs kept as Markdown emphasis, and paragraphs are
separated by a blank line, so both sources reach the parser in the same shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from guongsang import text

MAX_BYTES = 20 * 1024 * 1024
"""Larger than any plan: a bigger file is refused rather than read into memory."""

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


class PlanFileError(ValueError):
    """A file that cannot be read as a plan; the message says why, in Vietnamese."""


@dataclass
class PlanText:
    lines: list[str]
    auto_numbered: list[str] = field(default_factory=list)
    """Word paragraphs numbered automatically: their numbers live in the list style, not in the text."""


def read(path: Path) -> PlanText:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise PlanFileError(f"không thấy tệp {path}")
    if path.stat().st_size > MAX_BYTES:
        raise PlanFileError(f"tệp {path.name} lớn hơn {MAX_BYTES // 1024 // 1024} MB; một kế hoạch không lớn như vậy")
    if suffix == ".docx":
        return _read_docx(path)
    if suffix in TEXT_SUFFIXES:
        data = path.read_bytes()
        if b"\x00" in data:
            raise PlanFileError(f"tệp {path.name} không phải văn bản thường; lưu lại dạng .txt (UTF-8) hoặc dùng tệp .docx")
        try:
            written = text.decode_office_text(data)
        except UnicodeDecodeError:
            raise PlanFileError(f"không đọc được bảng mã của tệp {path.name}; lưu lại dạng .txt UTF-8 hoặc dùng tệp .docx") from None
        return PlanText(written.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if suffix == ".doc":
        raise PlanFileError(f"tệp {path.name} là Word 97-2003 (.doc); mở bằng Word và lưu thành .docx rồi nhập lại")
    raise PlanFileError(f"không đọc được loại tệp '{suffix}'; dùng .docx, .txt hoặc .md")


def _read_docx(path: Path) -> PlanText:
    import docx  # imported here: only plan import needs it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise PlanFileError(f"tệp {path.name} không phải tệp Word .docx đọc được ({exc})") from None
    result = PlanText([])
    for paragraph in _paragraphs(document):
        written = text.nfc(_markdown_runs(paragraph)).strip()
        if not written:
            continue
        if _auto_numbered(paragraph):
            result.auto_numbered.append(written.split("\n")[0])
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading ") and style[-1].isdigit():  # a Word heading reads as a Markdown one
            written = "#" * int(style[-1]) + " " + written
        result.lines.extend(line.strip() for line in written.split("\n"))
        result.lines.append("")
    return result


def _paragraphs(document) -> Iterator:
    """Body paragraphs and table cells' paragraphs, in reading order; a merged cell is read once."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            yield from _table_paragraphs(block)


def _table_paragraphs(table) -> Iterator:
    seen: set[object] = set()  # the cells' XML elements: kept alive here, so compared by identity safely
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from _table_paragraphs(inner)


def _auto_numbered(paragraph) -> bool:
    """Numbered by Word itself, on the paragraph or through its style (such as 'List Number')."""
    properties = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        properties.append(style.element.pPr)
        style = style.base_style
    return any(p is not None and p.numPr is not None for p in properties)


def _markdown_runs(paragraph) -> str:
    """The paragraph's text with bold as **…** and italic as *…*; a soft line break stays a newline."""
    parts = []
    for run in paragraph.runs:
        written = run.text
        if not written.strip():
            parts.append(written)
            continue
        lead, core, trail = _split_space(written)
        if run.bold and run.italic:
            core = f"***{core}***"
        elif run.bold:
            core = f"**{core}**"
        elif run.italic:
            core = f"*{core}*"
        parts.append(lead + core + trail)
    # Adjacent runs with the same emphasis ('**Kế** **hoạch**') read as one.
    return "".join(parts).replace("** **", " ").replace("****", "")


def _split_space(written: str) -> tuple[str, str, str]:
    core = written.strip()
    start = written.index(core[0])
    return written[:start], core, written[start + len(core) :]
