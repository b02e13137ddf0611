"""Office tables: the achievement summary of a conference's delegates and the Appendix 02 award statistics.

They cover every record, published or not, because they go to the office and the level above, not to
the site: they are written only to a folder the user names, outside the published site (`check_folder`).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from guongsang.lang.cells import neutralise_row
from guongsang.project import ProjectPaths
from guongsang.site.linking import SiteModel
from guongsang.site.profiles import award_rows
from guongsang.site.profiles import highest as highest_award  # the local name 'highest' is the row
from guongsang.site.unithistory import name_at


class ExportError(ValueError):
    """An export that cannot be made as asked; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Table:
    title: str
    """Above the header row in the XLSX sheet, e.g. the conference's name."""
    header: list[str]
    rows: list[list[str | int]]
    note: str = ""
    """Below the table in the XLSX sheet."""


SUMMARY_HEADER = [
    "STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ, đơn vị công tác",
    "Thành tích chính", "Danh hiệu cao nhất", "Số, ngày quyết định",
]
NOT_KEPT = "Năm sinh và giới tính để trống: Gương sáng không lưu các dữ liệu cá nhân này; văn phòng điền trước khi gửi."


def achievement_summary(site: SiteModel, conference_id: str) -> Table:
    """'Trích ngang thành tích' of the delegates a conference sends to the level above, one row each."""
    view = next((c for c in site.conferences if c.conference.id == conference_id), None)
    if view is None:
        known = ", ".join(c.conference.id for c in site.conferences) or "chưa có"
        raise ExportError(f"không có hội nghị mã '{conference_id}' trong data/hoi-nghi/ (các mã: {known})")
    honorees = {h.id: h for h in site.honorees}
    rows: list[list[str | int]] = []
    for number, honoree_id in enumerate(view.conference.delegates_above, start=1):
        honoree = honorees[honoree_id]
        # The unit as named on the conference's day (the summary goes with its papers); undated: as named now.
        unit = name_at(site.units, honoree.unit, view.conference.date or date.max).label
        highest = highest_award(award_rows(honoree, site.award_types, site.units))
        rows.append([
            number,
            (honoree.collective_name or unit) if honoree.is_collective else honoree.person_name,
            "", "",
            ", ".join(part for part in (honoree.position, unit) if part),
            honoree.summary or "",
            f"{highest.title} ({highest.year})" if highest else "",
            f"{highest.decision_number} ngày {highest.decision_date} của {highest.issuer}" if highest and highest.decision_number else "",
        ])
    return Table(f"Trích ngang thành tích đại biểu cử đi dự cấp trên: {view.conference.title}", SUMMARY_HEADER, rows, NOT_KEPT)


def award_statistics(site: SiteModel, first_year: int, last_year: int) -> Table:
    """Appendix 02: awards (not annulled) by type and year over a period, collectives and individuals apart."""
    years = list(range(first_year, last_year + 1))
    counts: Counter[tuple[str, bool, int]] = Counter()
    for honoree in site.honorees:
        for award in honoree.awards:
            year = award.period[1]
            if not award.annulled and award.type in site.award_types and first_year <= year <= last_year:
                counts[(award.type, honoree.is_collective, year)] += 1
    rows: list[list[str | int]] = []
    ordered = sorted(site.award_types.values(), key=lambda t: (t.group.value, -t.rank, t.id))
    for award_type in ordered:
        for collective in (True, False):
            per_year = [counts[(award_type.id, collective, year)] for year in years]
            if any(per_year):
                who = "Tập thể" if collective else "Cá nhân"
                rows.append([len(rows) + 1, award_type.group.label, award_type.name, who, *per_year, sum(per_year)])
    totals = [sum(int(row[4 + i]) for row in rows) for i in range(len(years) + 1)]
    rows.append(["", "", "Tổng cộng", "", *totals])
    header = ["STT", "Nhóm", "Danh hiệu, hình thức khen thưởng", "Tập thể / cá nhân", *(str(y) for y in years), "Cộng"]
    return Table(f"Phụ lục 02: Thống kê số liệu khen thưởng giai đoạn {first_year} - {last_year}", header, rows)


def check_folder(paths: ProjectPaths, folder: Path) -> None:
    """ExportError when ``folder`` lies in the published site (site/ or the docs folder): the tables hold
    records that are not public."""
    for published in (paths.root / "site", paths.docs_dir):
        if folder.resolve().is_relative_to(published.resolve()):
            raise ExportError(f"không ghi bảng này vào {published.name}/: bảng có dữ liệu chưa công khai; chọn thư mục khác với --ra")


def summary_files(site: SiteModel, conference_id: str, folder: Path) -> list[Path]:
    """The achievement summary of a conference's delegates, written into ``folder``."""
    return write(achievement_summary(site, conference_id), folder, f"trich-ngang-{conference_id}")


def statistics_files(site: SiteModel, first_year: int, last_year: int, folder: Path) -> list[Path]:
    """The award statistics of the years ``first_year`` to ``last_year``, written into ``folder``."""
    if last_year < first_year:
        raise ExportError(f"năm cuối ({last_year}) đứng trước năm đầu ({first_year})")
    return write(award_statistics(site, first_year, last_year), folder, f"thong-ke-khen-thuong-{first_year}-{last_year}")


def write(table: Table, folder: Path, stem: str) -> list[Path]:
    """The table as ``stem``.xlsx (title, header, rows, note) and ``stem``.csv (header and rows, UTF-8 with BOM for Excel)."""
    folder.mkdir(parents=True, exist_ok=True)
    xlsx, comma = folder / f"{stem}.xlsx", folder / f"{stem}.csv"
    book = Workbook()
    sheet = book.active
    sheet.title = stem[:31]
    _append(sheet, [table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    _append(sheet, table.header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        _append(sheet, row)
    if table.note:
        sheet.append([])
        _append(sheet, [table.note])
    for index, name in enumerate(table.header, start=1):
        longest = max([len(str(name)), *(len(str(row[index - 1])) for row in table.rows)] or [10])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(6, longest + 2))
    sheet.freeze_panes = "A3"
    book.save(xlsx)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(neutralise_row(table.header))
    writer.writerows(neutralise_row(row) for row in table.rows)
    comma.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return [xlsx, comma]


def _append(sheet: Worksheet, values: Sequence[str | int]) -> None:
    """One row below the last, its text neutralised: openpyxl stores a string starting with '=' as a formula."""
    sheet.append(neutralise_row(values))
