"""Award statistics of the published profiles: by year, award type, unit and role (the statistics page).

Only published records count: a count of one unpublished record would already tell something about it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from guongsang import urls
from guongsang.cells import neutralise_row
from guongsang.models import AwardType
from guongsang.profiles import Profile
from guongsang.text import sort_key


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


def tallies(profiles: list[Profile], award_types: dict[str, AwardType]) -> list[Tally]:
    by_year: Counter[int] = Counter()
    by_type: Counter[str] = Counter()
    by_unit: Counter[str] = Counter()
    by_role: Counter[str] = Counter()
    for profile in profiles:
        for row in profile.awards:
            by_year[row.end_year] += 1
            by_type[award_types[row.type_id].name] += 1
            by_unit[profile.unit.name] += 1
            by_role[profile.honoree.subject.label] += 1
    total = sum(by_year.values())
    return [
        Tally(
            "theo-nam", "Khen thưởng theo năm", _describe("theo năm", total, _ranked({str(k): v for k, v in by_year.items()})),
            "Năm", [(str(year), by_year[year]) for year in sorted(by_year)], horizontal=False,
        ),
        Tally("theo-danh-hieu", "Khen thưởng theo danh hiệu, hình thức", _describe("theo danh hiệu", total, _ranked(by_type)), "Danh hiệu, hình thức", _ranked(by_type), horizontal=True),
        Tally("theo-don-vi", "Khen thưởng theo đơn vị", _describe("theo đơn vị", total, _ranked(by_unit)), "Đơn vị", _ranked(by_unit), horizontal=True),
        Tally("theo-doi-tuong", "Khen thưởng theo đối tượng", _describe("theo đối tượng", total, _ranked(by_role)), "Đối tượng", _ranked(by_role), horizontal=True),
    ]


def _ranked(counts: Counter[str] | dict[str, int]) -> list[tuple[str, int]]:
    """Largest first; equal counts in Vietnamese alphabetical order."""
    return sorted(counts.items(), key=lambda item: (-item[1], sort_key(item[0])))


def _describe(how: str, total: int, ranked: list[tuple[str, int]]) -> str:
    if not ranked:
        return "Chưa có khen thưởng nào trong các hồ sơ công khai."
    top = ", ".join(f"{label}: {count}" for label, count in ranked[:3])
    return f"Biểu đồ cột {total} khen thưởng của các hồ sơ công khai, {how}. Nhiều nhất: {top}."
