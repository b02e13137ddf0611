"""Which reader reads an imported file: by the kind of import, then by the file's suffix.

A plan (scripts/import.py van-ban) comes as Word, PDF, text or Markdown and is read into lines
(plansource.PlanText); a list of honorees (danh-sach) comes as a spreadsheet and is read into rows of
cells. Each reader lives in a module of its own; a new format is one more reader, registered here, and
both importers reach their files only through `read_plan` and `read_list`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from guongsang.office import plansource, rostersheet
from guongsang.office.plansource import PlanFileError, PlanText
from guongsang.office.rostersheet import Sheet, SheetError

PlanReader = Callable[[Path], PlanText]
ListReader = Callable[[Path, str, str | None], list[list[object]]]
"""(the file, its name in messages, the sheet asked for) -> the cells, row by row."""

PLAN_READERS: dict[str, PlanReader] = {
    ".docx": plansource.read_docx,
    ".pdf": plansource.read_pdf,
    ".txt": plansource.read_text,
    ".md": plansource.read_text,
    ".markdown": plansource.read_text,
}
LIST_READERS: dict[str, ListReader] = {".xlsx": rostersheet.xlsx_rows, ".csv": rostersheet.csv_rows}

MAX_PLAN_BYTES = 20 * 1024 * 1024
"""Larger than any plan: a bigger file is refused rather than read into memory."""


def read_plan(path: Path) -> PlanText:
    """The plan's lines, read by the reader of its suffix; PlanFileError, saying why, when it cannot be read."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise PlanFileError(f"không thấy tệp {path}")
    if path.stat().st_size > MAX_PLAN_BYTES:
        raise PlanFileError(f"tệp {path.name} lớn hơn {MAX_PLAN_BYTES // 1024 // 1024} MB; một kế hoạch không lớn như vậy")
    if reader := PLAN_READERS.get(suffix):
        return reader(path)
    if suffix == ".doc":
        raise PlanFileError(f"tệp {path.name} là Word 97-2003 (.doc); mở bằng Word và lưu thành .docx rồi nhập lại")
    raise PlanFileError(f"không đọc được loại tệp '{suffix}'; dùng {_either(PLAN_READERS)}")


def read_list(path: Path, label: str, sheet_name: str | None = None) -> Sheet:
    """The list under its header, read by the reader of its suffix; SheetError when it cannot be read."""
    if not path.is_file():
        raise SheetError(label, 0, 0, f"không thấy tệp '{label}'")
    suffix = path.suffix.lower()
    if reader := LIST_READERS.get(suffix):
        return rostersheet.with_header(reader(path, label, sheet_name), label)
    if suffix == ".xls":
        raise SheetError(label, 0, 0, "tệp .xls (Excel 97-2003) chưa đọc được; mở bằng Excel, chọn Lưu thành → Sổ làm việc Excel (.xlsx) rồi nhập tệp .xlsx")
    raise SheetError(label, 0, 0, f"chỉ nhập được tệp {_either(LIST_READERS)}, không nhập được tệp '{path.suffix or path.name}'")


def _either(readers: dict[str, object]) -> str:
    """The suffixes a registry reads, as a message names them: '.xlsx hoặc .csv'."""
    *others, last = readers
    return f"{', '.join(others)} hoặc {last}" if others else last
