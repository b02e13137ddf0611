"""A withdrawn consent takes a person's name off the whole site, including where an editor typed it.

Linking takes down the person's profile and the stories that name them in 'guong:'. Their name may still
sit in free text: another story's body, a testimony title, a summary. Every such place is an error at its
line, so the build publishes nothing until an editor removes it (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from guongsang import text, urls
from guongsang.diagnostics import Report
from guongsang.linking import SiteModel
from guongsang.records import DataSet, Entry
from guongsang.yamlsrc import DataPath

if TYPE_CHECKING:
    from guongsang.project import ProjectPaths


@dataclass(frozen=True)
class _Withdrawn:
    honoree_id: str
    name: str
    day: date
    pattern: re.Pattern[str]
    """The name on word boundaries, in folded form (so 'Le Quang Vinh' is found too)."""
    shared: bool
    """Another published record bears the same name: a mention may be about them."""


def check_withdrawn_names(site: SiteModel, data: DataSet, paths: ProjectPaths, report: Report) -> None:
    """Report each place outside the withdrawn record where a withdrawn person's full name is written."""
    people = _withdrawn_people(site)
    if not people:
        return
    withdrawn_ids = {person.honoree_id for person in people}
    for entry in _entries(data, withdrawn_ids):
        for path, value in _strings(entry.located.data, ()):
            for person in _found(people, value):
                mark = entry.located.mark(path)
                _report(report, person, entry.path, mark.line, mark.col)
    for src_uri in _markdown_pages(paths, site):
        file = paths.docs_dir / src_uri
        rel = file.relative_to(paths.root).as_posix()
        source = text.nfc(file.read_bytes().decode("utf-8-sig", errors="replace")).replace("\r\n", "\n")
        for number, line in enumerate(source.split("\n"), start=1):
            for person in _found(people, line):
                _report(report, person, rel, number, 1)


def _withdrawn_people(site: SiteModel) -> list[_Withdrawn]:
    published = [p.name for p in site.profiles]
    people = []
    for honoree in site.honorees:
        day = site.withdrawn.get(urls.honoree_url(honoree.id))
        if day is None or honoree.is_collective:
            continue
        name = honoree.person_name
        pattern = re.compile(rf"(?<!\w){re.escape(text.fold(name))}(?!\w)")
        people.append(_Withdrawn(honoree.id, name, day, pattern, name in published))
    return people


def _found(people: list[_Withdrawn], value: str) -> Iterator[_Withdrawn]:
    folded = text.fold(value)
    return (person for person in people if person.pattern.search(folded))


def _report(report: Report, person: _Withdrawn, path: str, line: int, col: int) -> None:
    said = f"tên '{person.name}' vẫn còn ở đây, nhưng người này đã rút lại sự đồng ý ngày {text.short_date(person.day)}"
    if person.shared:
        report.warning(path, line, col, f"{said}; nếu đoạn này nói về người trùng tên đang được công khai thì giữ nguyên, nếu không thì xóa tên")
    else:
        report.error(path, line, col, f"{said}: mọi nơi ghi tên người đó phải được gỡ; xóa tên hoặc thay bằng cách gọi không nêu danh (ví dụ 'một em học sinh')")


def _entries(data: DataSet, withdrawn_ids: set[str]) -> Iterator[Entry[Any]]:
    """Every record file but those of the withdrawn people (they come down whole)."""
    for single in (data.organization, data.redirects):
        if single is not None:
            yield single
    for collection in (data.units, data.campaigns, data.criteria_sets, data.conferences):
        yield from collection.values()
    yield from (entry for honoree_id, entry in data.honorees.items() if honoree_id not in withdrawn_ids)


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


def _markdown_pages(paths: ProjectPaths, site: SiteModel) -> Iterator[str]:
    """Every Markdown page still published: stories (but those taken down), documents, editors' pages."""
    for file in sorted(paths.docs_dir.rglob("*.md")) if paths.docs_dir.is_dir() else []:
        src_uri = file.relative_to(paths.docs_dir).as_posix()
        if src_uri not in site.withdrawn_stories and not file.is_symlink():
            yield src_uri

