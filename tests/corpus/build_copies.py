"""Build Word (.docx) and PDF copies of chosen corpus documents, laid out as offices lay them out.

Run by a maintainer after changing this script (the tests read the committed copies, never run it):

    PYTHONPATH=hooks .venv/bin/python tests/corpus/build_copies.py

Each copy holds exactly the lines of van-ban/SLUG.txt; only the layout changes. SLUG.yaml's ky_vong tells
which lines go where: the header is a borderless two-column table (left: parent and issuing body, number,
a công văn's 'V/v' line; right: motto and place-date, the line starting with dia_danh), the type and title
are centred in bold, the body is paragraphs (capitalised lines bold), and the recipients ('Nơi nhận') and
the signature block (ky_vong.ky, the signer's name) are a two-column table. A copy may give typed numbers
to Word's automatic numbering instead ('1.', 'Điều 1.', '-' as a bullet): the .docx then holds the list
definition and no number in the text, as an office's file does. The PDF is printed by Debian's headless
Chromium from an HTML rendering of the same layout, as an office's "Save as PDF" prints it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

CORPUS = Path(__file__).parent / "van-ban"

_MOTTO = re.compile(r"^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập)")
_RULE = re.compile(r"^[-_*=.\s]+$")
_RECIPIENTS = re.compile(r"^Nơi nhận")


@dataclass(frozen=True)
class AutoNumbering:
    """Typed numbers of the body given to Word's numbering instead: lines matching `typed` lose the match."""

    typed: str
    number_format: str
    level_text: str


@dataclass(frozen=True)
class Copy:
    slug: str
    numbering: AutoNumbering | None = None


COPIES = (
    Copy("a-bgddt-cv-3234-gdcn"),
    Copy("a-ubnd-bac-lieu-cv-272-bang-tot-nghiep", AutoNumbering(r"^\d+\. ", "decimal", "%1.")),
    Copy("b-so-hcm-2865-y-kien-quy-che-thi", AutoNumbering(r"^- ", "bullet", "-")),
    Copy("c-mn-hoa-hong-can-loc", AutoNumbering(r"^Điều \d+\. ", "decimal", "Điều %1.")),
)


@dataclass
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    centred: bool = False
    numbered: bool = False
    """The typed number was taken off: Word's numbering (or, in the PDF, the number printed back) shows it."""


@dataclass
class Layout:
    header: tuple[list[Paragraph], list[Paragraph], list[Paragraph], list[Paragraph]] = field(
        default_factory=lambda: ([], [], [], []))
    """Cells of the header table: bodies | motto, then number and V/v | place-date."""
    body: list[Paragraph] = field(default_factory=list)
    recipients: list[Paragraph] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)
    after: list[Paragraph] = field(default_factory=list)
    """Lines after the signer's name (a cut marked '[…]')."""


def _capitalised(line: str) -> bool:
    return line.upper() == line and any(char.isalpha() for char in line)


def layout(copy: Copy) -> Layout:
    lines = [line.strip() for line in (CORPUS / f"{copy.slug}.txt").read_text(encoding="utf-8").split("\n")]
    expected = yaml.safe_load((CORPUS / f"{copy.slug}.yaml").read_text(encoding="utf-8"))["ky_vong"]
    date_at = next(i for i, line in enumerate(lines) if line.startswith(expected["dia_danh"]) and "ngày" in line)
    if expected["loai"] == "CÔNG VĂN":
        body_at = date_at + 1
    else:
        body_at = next(i for i, line in enumerate(lines) if line == expected["loai"])
    result = Layout()
    left_top, right_top, left_bottom, right_bottom = result.header
    column = left_top
    for index, line in enumerate(lines[:body_at]):
        if not line:
            continue
        if index == date_at:
            column = right_bottom
        elif _MOTTO.match(line):
            column = right_top
        elif line.startswith("Số"):
            column = left_bottom
        elif not _RULE.match(line) and column is right_top:  # a body line after the motto's column
            column = left_top
        heading = (column is left_top or column is right_top) and not _RULE.match(line)
        column.append(Paragraph(line, bold=heading, italic=index == date_at))
    signature = expected["ky"] + [expected["nguoi_ky"]]
    tail_at = next(i for i, line in enumerate(lines) if i > body_at and (_RECIPIENTS.match(line) or line in signature))
    title_end = body_at + 1 if expected["loai"] == "CÔNG VĂN" else _title_end(lines, body_at, expected["trich_yeu"])
    for index, line in enumerate(lines[body_at:tail_at], start=body_at):
        if not line:
            continue
        paragraph = Paragraph(line, bold=_capitalised(line) or index < title_end)
        paragraph.centred = paragraph.bold and expected["loai"] != "CÔNG VĂN" or index < title_end
        if copy.numbering and (typed := re.match(copy.numbering.typed, line)):
            paragraph.text, paragraph.numbered = line[typed.end():], True
        result.body.append(paragraph)
    in_recipients = False
    for line in lines[tail_at:]:
        if not line:
            continue
        if _RECIPIENTS.match(line):
            in_recipients = True
        elif in_recipients and not line.startswith(("-", "–")):
            in_recipients = False
        if result.signature and result.signature[-1].text == expected["nguoi_ky"]:
            result.after.append(Paragraph(line))
        elif in_recipients:
            label = _RECIPIENTS.match(line) is not None
            result.recipients.append(Paragraph(line, bold=label, italic=label))
        else:
            result.signature.append(Paragraph(line, bold=line in signature, centred=True))
    return result


def _title_end(lines: list[str], type_at: int, title: str) -> int:
    """The line after the title: the title's lines follow the type down to the one ending it."""
    index = type_at + 1
    while not (lines[index] and title.rstrip().endswith(lines[index])):
        index += 1
    return index + 1


# ---- Word ----

_COLUMNS = (Mm(66), Mm(99))

def _numbering_definition(document, numbering: AutoNumbering) -> str:
    """A list definition as Word's numbering button makes it: one abstract list and an instance of it."""
    root = document.part.numbering_part.element
    abstract_id = str(1 + max(int(a.get(qn("w:abstractNumId"))) for a in root.findall(qn("w:abstractNum"))))
    num_id = str(1 + max(int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{numbering.number_format}"/>'
        f'<w:lvlText w:val="{numbering.level_text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>'
    )
    root.findall(qn("w:abstractNum"))[-1].addnext(abstract)  # abstract lists come before instances
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def _write_paragraph(container, paragraph: Paragraph, num_id: str | None) -> None:
    written = container.add_paragraph()
    run = written.add_run(paragraph.text)
    run.bold, run.italic = paragraph.bold or None, paragraph.italic or None
    if paragraph.centred:
        written.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if paragraph.numbered and num_id:
        written._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _two_columns(document, cells: list[list[Paragraph]], rows: int) -> None:
    """A borderless two-column table (the template's plain table style draws no lines), text centred; the
    right column wider, so the motto and the place-date line hold on one line."""
    table = document.add_table(rows=rows, cols=2)
    table.autofit = False
    for index, paragraphs in enumerate(cells):
        cell = table.cell(index // 2, index % 2)
        cell.width = _COLUMNS[index % 2]
        cell._tc.remove(cell.paragraphs[0]._p)
        for paragraph in paragraphs:
            paragraph.centred = True
            _write_paragraph(cell, paragraph, None)
        if not paragraphs:
            cell.add_paragraph()


def write_docx(copy: Copy, page: Layout, target: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    num_id = _numbering_definition(document, copy.numbering) if copy.numbering else None
    _two_columns(document, list(page.header), rows=2)
    for paragraph in page.body:
        _write_paragraph(document, paragraph, num_id)
    _two_columns(document, [page.recipients, page.signature], rows=1)
    for paragraph in page.after:
        _write_paragraph(document, paragraph, None)
    document.core_properties.author = "Gương sáng corpus"
    document.save(str(target))


# ---- PDF ----

_CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; line-height: 1.3; }
table { width: 100%; border-collapse: collapse; }
td { vertical-align: top; text-align: center; padding: 0; font-size: 12pt; }
td:first-child { width: 40%; } td:last-child { width: 60%; }
p { margin: 0 0 6pt; text-align: justify; text-indent: 10mm; }
td p, p.c { text-align: center; text-indent: 0; }
"""


def _html_paragraph(paragraph: Paragraph, number: int | None, numbering: AutoNumbering | None) -> str:
    written = html.escape(paragraph.text)
    if number is not None and numbering is not None:  # printed as Word prints the list's number
        label = "-" if numbering.number_format == "bullet" else numbering.level_text.replace("%1", str(number))
        written = f"{html.escape(label)} {written}"
    if paragraph.bold:
        written = f"<b>{written}</b>"
    if paragraph.italic:
        written = f"<i>{written}</i>"
    return f'<p class="c">{written}</p>' if paragraph.centred else f"<p>{written}</p>"


def _html_table(cells: list[list[Paragraph]]) -> str:
    rows = [cells[index:index + 2] for index in range(0, len(cells), 2)]
    return "<table>" + "".join(
        "<tr>" + "".join("<td>" + "".join(_html_paragraph(p, None, None) for p in cell) + "</td>" for cell in row) + "</tr>"
        for row in rows
    ) + "</table>"


def page_html(copy: Copy, page: Layout) -> str:
    parts = [_html_table(list(page.header)), "<br>"]
    number = 0
    for paragraph in page.body:
        number = number + 1 if paragraph.numbered else number
        parts.append(_html_paragraph(paragraph, number if paragraph.numbered else None, copy.numbering))
    parts += ["<br>", _html_table([page.recipients, page.signature])]
    parts += [_html_paragraph(paragraph, None, None) for paragraph in page.after]
    return f'<!doctype html><html lang="vi"><meta charset="utf-8"><style>{_CSS}</style><body>{"".join(parts)}</body></html>'


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for copy in COPIES:
            page_layout = layout(copy)
            write_docx(copy, page_layout, CORPUS / f"{copy.slug}.docx")
            tab = browser.new_page()
            tab.set_content(page_html(copy, page_layout))
            tab.pdf(path=str(CORPUS / f"{copy.slug}.pdf"), format="A4", prefer_css_page_size=True)
            tab.close()
            print(f"{copy.slug}: .docx, .pdf")
        browser.close()


if __name__ == "__main__":
    main()
