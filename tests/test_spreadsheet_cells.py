"""Spreadsheet cells: editors' text written to CSV or XLSX is never read as a formula (OWASP CSV injection).

Hostile names go through the real writers (the statistics CSV of a build, both office exports) and the
files are read back as a spreadsheet program would: csv module and openpyxl.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, make_project, run_script
from guongsang.lang.cells import neutralise
from guongsang.site.statistics import Tally

CONFERENCE = "hoi-nghi-dien-hinh-tien-tien-2025"
LINK = '=HYPERLINK("http://x","bấm")'
COMMAND = "+cmd|' /C calc'!A0"
SUM = "@SUM(A1)"
EXPRESSION = "-2+3"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (LINK, "'" + LINK),
        (COMMAND, "'" + COMMAND),
        (EXPRESSION, "'" + EXPRESSION),
        (SUM, "'" + SUM),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("- Giáo viên dạy giỏi", "'- Giáo viên dạy giỏi"),  # a leading dash is an operator to a spreadsheet
        ("-", "'-"),
        # ordinary values stay as they were
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("Trường THPT Lê Quý Đôn (mẫu)", "Trường THPT Lê Quý Đôn (mẫu)"),
        ("2023-2024", "2023-2024"),
        ("1+1", "1+1"),
        ("a=b", "a=b"),
        (" =1+1", " =1+1"),
        ("", ""),
        # a signed number is read as that number and runs nothing: left as it is
        ("-5", "-5"),
        ("+3,5", "+3,5"),
        ("-0.25", "-0.25"),
        # numbers stay numbers
        (7, 7),
        (0, 0),
        (-1, -1),
    ],
)
def test_neutralise(value, expected):
    """Text a spreadsheet would take for a formula gets a leading quote; other text and numbers do not."""
    assert neutralise(value) == expected


def test_statistics_csv_of_hostile_labels_reads_back_as_text():
    """Tally.as_csv: labels that look like formulas are quoted, counts stay plain numbers."""
    rows = [(LINK, 3), (COMMAND, 2), (EXPRESSION, 2), (SUM, 1), ("Trường THPT Lê Quý Đôn (mẫu)", 1), ("2023-2024", 1)]
    tally = Tally("theo-don-vi", "Khen thưởng theo đơn vị", "…", "Đơn vị", rows, horizontal=True)
    table = list(csv.reader(tally.as_csv().splitlines()))
    assert table == [
        ["Đơn vị", "Số khen thưởng"],
        ["'" + LINK, "3"], ["'" + COMMAND, "2"], ["'" + EXPRESSION, "2"], ["'" + SUM, "1"],
        ["Trường THPT Lê Quý Đôn (mẫu)", "1"], ["2023-2024", "1"],
    ]


# (file, line replaced, hostile replacement): two units, two award types, a position, two summaries. Person names
# cannot carry one: a name starts with a letter (models.py).
EDITS = [
    ("data/don-vi/thpt-le-quy-don.yaml", r"^ten: .*\n", f"ten: '{LINK}'\n"),
    ("data/don-vi/thpt-hoa-phuong.yaml", r"^ten: .*\n", f"ten: '{LINK}'\n"),
    ("data/danh-hieu.yaml", r"^    ten: Tập thể lao động xuất sắc\n", f"    ten: '{LINK}'\n"),
    ("data/danh-hieu.yaml", r"^    ten: Chiến sĩ thi đua cơ sở\n", f"    ten: '{EXPRESSION}'\n"),
    ("data/guong/vu-duc-thang-thpt-hoa-phuong.yaml", r"^chuc_vu: .*\n", f'chuc_vu: "{COMMAND}"\n'),
    ("data/guong/dinh-thi-hue-thpt-hoa-phuong.yaml", r"^tom_tat: >-\n(  .*\n)+", 'tom_tat: "\\t=1+1"\n'),
    ("data/guong/ngo-thi-lan-anh-thpt-hoa-phuong.yaml", r"^tom_tat: >-\n(  .*\n)+", f"tom_tat: '{SUM}'\n"),
]


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project with the formula-like names of EDITS."""
    files: dict[str, str] = {}
    for rel, pattern, replacement in EDITS:
        text = files.get(rel) or (ROOT / rel).read_text(encoding="utf-8")
        files[rel], count = re.subn(pattern, lambda _, r=replacement: r, text, count=1, flags=re.M)
        assert count == 1, (rel, pattern)
    return make_project(tmp_path_factory.mktemp("o-nguy-hiem"), files=files)


def _xlsx(path: Path) -> list[list[openpyxl.cell.Cell]]:
    sheet = openpyxl.load_workbook(path).active
    cells = [list(row) for row in sheet.iter_rows()]
    assert not [c.coordinate for row in cells for c in row if c.data_type == "f"], "a formula in the sheet"
    assert all(c.data_type == "s" for row in cells for c in row if isinstance(c.value, str))
    return cells


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_achievement_summary_keeps_hostile_names_as_text(hostile_project, tmp_path):
    """trich-ngang: positions, summaries and award names that look like formulas are text in XLSX and CSV."""
    result = run_script("export", hostile_project, "trich-ngang", CONFERENCE, "--ra", str(tmp_path))
    assert result.returncode == 0, result.stderr
    sheet = [[c.value for c in row] for row in _xlsx(tmp_path / f"trich-ngang-{CONFERENCE}.xlsx")]
    table = _csv(tmp_path / f"trich-ngang-{CONFERENCE}.csv")
    for rows, number in ((sheet[2:5], 1), (table[1:4], "1")):
        lan_anh, thang, hue = rows
        assert lan_anh[:2] == [number, "Ngô Thị Lan Anh"]  # ordinary values as they were
        assert lan_anh[4] == f"Giáo viên Ngữ văn, {LINK}"  # not at the start: harmless
        assert lan_anh[5] == "'" + SUM
        assert thang[1] == "Vũ Đức Thắng" and thang[4] == f"'{COMMAND}, {LINK}"
        assert thang[6] == f"'{EXPRESSION} (Năm học 2023-2024)"
        assert hue[1] == "Đinh Thị Huệ" and hue[5] == "'=1+1"  # loading strips the tab


def test_award_statistics_keep_hostile_award_names_as_text(hostile_project, tmp_path):
    """thong-ke: an award named like a formula is text; counts and totals stay numbers, years stay as written."""
    result = run_script("export", hostile_project, "thong-ke", "--tu", "2020", "--den", "2025", "--ra", str(tmp_path))
    assert result.returncode == 0, result.stderr
    cells = _xlsx(tmp_path / "thong-ke-khen-thuong-2020-2025.xlsx")
    names = [row[2].value for row in cells[2:-1]]
    assert "'" + LINK in names and LINK not in names
    assert [c.value for c in cells[1][4:]] == ["2020", "2021", "2022", "2023", "2024", "2025", "Cộng"]
    assert all(c.data_type == "n" for row in cells[2:] for c in row[4:] if c.value is not None)
    table = _csv(tmp_path / "thong-ke-khen-thuong-2020-2025.csv")
    assert "'" + LINK in [row[2] for row in table[1:]]
    assert table[-1][2] == "Tổng cộng" and all(value.isdigit() for value in table[-1][4:])


def test_published_statistics_csv_keeps_hostile_names_as_text(hostile_project):
    """The CSV files of the statistics page, built: unit and award names quoted, counts plain numbers."""
    result = run_script("build", hostile_project)
    assert result.returncode == 0, result.stderr
    units = _csv(hostile_project / "site/thong-ke/theo-don-vi.csv")
    awards = _csv(hostile_project / "site/thong-ke/theo-danh-hieu.csv")
    years = _csv(hostile_project / "site/thong-ke/theo-nam.csv")
    assert "'" + LINK in [label for label, _ in units[1:]]
    assert "'" + EXPRESSION in [label for label, _ in awards[1:]]
    assert "Trường THPT Nguyễn Du (mẫu)" in [label for label, _ in units[1:]]
    assert all(label.isdigit() for label, _ in years[1:])
    assert all(count.isdigit() for table in (units, awards, years) for _, count in table[1:])
    assert not [label for table in (units, awards) for label, _ in table[1:] if label.startswith(("=", "+", "-", "@"))]
