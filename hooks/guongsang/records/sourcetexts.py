"""Every text an editor wrote, with its place: what the checks of free text read (personal data, withdrawn
names), and where a finding in a built page is traced back to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guongsang.lang import text
from guongsang.records.dataset import DataSet, Entry
from guongsang.records.sourcefile import split_front_matter
from guongsang.records.yamlsrc import DataPath, Located


@dataclass(frozen=True)
class Place:
    """One text at one place of a source file (a YAML value, or a line of a Markdown or text file)."""

    path: str
    """Relative to the project root."""
    line: int
    col: int
    text: str
    field: DataPath = ()
    """The value's key path in a YAML record; empty for a line of a file."""
    located: Located | None = None
    """The YAML the value comes from: its place is looked up only when a check reports it."""

    def where(self, excerpt: str) -> tuple[int, int]:
        """The line and column of ``excerpt`` in this text (a paragraph may span lines); the text's own
        place when the excerpt is not written as such (a YAML value, or text read decoded)."""
        if self.located is not None:
            mark = self.located.mark(self.field)
            return mark.line, mark.col
        found = re.search(r"\s+".join(map(re.escape, excerpt.split())), self.text) if excerpt.strip() else None
        at = found.start() if found else -1
        if at < 0:
            return self.line, self.col
        before = self.text[:at]
        newlines = before.count("\n")
        return self.line + newlines, (at - before.rfind("\n") if newlines else self.col + at)


def data_texts(data: DataSet, skip: set[str] = frozenset()) -> Iterator[Place]:
    """Every string value of every record file of data/, but those of the honorees in ``skip``."""
    for entry in data_entries(data, skip):
        yield from entry_texts(entry)


def entry_texts(entry: Entry[Any]) -> Iterator[Place]:
    """Every string value of one record file."""
    for field, value in _strings(entry.located.data, ()):
        yield Place(entry.path, 0, 0, value, field, entry.located)


def markdown_body(path: Path, rel: str) -> Place:
    """A Markdown file's body, its front matter left out, as one text placed at its first line."""
    source = read_leniently(path)
    front = split_front_matter(source)
    return Place(rel, front.body_line, 1, front.body) if front else Place(rel, 1, 1, source)


def whole_file(root: Path, docs_dir: Path, src_uri: str) -> Place:
    """A file of content/ as one text (a table read as a whole)."""
    path = docs_dir / src_uri
    return Place(path.relative_to(root).as_posix(), 1, 1, read_leniently(path))


def file_paragraphs(root: Path, docs_dir: Path, files: list[str]) -> Iterator[Place]:
    """Every paragraph (lines up to a blank one) of the files of content/ named in ``files`` (pages, text
    attachments): a reader sees a paragraph's lines joined, so a number or a name broken over two lines
    is still one."""
    for src_uri in files:
        path = docs_dir / src_uri
        rel = path.relative_to(root).as_posix()
        lines = read_leniently(path).split("\n")
        start = 0
        for number, line in enumerate([*lines, ""]):
            if not line.strip():
                if number > start:
                    yield Place(rel, start + 1, 1, "\n".join(lines[start:number]))
                start = number + 1


def project_lines(root: Path, first: list[Path], folders: list[Path]) -> Iterator[Place]:
    """Every line of the files in ``first``, then of the text files in ``folders`` (for tracing a finding
    back: the page's own source is searched first)."""
    seen = set()
    for path in [*first, *(p for folder in folders for p in sorted(folder.rglob("*")) if p.suffix in _TEXT_FILES)]:
        if path in seen or not path.is_file() or path.is_symlink():
            continue
        seen.add(path)
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(read_leniently(path).split("\n"), start=1):
            yield Place(rel, number, 1, line)


_TEXT_FILES = {".yaml", ".yml", ".md", ".csv", ".txt"}


def locate(excerpt: str, places: Iterator[Place]) -> tuple[str, int, int] | None:
    """The file, line and column of the first place whose text holds ``excerpt``."""
    for place in places:
        if excerpt in place.text:
            return (place.path, *place.where(excerpt))
    return None


def read_leniently(path: Path) -> str:
    """A file as the checks after loading read it: its encoding was checked as it loaded, so anything
    still wrong is replaced rather than reported twice."""
    return text.nfc(path.read_bytes().decode("utf-8-sig", errors="replace")).replace("\r\n", "\n")


def data_entries(data: DataSet, skip: set[str] = frozenset()) -> Iterator[Entry[Any]]:
    """One entry per file (a vocabulary's items share their file's located data)."""
    vocabulary = next(iter(data.award_types.values()), None)
    for single in (data.organization, data.redirects, vocabulary):
        if single is not None:
            yield single
    for collection in (data.units, data.campaigns, data.criteria_sets, data.conferences):
        yield from collection.values()
    yield from (entry for honoree_id, entry in data.honorees.items() if honoree_id not in skip)


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
