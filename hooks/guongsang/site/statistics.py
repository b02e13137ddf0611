"""Award statistics of the published profiles: by year, award type, unit and role (the statistics page).

Only published records count: a count of one unpublished record would already tell something about it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from guongsang import urls
from guongsang.lang import text
from guongsang.lang.cells import neutralise_row
from guongsang.lang.text import sort_key
from guongsang.records.models import AwardType, Unit
from guongsang.site.profiles import Profile
from guongsang.site.unithistory import latest, province_at


@dataclass(frozen=True)
class Tally:
    key: str
    """Names the chart's anchor and its CSV file."""
    title: str
    description: str
    """What the chart shows, for screen readers and under the chart."""
    label_header: str
    rows: list[tuple[str, int]]
    horizontal: bool

    @property
    def csv_url(self) -> str:
        return f"{urls.STATISTICS}{self.key}.csv"

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    def as_csv(self) -> str:
        """Label and count per row; labels are unit, award and role names, neutralised for spreadsheets."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(neutralise_row([self.label_header, "Số khen thưởng"]))
        writer.writerows(neutralise_row(row) for row in self.rows)
        return buffer.getvalue()


def in_scope(profile: Profile, units: dict[str, Unit], province: str | None) -> bool:
    """Whether a profile's unit is (now) in the publishing department's province; every one when none is set.

    A department's figures are its own units' awards: units of other provinces (the demo shows plans of
    four) are not its work, so they are not added in. A unit of a province merged into this one in 2025
    is now the department's, and counts; the chart by province shows where it was at the time.
    """
    return province is None or text.fold(latest(units, profile.unit.id).province) == text.fold(province)


def tallies(profiles: list[Profile], award_types: dict[str, AwardType], units: dict[str, Unit], province: str | None) -> list[Tally]:
    """Charts of the awards of the published profiles of ``province``'s units (all profiles when None)."""
    by_year: Counter[int] = Counter()
    by_type: Counter[str] = Counter()
    by_unit: Counter[str] = Counter()
    by_role: Counter[str] = Counter()
    by_province: Counter[str] = Counter()
    for profile in profiles:
        if not in_scope(profile, units, province):
            continue
        for row in profile.awards:
            by_year[row.end_year] += 1
            by_type[award_types[row.type_id].name] += 1
            by_unit[profile.unit_name.label] += 1
            by_role[profile.honoree.subject.label] += 1
            by_province[province_at(units, profile.unit.id, row.day).label] += 1
    total = sum(by_year.values())
    return [
        Tally(
            "theo-nam", "Khen thưởng theo năm", _describe("theo năm", total, _ranked({str(k): v for k, v in by_year.items()})),
            "Năm", [(str(year), by_year[year]) for year in sorted(by_year)], horizontal=False,
        ),
        Tally("theo-danh-hieu", "Khen thưởng theo danh hiệu, hình thức", _describe("theo danh hiệu", total, _ranked(by_type)), "Danh hiệu, hình thức", _ranked(by_type), horizontal=True),
        Tally("theo-don-vi", "Khen thưởng theo đơn vị", _describe("theo đơn vị", total, _ranked(by_unit)), "Đơn vị", _ranked(by_unit), horizontal=True),
        Tally("theo-doi-tuong", "Khen thưởng theo đối tượng", _describe("theo đối tượng", total, _ranked(by_role)), "Đối tượng", _ranked(by_role), horizontal=True),
        Tally(
            "theo-tinh", "Khen thưởng theo tỉnh, thành phố tại thời điểm khen thưởng",
            _describe("theo tỉnh, thành phố của đơn vị tại ngày khen thưởng", total, _ranked(by_province)), "Tỉnh, thành phố", _ranked(by_province), horizontal=True,
        ),
    ]


def _ranked(counts: Counter[str] | dict[str, int]) -> list[tuple[str, int]]:
    """Largest first; equal counts in Vietnamese alphabetical order."""
    return sorted(counts.items(), key=lambda item: (-item[1], sort_key(item[0])))


def _describe(how: str, total: int, ranked: list[tuple[str, int]]) -> str:
    if not ranked:
        return "Chưa có khen thưởng nào trong các hồ sơ công khai."
    top = ", ".join(f"{label}: {count}" for label, count in ranked[:3])
    return f"Biểu đồ cột {total} khen thưởng của các hồ sơ công khai, {how}. Nhiều nhất: {top}."


def scope_note(profiles: list[Profile], units: dict[str, Unit], province: str | None) -> str:
    """Whose awards the charts count, and how many of other provinces they leave out."""
    if province is None:
        return ""
    left_out = sum(len(p.awards) for p in profiles if not in_scope(p, units, province))
    note = f"Chỉ tính khen thưởng của các đơn vị nay thuộc {province}, nơi cơ quan công bố trang quản lý"
    return f"{note}; không cộng {left_out} khen thưởng của đơn vị tỉnh, thành phố khác." if left_out else f"{note}."
