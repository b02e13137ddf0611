"""Reading an office list of honorees (XLSX or CSV): its header row, wherever it stands, and the rows below.

Offices put a title block above the header ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG…"), write headers in any case,
with or without accents, sometimes on two rows ("Quyết định" over "Số" and "Ngày"), and number the
columns on a row of their own ("(1)", "(2)"…). This module finds the header by how many known column
names a row holds and hands back plain cell values with their place, so messages can name the cell.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from guongsang.diagnostics import Diagnostic, Severity
from guongsang.lang.text import decode_office_text, nfc, slugify

HEADER_SCAN_ROWS = 30
"""The header is looked for in this many rows from the top (title blocks take five or six)."""

# Each field: its name in messages, and a pattern on the header's key (see `key`). Order matters: the
# first field whose pattern matches takes the column ("Tên đơn vị" is a unit before it is a name).
FIELDS: dict[str, tuple[str, re.Pattern[str]]] = {
    name: (label, re.compile(pattern))
    for name, label, pattern in (
        ("number", "STT", r"^(stt|tt|so tt|so thu tu)$"),
        ("subject", "Đối tượng", r"^doi tuong"),
        ("unit", "Đơn vị", r"^(ten )?(don vi|noi|co quan)( cong tac| lam viec)?$|^(ten )?truong$"),
        ("position", "Chức vụ", r"^(chuc vu|chuc danh)"),
        ("name", "Họ và tên", r"^(ho (va )?ten|ten)\b"),
        ("award", "Danh hiệu / hình thức khen thưởng", r"^(danh hieu|hinh thuc|loai khen thuong|khen thuong$)"),
        ("grade", "Hạng", r"^(hang|giai|xep giai)$"),
        ("decision_number", "Số quyết định", r"^(so (quyet dinh|qd|hieu)|so ky hieu|quyet dinh( so)?$)"),
        ("decision_date", "Ngày quyết định", r"^ngay\b"),
        ("issuer", "Cơ quan ban hành", r"^(co quan( (ban hanh|quyet dinh|ra quyet dinh|khen thuong))?|cap (khen thuong|quyet dinh)|noi ban hanh)\b"),
        ("school_year", "Năm học", r"^nam hoc"),
        ("year", "Năm", r"^nam( khen thuong| dat| thanh tich)?$"),
        ("campaign", "Phong trào", r"^phong trao"),
        ("note", "Ghi chú", r"^ghi chu"),
    )
}
REQUIRED = ("name", "unit", "award")
MULTIPLE = {"award"}
"""Fields that may span several columns: lists with both "Danh hiệu thi đua" and "Hình thức khen thưởng"."""

_COLUMN_NUMBER = re.compile(r"^\(?\d+\)?$")


def key(value: object) -> str:
    """A header or name without case, accents or punctuation: 'Số QĐ' -> 'so qd', 'HỌ VÀ TÊN' -> 'ho va ten'."""
    return slugify(str(value), " ")


class SheetError(Exception):
    """The file cannot be used at all (unreadable, no header row): one message that says why and what to do."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(path, line, col, Severity.ERROR, message)


@dataclass(frozen=True)
class Column:
    index: int
    """0-based."""
    header: str
    """As written in the file ("Quyết định / Số" for a two-row header)."""

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


@dataclass(frozen=True)
class Sheet:
    label: str
    """The file as messages name it."""
    header_row: int
    """1-based, as Excel numbers rows."""
    columns: dict[str, list[Column]]
    rows: list[tuple[int, list[object]]]
    """(row number as Excel shows it, cell values) of every row below the header that holds data."""

    def column(self, field: str) -> Column | None:
        found = self.columns.get(field)
        return found[0] if found else None


def _cell(value: object) -> object:
    """Text in NFC with single spaces (headers often break lines inside a cell); dates as dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return " ".join(nfc(value).split())
    return value


def xlsx_rows(path: Path, label: str, sheet_name: str | None) -> list[list[object]]:
    """The cells of a workbook's sheet (its first unless named), row by row."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise SheetError(label, 0, 0, f"không mở được tệp Excel ({exc}); mở tệp bằng Excel và lưu lại dạng .xlsx") from None
    try:
        if sheet_name is None:
            sheet = workbook.worksheets[0]
        elif sheet_name in workbook.sheetnames:
            sheet = workbook[sheet_name]
        else:
            names = ", ".join(f"'{name}'" for name in workbook.sheetnames)
            raise SheetError(label, 0, 0, f"không có trang tính '{sheet_name}'; tệp có: {names}")
        # Files written by other programs often declare a wrong size ("A1"): read every row the file holds.
        sheet.reset_dimensions()
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def csv_rows(path: Path, label: str, sheet_name: str | None = None) -> list[list[object]]:
    """The cells of a CSV file, row by row (a CSV has one sheet: ``sheet_name`` is not used)."""
    try:  # Excel on a Vietnamese Windows saves "CSV (Comma delimited)" in Windows-1258
        text = decode_office_text(path.read_bytes())
    except UnicodeDecodeError:
        raise SheetError(label, 0, 0, "không đọc được bảng mã của tệp CSV; trong Excel chọn Lưu thành → CSV UTF-8") from None
    # Excel writes ';' where the decimal separator is ',' (Vietnamese settings): take the delimiter whose
    # reading finds the best header.
    best: tuple[int, list[list[object]]] | None = None
    for delimiter in (",", ";", "\t"):
        rows = [[_cell(value) for value in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
        found = _find_header(rows)
        score = len(found[1]) if found else 0
        if best is None or score > best[0]:
            best = (score, rows)
    assert best is not None
    return best[1]


def _assign(headers: list[str]) -> dict[str, list[int]]:
    """Which columns hold which field, from their header texts."""
    assigned: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        header_key = key(header)
        if not header_key:
            continue
        for field, (_, pattern) in FIELDS.items():
            if pattern.search(header_key) and (field not in assigned or field in MULTIPLE):
                assigned.setdefault(field, []).append(index)
                break
    return assigned


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _two_row_headers(top: list[object], below: list[object]) -> list[tuple[str, str]] | None:
    """(header as shown, text to read) of a header on two rows, where a merged cell ("Quyết định") stands
    over its parts ("Số", "Ngày").

    A merged cell keeps its text in its first column only, so each part takes the nearest text to its left.
    None when the row below is not a row of sub-headers.
    """
    width = max(len(top), len(below))
    top_texts = [_text(top[i]) if i < len(top) else "" for i in range(width)]
    below_texts = [_text(below[i]) if i < len(below) else "" for i in range(width)]
    if not any(below_texts) or any(_COLUMN_NUMBER.match(t) or not key(t) for t in below_texts if t):
        return None
    headers = []
    parent = ""
    for top_text, sub in zip(top_texts, below_texts):
        parent = top_text or parent
        # "Số" under "Quyết định" reads "Số quyết định"; the other order too ("Quyết định số").
        readings = [f"{sub} {parent}", f"{parent} {sub}"] if sub else []
        reading = next((r for r in readings if any(p.search(key(r)) for _, p in FIELDS.values())), None)
        if reading:
            headers.append((f"{parent} / {sub}" if parent else sub, reading))
        else:
            headers.append((top_text or sub, top_text or sub))
    return headers


def _find_header(rows: list[list[object]]) -> tuple[int, dict[str, list[int]], list[str], int] | None:
    """(header row index, fields, headers as shown, rows it takes) of the row naming the most known columns."""
    best: tuple[int, dict[str, list[int]], list[str], int] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        candidates = [([(_text(value), _text(value)) for value in row], 1)]
        # A two-row header's top row names columns itself (STT, Họ và tên… merged down over both rows).
        if index + 1 < len(rows) and _assign([_text(v) for v in row]) and (two_rows := _two_row_headers(row, rows[index + 1])):
            candidates.append((two_rows, 2))
        for headers, taken in candidates:
            fields = _assign([reading for _, reading in headers])
            if len(fields) >= 2 and (best is None or len(fields) > len(best[1])):
                best = (index, fields, [shown for shown, _ in headers], taken)
    return best


def with_header(rows: list[list[object]], label: str) -> Sheet:
    """The list under its header row, each column assigned to the field it holds; SheetError when the
    header cannot be found or lacks a required column."""
    found = _find_header(rows)
    needed = ", ".join(f"'{FIELDS[f][0]}'" for f in REQUIRED)
    if found is None:
        raise SheetError(
            label, 0, 0,
            f"không thấy dòng tiêu đề cột trong {HEADER_SCAN_ROWS} dòng đầu; danh sách cần một dòng tiêu đề có các cột {needed}"
            " (viết hoa hay thường, có dấu hay không đều được)",
        )
    index, fields, headers, taken = found
    columns = {field: [Column(i, headers[i]) for i in indexes] for field, indexes in fields.items()}
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        seen = ", ".join(f"{c.letter} '{c.header}'" for cs in columns.values() for c in cs)
        lacking = ", ".join(f"'{FIELDS[f][0]}'" for f in missing)
        raise SheetError(
            label, index + 1, 1,
            f"dòng tiêu đề thiếu cột {lacking}; đã thấy: {seen}; danh sách cần có các cột {needed}: thêm cột còn thiếu hoặc sửa tên cột",
        )
    data_rows = []
    for number, row in enumerate(rows[index + taken:], start=index + taken + 1):
        filled = [value for value in row if value not in (None, "")]
        # Blank rows and the row that numbers the columns ("(1)", "(2)"…) hold no data.
        if filled and not all(_COLUMN_NUMBER.match(_text(value)) for value in filled):
            data_rows.append((number, list(row)))
    return Sheet(label, index + 1, columns, data_rows)

