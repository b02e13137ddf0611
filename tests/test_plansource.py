"""Reading the files offices have: Word numbering written out, body tables, PDFs, and the corpus copies."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
import yaml
from conftest import ROOT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from guongsang.office import formats, plansource
from PIL import Image
from pypdf import PdfReader, PdfWriter

CORPUS = ROOT / "tests" / "corpus" / "van-ban"
COPIES = sorted(path.stem for path in CORPUS.glob("*.docx"))
PRINTED = sorted(path.stem for path in CORPUS.glob("*.pdf"))


def read(path: Path) -> list[str]:
    return [line for line in formats.read_plan(path).lines if line]


# ---- Word's automatic numbering ----

def level(ilvl: int, number_format: str, text: str, *, start: int = 1, restart: int | None = None) -> str:
    restart_xml = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>{restart_xml}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbered_docx(path: Path, levels: list[str], paragraphs: list[tuple[str, int, int]],
                  overrides: dict[int, int] | None = None) -> Path:
    """A Word file with one abstract list of `levels`, list instances 101 (plain) and 102 (with `overrides`,
    level → startOverride), and paragraphs (text, numId, ilvl) numbered through their own w:numPr."""
    document = docx.Document()
    root = document.part.numbering_part.element
    root.findall(qn("w:abstractNum"))[-1].addnext(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{"".join(levels)}</w:abstractNum>'))
    overriding = "".join(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                         for ilvl, start in (overrides or {}).items())
    for num_id, extra in ((101, ""), (102, overriding)):
        root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/>{extra}</w:num>'))
    document.add_paragraph("Mở đầu")
    for written, num_id, ilvl in paragraphs:
        paragraph = document.add_paragraph(written)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("levels", "paragraphs", "expected"),
    [
        pytest.param([level(0, "decimal", "%1.")], [("Mục đích", 101, 0), ("Yêu cầu", 101, 0)],
                     ["1. Mục đích", "2. Yêu cầu"], id="decimal"),
        pytest.param([level(0, "upperRoman", "%1.")], [("MỤC ĐÍCH", 101, 0)] * 4,
                     ["I. MỤC ĐÍCH", "II. MỤC ĐÍCH", "III. MỤC ĐÍCH", "IV. MỤC ĐÍCH"], id="upper-roman"),
        pytest.param([level(0, "lowerRoman", "(%1)", start=9)], [("x", 101, 0), ("y", 101, 0)],
                     ["(ix) x", "(x) y"], id="lower-roman-from-start"),
        pytest.param([level(0, "lowerLetter", "%1)")], [("Tập thể", 101, 0), ("Cá nhân", 101, 0)],
                     ["a) Tập thể", "b) Cá nhân"], id="lower-letter"),
        pytest.param([level(0, "upperLetter", "%1.")], [("Phụ lục", 101, 0)], ["A. Phụ lục"], id="upper-letter"),
        pytest.param([level(0, "decimal", "Điều %1.")], [("Ban hành", 101, 0), ("Hiệu lực", 101, 0)],
                     ["Điều 1. Ban hành", "Điều 2. Hiệu lực"], id="article"),
        pytest.param(
            [level(0, "upperRoman", "%1."), level(1, "decimal", "%2."), level(2, "decimal", "%2.%3.")],
            [("MỤC ĐÍCH", 101, 0), ("Mục đích", 101, 1), ("Một", 101, 2), ("Hai", 101, 2), ("Yêu cầu", 101, 1),
             ("Ba", 101, 2), ("TỔ CHỨC", 101, 0), ("Thời gian", 101, 1)],
            ["I. MỤC ĐÍCH", "1. Mục đích", "1.1. Một", "1.2. Hai", "2. Yêu cầu", "2.1. Ba", "II. TỔ CHỨC", "1. Thời gian"],
            id="nested-deeper-levels-restart",
        ),
        pytest.param(
            [level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)", restart=0)],
            [("A", 101, 0), ("x", 101, 1), ("B", 101, 0), ("y", 101, 1)],
            ["1. A", "a) x", "2. B", "b) y"], id="level-that-never-restarts",
        ),
        pytest.param([level(0, "bullet", "")], [("Như trên;", 101, 0), ("Lưu: VT.", 101, 0)],
                     ["- Như trên;", "- Lưu: VT."], id="bullet"),
    ],
)
def test_word_numbering_is_written_as_word_shows_it(tmp_path: Path, levels: list[str],
                                                    paragraphs: list[tuple[str, int, int]], expected: list[str]) -> None:
    """Each numbering format, nested levels and restarts come out as the numbers Word prints."""
    source = formats.read_plan(numbered_docx(tmp_path / "k.docx", levels, paragraphs))
    assert [line for line in source.lines if line][1:] == expected
    assert source.auto_numbered == []


def test_a_list_restarted_by_start_override_counts_again(tmp_path: Path) -> None:
    """Two instances of one list continue each other; an instance with startOverride starts again."""
    path = numbered_docx(tmp_path / "k.docx", [level(0, "decimal", "%1.")],
                         [("a", 101, 0), ("b", 101, 0), ("c", 102, 0), ("d", 102, 0), ("e", 101, 0)], overrides={0: 1})
    assert read(path)[1:] == ["1. a", "2. b", "1. c", "2. d", "3. e"]


def test_numbering_through_a_style_and_inside_emphasis(tmp_path: Path) -> None:
    """'List Number' numbers through its style; a bold paragraph keeps its number inside the bold, as typed."""
    document = docx.Document()
    document.add_paragraph("Phát hiện nhân tố mới", style="List Number")
    document.add_paragraph(style="List Number").add_run("Tổ chức thực hiện").bold = True
    document.add_paragraph("Không đánh số", style="List Number")._p.pPr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>'))  # numId 0: the style's number is off
    document.save(str(tmp_path / "k.docx"))
    assert read(tmp_path / "k.docx") == ["1. Phát hiện nhân tố mới", "**2. Tổ chức thực hiện**", "Không đánh số"]


def test_numbering_that_cannot_be_written_is_listed(tmp_path: Path) -> None:
    """An unknown format, or a list numbering.xml does not define, is listed for the editor, never guessed."""
    path = numbered_docx(tmp_path / "k.docx", [level(0, "chineseCounting", "%1、")], [("Một", 101, 0), ("Hai", 999, 0)])
    source = formats.read_plan(path)
    assert [line for line in source.lines if line] == ["Mở đầu", "Một", "Hai"]
    assert source.auto_numbered == ["Một", "Hai"]


# ---- tables ----

def test_body_table_becomes_a_pipe_table_and_layout_tables_are_read_cell_by_cell(tmp_path: Path) -> None:
    """The header and signature tables keep reading order; a table of data in the body is a Markdown table."""
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("Kết quả như sau:")
    data = document.add_table(rows=3, cols=3)
    for row, values in enumerate([("TT", "Đơn vị", "Ghi chú"), ("1", "Trường A | B", "Xuất sắc"), ("2", "Trường C", "")]):
        for column, value in enumerate(values):
            data.cell(row, column).text = value
    data.cell(2, 2).paragraphs[0].add_run("Tốt").bold = True
    data.cell(2, 2).add_paragraph("lần 2")
    data.cell(0, 1).merge(data.cell(0, 2))
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "Nơi nhận:"
    footer.cell(0, 1).text = "GIÁM ĐỐC"
    document.save(str(tmp_path / "k.docx"))
    assert read(tmp_path / "k.docx") == [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kết quả như sau:",
        "| TT | Đơn vị<br>Ghi chú |  |",
        "| --- | --- | --- |",
        "| 1 | Trường A \\| B | Xuất sắc |",
        "| 2 | Trường C | **Tốt**<br>lần 2 |",
        "Nơi nhận:", "GIÁM ĐỐC",
    ]


@pytest.mark.parametrize(
    ("cells", "layout"),
    [
        ([["Số: 5/KH-SGDĐT", "Hưng Yên, ngày 1 tháng 1 năm 2026"], ["", "Độc lập - Tự do - Hạnh phúc"]], True),
        ([["", "TM. ỦY BAN NHÂN DÂN"], ["", "Nguyễn Văn A"]], True),  # a signature placed on the right
        ([["Trường A", "Xuất sắc"]], True),  # a single row places text side by side
        ([["Trường A", "Xuất sắc"], ["Trường B", "Tốt"]], False),
    ],
)
def test_which_tables_are_layout(tmp_path: Path, cells: list[list[str]], layout: bool) -> None:
    """The rule: motto, 'Nơi nhận', one row or column, or an empty column mean layout; other grids are data."""
    document = docx.Document()
    document.add_paragraph("Đoạn mở đầu.")
    table = document.add_table(rows=len(cells), cols=2)
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.save(str(tmp_path / "k.docx"))
    assert any(line.startswith("| ") for line in read(tmp_path / "k.docx")) is not layout


# ---- PDF ----

def test_corpus_pdf_is_read_in_reading_order() -> None:
    """The header's columns, side by side on the page, come out as the left column's lines then the right's."""
    lines = read(CORPUS / "b-so-hcm-2865-y-kien-quy-che-thi.pdf")
    assert lines[:11] == [
        "UỶ BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "*****", "Số: 2865/GDĐT –KT&KĐCL",
        "Về: tham gia ý kiến về dự thảo Quy", "chế thi tốt nghiệp THPT.",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "*******",
        "Tp.Hồ Chí Minh, ngày 07 tháng 12 năm 2007",
    ]
    assert lines[-6:] == ["Nơi nhận:", "- Như trên “ để thực hiện” ;", "- Lưu (VP ; KT&KĐCL).",
                          "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Ngai"]


@pytest.mark.browser
def test_pdf_saved_from_a_browser_is_read(tmp_path: Path, browser) -> None:
    """A PDF printed here (several pages, a two-column header) reads as its text, columns in order."""
    long_body = "".join(f"<p>Đoạn thứ {index} của kế hoạch, viết đủ dài để sang trang.</p>" for index in range(1, 60))
    page = browser.new_page()
    page.set_content(
        '<html lang="vi"><meta charset="utf-8"><body style="font: 13pt \'Liberation Serif\'">'
        '<table style="width:100%"><tr><td style="width:40%;text-align:center">UBND TỈNH HƯNG YÊN<br>'
        "<b>SỞ GIÁO DỤC VÀ ĐÀO TẠO</b><br>Số: 58/KH-SGDĐT</td>"
        '<td style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc<br>'
        "<i>Hưng Yên, ngày 05 tháng 3 năm 2026</i></td></tr></table>"
        f'<p style="text-align:center"><b>KẾ HOẠCH</b></p>{long_body}</body></html>'
    )
    page.pdf(path=str(tmp_path / "k.pdf"), format="A4")
    page.close()
    assert len(PdfReader(tmp_path / "k.pdf").pages) >= 2
    lines = read(tmp_path / "k.pdf")
    assert lines[:7] == ["UBND TỈNH HƯNG YÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 58/KH-SGDĐT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Hưng Yên, ngày 05 tháng 3 năm 2026", "KẾ HOẠCH"]
    assert lines[7:] == [f"Đoạn thứ {index} của kế hoạch, viết đủ dài để sang trang." for index in range(1, 60)]


def test_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    """An owner password alone (the reader needs none) does not stop the import."""
    writer = PdfWriter(clone_from=CORPUS / "a-bgddt-cv-3234-gdcn.pdf")
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    writer.write(tmp_path / "k.pdf")
    assert read(tmp_path / "k.pdf") == read(CORPUS / "a-bgddt-cv-3234-gdcn.pdf")


def _scanned(path: Path) -> None:
    Image.new("L", (200, 280), 255).save(path, "PDF")  # a page that is only an image, as a scanner makes it


def _locked(path: Path) -> None:
    writer = PdfWriter(clone_from=CORPUS / "a-bgddt-cv-3234-gdcn.pdf")
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    writer.write(path)


def _oversized(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: nothing is written
        handle.truncate(formats.MAX_PLAN_BYTES + 1)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_scanned, "là PDF chỉ có ảnh quét, không có lớp chữ; dùng tệp Word gốc"),
        (_locked, "là PDF có mật khẩu; mở bằng trình đọc PDF"),
        (lambda path: path.write_bytes(b"%PDF-1.7\n"), "không phải tệp PDF đọc được"),
        (_oversized, "lớn hơn 20 MB"),
    ],
    ids=["scanned", "encrypted", "broken", "oversized"],
)
def test_unreadable_pdf_is_refused_with_the_fix(tmp_path: Path, make, message: str) -> None:
    """Each PDF that cannot be read says why and what to do, naming the file."""
    path = tmp_path / "van-ban.pdf"
    make(path)
    with pytest.raises(plansource.PlanFileError) as refused:
        formats.read_plan(path)
    assert message in str(refused.value)
    assert "van-ban.pdf" in str(refused.value)
    os.remove(path)


# ---- the corpus copies ----

def _normalised(lines: list[str]) -> list[str]:
    """Lines without Markdown emphasis and with single spaces; empty and mark-only lines ('*****') dropped."""
    return [" ".join(line.replace("*", "").split()) for line in lines if line.replace("*", "").strip()]


def header_lines(slug: str) -> list[str]:
    """The .txt's lines from the top to the end of the title (a công văn's: to its place-date line)."""
    lines = _normalised((CORPUS / f"{slug}.txt").read_text(encoding="utf-8").split("\n"))
    expected = yaml.safe_load((CORPUS / f"{slug}.yaml").read_text(encoding="utf-8"))["ky_vong"]
    if expected["loai"] == "CÔNG VĂN":
        last = next(i for i, line in enumerate(lines) if line.startswith(expected["dia_danh"]) and "ngày" in line)
    else:
        type_at = lines.index(expected["loai"])
        last = next(i for i in range(type_at, len(lines)) if expected["trich_yeu"].endswith(lines[i].removesuffix(".")))
    return lines[: last + 1]


def test_the_corpus_has_word_and_pdf_copies() -> None:
    """At least three of each, from documents of different levels."""
    levels = {yaml.safe_load((CORPUS / f"{slug}.yaml").read_text(encoding="utf-8"))["cap"] for slug in PRINTED}
    assert len(COPIES) >= 3 and len(PRINTED) >= 3 and len(levels) >= 3


@pytest.mark.parametrize("slug", COPIES)
def test_corpus_word_copy_reads_as_its_text(slug: str) -> None:
    """The Word copy (tables, Word numbering) gives the .txt's very lines, header and all, in the same order."""
    copy = _normalised(formats.read_plan(CORPUS / f"{slug}.docx").lines)
    assert copy == _normalised((CORPUS / f"{slug}.txt").read_text(encoding="utf-8").split("\n"))
    assert copy[: len(header_lines(slug))] == header_lines(slug)


@pytest.mark.parametrize("slug", PRINTED)
def test_corpus_pdf_copy_gives_the_header_lines(slug: str) -> None:
    """Every header line of the .txt (bodies, number, V/v, place-date, type, title) is a line of the PDF, or
    the lines a narrow column wrapped it into."""
    printed = _normalised(formats.read_plan(CORPUS / f"{slug}.pdf").lines)
    joined = {" ".join(printed[start:start + count]) for count in (1, 2, 3) for start in range(len(printed))}
    assert [line for line in header_lines(slug) if line not in joined] == []
