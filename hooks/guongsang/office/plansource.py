"""A plan as lines of text, whether it arrives as a Word file (.docx), a PDF, or as text or Markdown.

Word files are read with python-docx in reading order. A paragraph becomes one line per soft line break,
with bold and italic runs kept as Markdown emphasis and Word's automatic number written before it as Word
shows it (wordnumbering.py); paragraphs are separated by a blank line. Tables that only place text, the
header and the signature block (two-column tables), are read cell by cell; a table of data in the body
becomes a Markdown pipe table (the rule is `_is_layout`'s). PDFs are read from their text layer with
pypdf's layout mode, their two-column blocks put back in reading order. Every source reaches the parser
in the same shape.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from guongsang.lang import text

if TYPE_CHECKING:  # imported at run time only by the Word reader: docx is loaded only for Word files
    from guongsang.office.wordnumbering import Numbering

_WRAPPED = re.compile(r"^(\*{1,3})(?!\*)(.+)(?<!\*)\1$", re.DOTALL)


class PlanFileError(ValueError):
    """A file that cannot be read as a plan; the message says why, in Vietnamese."""


@dataclass
class PlanText:
    lines: list[str]
    auto_numbered: list[str] = field(default_factory=list)
    """Word paragraphs numbered automatically in a way that could not be written out (an unknown numbering
    format or a missing list definition): their numbers are not in the lines."""


def read_text(path: Path) -> PlanText:
    """A plan saved as text or Markdown, in UTF-8 or an older Vietnamese encoding."""
    data = path.read_bytes()
    if b"\x00" in data:
        raise PlanFileError(f"tệp {path.name} không phải văn bản thường; lưu lại dạng .txt (UTF-8) hoặc dùng tệp .docx")
    try:
        written = text.decode_office_text(data)
    except UnicodeDecodeError:
        raise PlanFileError(f"không đọc được bảng mã của tệp {path.name}; lưu lại dạng .txt UTF-8 hoặc dùng tệp .docx") from None
    return PlanText(written.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def read_pdf(path: Path) -> PlanText:
    """The lines of a PDF's text layer, pages one after another, each two-column block in reading order."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    locked = (f"tệp {path.name} là PDF có mật khẩu; mở bằng trình đọc PDF, in hoặc lưu thành bản không mật khẩu "
              "(hoặc dùng tệp Word gốc) rồi nhập lại")
    quiet = logging.getLogger("pypdf")  # its repair notes ('EOF marker not found') are not the editor's business
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):  # a PDF locked only against editing opens with ""
            raise PlanFileError(locked)
        pages = [
            tuple(text.nfc(page.extract_text(extraction_mode="layout", layout_mode_scale_weight=weight)).split("\n")
                  for weight in (PDF_WORDS_WEIGHT, PDF_COLUMNS_WEIGHT))
            for page in reader.pages
        ]
    except (DependencyError, FileNotDecryptedError):  # AES encryption, or a password that is not empty
        raise PlanFileError(locked) from None
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise PlanFileError(
            f"tệp {path.name} không phải tệp PDF đọc được ({exc}); mở bằng trình đọc PDF và lưu lại, hoặc dùng tệp Word gốc"
        ) from None
    finally:
        quiet.setLevel(level)
    if not any(line.strip() for words, _ in pages for line in words):
        raise PlanFileError(
            f"tệp {path.name} là PDF chỉ có ảnh quét, không có lớp chữ; dùng tệp Word gốc của văn bản, "
            "hoặc nhận dạng chữ (OCR) rồi lưu thành .docx hay .txt và nhập lại"
        )
    lines: list[str] = []
    for words, columns in pages:
        if len(columns) != len(words):  # both grids group the same rows; should they not, columns are sought in the words
            columns = words
        group: list[tuple[str, str]] = []
        for line, spaced in zip([*words, ""], [*columns, ""]):
            if line.strip():
                group.append((line, spaced))
                continue
            lines.extend(" ".join(part.split()) for part in _reading_order(group))
            group = []
            lines.append("")
    return PlanText(lines)


PDF_WORDS_WEIGHT = 0.8
"""pypdf's layout mode turns positions into spaces on a grid of this many characters per average glyph: at
its default (1.25) a word printed by Chromium in italic or with a precomposed Vietnamese letter breaks
('Nơi nh ận'); 0.8 kept all but one of the 1,111 words of the corpus PDFs whole (tests/corpus/build_copies.py),
lower values glue words. Plain extraction (no layout) broke 535 of them ('U Ỷ  BAN')."""

PDF_COLUMNS_WEIGHT = 1.25
"""The coarse grid of `PDF_WORDS_WEIGHT` squeezes a long left-column line into the right column's place;
pypdf's default grid keeps the blank strip between the columns, so columns are found on it."""

_COLUMN_GAP = 3
"""Blank characters, on every line of a block, that separate two columns (the header, the signature)."""


def _reading_order(group: list[tuple[str, str]]) -> list[str]:
    """A block of lines printed side by side in two columns, as the left column's lines then the right's.

    Layout extraction keeps the header's and the signature's columns side by side on each line; a Word file
    (and the parser) reads a column whole. Each line comes twice: as its words are read best, and on the grid
    where columns are found. The columns part at the widest strip blank on every line of the block (at least
    `_COLUMN_GAP` wide and twice as wide as any other, so a table's three columns stay rows); a line of
    words is cut after as many letters as the spaced line holds left of the strip.
    """
    words = [line for line, _ in group]
    width = max((len(spaced) for _, spaced in group), default=0)
    padded = [spaced.ljust(width) for _, spaced in group]
    blank = [all(line[column] == " " for line in padded) for column in range(width)]
    strips: list[tuple[int, int]] = []  # (width, start)
    column = 0
    while column < width:
        end = column
        while end < width and blank[end]:
            end += 1
        inner = any(line[:column].strip() for line in padded) and any(line[end:].strip() for line in padded)
        if end - column >= _COLUMN_GAP and inner:
            strips.append((end - column, column))
        column = end + 1
    strips.sort(reverse=True)
    if not strips or len(strips) > 1 and strips[1][0] * 2 > strips[0][0]:
        return words
    split = strips[0][1]
    left, right = [], []
    for line, spaced in zip(words, padded):
        letters = len("".join(spaced[:split].split()))
        cut = _after_letters(line, letters)
        left.append(line[:cut])
        right.append(line[cut:])
    return [part for part in left + right if part.strip()]


def _after_letters(line: str, letters: int) -> int:
    """The index in `line` just after its first `letters` non-space characters."""
    for index, char in enumerate(line):
        if letters == 0:
            return index
        if not char.isspace():
            letters -= 1
    return len(line)


def read_docx(path: Path) -> PlanText:
    import docx  # imported here: only plan import needs it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    from guongsang.office.wordnumbering import Numbering

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise PlanFileError(f"tệp {path.name} không phải tệp Word .docx đọc được ({exc})") from None
    reader = _DocxReader(Numbering.of(document))
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            reader.add(reader.paragraph(block))
        elif _is_layout(block, before_body=not reader.result.lines):
            for paragraph in _table_paragraphs(block):
                reader.add(reader.paragraph(paragraph))
        else:
            reader.add(reader.pipe_table(block))
    return reader.result


@dataclass
class _DocxReader:
    """Paragraphs and tables in document order, so Word's list counters advance as Word advances them."""

    numbering: Numbering
    result: PlanText = field(default_factory=lambda: PlanText([]))

    def add(self, written: str) -> None:
        if written:
            self.result.lines.extend(line.strip() for line in written.split("\n"))
            self.result.lines.append("")

    def paragraph(self, paragraph) -> str:
        """The paragraph as Markdown: emphasis, its automatic number written out, a Word heading as '#'."""
        label = self.numbering.label(paragraph)  # an empty numbered paragraph still takes a number in Word
        written = text.nfc(_markdown_runs(paragraph)).strip()
        if not written:
            return ""
        if label is None:
            self.result.auto_numbered.append(written.split("\n")[0])
        elif label:
            written = _numbered(label, written)
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading ") and style[-1].isdigit():
            written = "#" * int(style[-1]) + " " + written
        return written

    def pipe_table(self, table) -> str:
        """A Markdown pipe table, its first row the header; a merged cell is written once, in its first place."""
        seen: set[object] = set()  # the cells' XML elements: kept alive here, so compared by identity safely
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell._tc in seen:
                    cells.append("")
                    continue
                seen.add(cell._tc)
                written = "\n".join(filter(None, (self.paragraph(paragraph) for paragraph in _cell_paragraphs(cell))))
                cells.append(written.replace("|", "\\|").replace("\n", "<br>"))
            rows.append(cells)
        width = max(len(cells) for cells in rows)
        lines = ["| " + " | ".join(cells + [""] * (width - len(cells))) + " |" for cells in rows]
        lines.insert(1, "|" + " --- |" * width)
        return "\n".join(lines)


def _numbered(label: str, written: str) -> str:
    """The number before the text, inside emphasis that covers the whole paragraph ('**1. Mục đích**'), as a
    typed number would be; a bullet stays outside, where Markdown reads it."""
    wrapped = _WRAPPED.match(written)
    if wrapped and wrapped.group(1) not in wrapped.group(2) and not label.startswith("-"):
        mark = wrapped.group(1)
        return f"{mark}{label}{wrapped.group(2)}{mark}"
    return label + written


_LAYOUT_WORDS = ("cong hoa xa hoi chu nghia", "doc lap", "noi nhan")
"""The national motto (header table) and the recipients (signature table): a table holding them is layout."""


def _is_layout(table, *, before_body: bool) -> bool:
    """Whether a table only places text (header, signature) rather than holding data.

    Layout: a table before any paragraph (the header always opens the document), one holding the motto or
    'Nơi nhận', one of a single row or column, or one with a column empty in every row (a signature placed
    on the right). Anything else, two rows or more of data side by side, is content and becomes a pipe table.
    """
    if before_body:
        return True
    grid = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    folded = text.fold(" ".join(" ".join(row) for row in grid))
    if any(word in folded for word in _LAYOUT_WORDS):
        return True
    width = min((len(row) for row in grid), default=0)
    if len(grid) < 2 or width < 2:
        return True
    return any(not any(row[column] for row in grid) for column in range(width))


def _table_paragraphs(table) -> Iterator:
    """A layout table's paragraphs, cell by cell in reading order; a merged cell is read once."""
    seen: set[object] = set()  # the cells' XML elements: kept alive here, so compared by identity safely
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield from _cell_paragraphs(cell)


def _cell_paragraphs(cell) -> Iterator:
    yield from cell.paragraphs
    for inner in cell.tables:
        yield from _table_paragraphs(inner)


def _markdown_runs(paragraph) -> str:
    """The paragraph's text with bold as **…** and italic as *…*; a soft line break stays a newline.

    Neighbouring runs of the same emphasis are one span ('**Kế hoạch**', not '**Kế** **hoạch**'), and a span
    is closed at each line break, so every line the parser reads has its own balanced marks.
    """
    spans: list[tuple[tuple[bool, bool], str]] = []
    for run in paragraph.runs:
        emphasis = (bool(run.bold), bool(run.italic))
        if spans and (spans[-1][0] == emphasis or not run.text.strip()):
            spans[-1] = (spans[-1][0], spans[-1][1] + run.text)
        else:
            spans.append((emphasis, run.text))
    parts = []
    for (bold, italic), written in spans:
        mark = "***" if bold and italic else "**" if bold else "*" if italic else ""
        parts.append("\n".join(_emphasised(line, mark) for line in written.split("\n")))
    return "".join(parts)


def _emphasised(written: str, mark: str) -> str:
    core = written.strip()
    if not core or not mark:
        return written
    start = written.index(core[0])
    return f"{written[:start]}{mark}{core}{mark}{written[start + len(core):]}"
