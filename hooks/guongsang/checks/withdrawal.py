"""A withdrawn consent takes a person's name off the whole site, including where an editor typed it.

Linking takes down the person's profile and the stories that name them in 'guong:'. Their name may still
sit in free text: another story's body, a testimony title, a summary. Every such place is an error at its
line, so the build publishes nothing until an editor removes it (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from guongsang.diagnostics import Report
from guongsang.lang import text
from guongsang.records.dataset import DataSet
from guongsang.records.sourcetexts import Place, data_texts


@dataclass(frozen=True)
class WithdrawnPerson:
    """A person (not a collective) whose consent was withdrawn: the linked site knows who (project.py)."""

    honoree_id: str
    name: str
    day: date


@dataclass(frozen=True)
class _Searched:
    person: WithdrawnPerson
    pattern: re.Pattern[str]
    """The name on word boundaries, in folded form (so 'Le Quang Vinh' is found too)."""
    shared: bool
    """Another published record bears the same name: a mention may be about them."""


def check_withdrawn_names(
    withdrawn: list[WithdrawnPerson], published_names: set[str], data: DataSet, paragraphs: list[Place], report: Report
) -> None:
    """Report each place outside the withdrawn records where a withdrawn person's full name is written.

    ``published_names`` are the names of the published profiles; ``paragraphs`` those of the pages and
    text files still published.
    """
    people = [_searched(person, published_names) for person in withdrawn]
    if not people:
        return
    places = [*data_texts(data, skip={p.honoree_id for p in withdrawn}), *paragraphs]
    for place in places:
        folded = text.fold(place.text)
        for searched in people:
            if searched.pattern.search(folded):
                _report(report, searched, place)


def _searched(person: WithdrawnPerson, published_names: set[str]) -> _Searched:
    words = r"\s+".join(map(re.escape, text.fold(person.name).split()))  # a name may break over two lines
    pattern = re.compile(rf"(?<!\w){words}(?!\w)")
    return _Searched(person, pattern, person.name in published_names)


def _report(report: Report, searched: _Searched, place: Place) -> None:
    person = searched.person
    said = f"tên '{person.name}' vẫn còn ở đây, nhưng người này đã rút lại sự đồng ý ngày {text.short_date(person.day)}"
    line, col = place.where(person.name)
    if searched.shared:
        report.warning(place.path, line, col, f"{said}; nếu đoạn này nói về người trùng tên đang được công khai thì giữ nguyên, nếu không thì xóa tên")
    else:
        report.error(
            place.path, line, col,
            f"{said}: mọi nơi ghi tên người đó phải được gỡ; xóa tên hoặc thay bằng cách gọi không nêu danh (ví dụ 'một em học sinh')",
        )
