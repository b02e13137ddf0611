"""One run of the record checks: the records, the report they write to and the day consent is judged on,
with the helpers every subject uses (report at a value's line, a reference that must resolve)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from guongsang.diagnostics import Report
from guongsang.lang.suggest import suggest
from guongsang.records.dataset import DataSet, Entry
from guongsang.records.documents import Document
from guongsang.records.stories import Story


@dataclass(frozen=True)
class Checking:
    data: DataSet
    documents: list[Document]
    """In file order; two files may share a name in different folders."""
    stories: list[Story]
    docs_dir: Path
    report: Report
    today: date

    @cached_property
    def document_ids(self) -> dict[str, Document]:
        """The documents by the id campaigns and criteria sets name them by."""
        return {d.id: d for d in self.documents}

    def error(self, entry: Entry, field_path: tuple[str | int, ...], message: str) -> None:
        mark = entry.mark(*field_path)
        self.report.error(entry.path, mark.line, mark.col, message)

    def warning(self, entry: Entry, field_path: tuple[str | int, ...], message: str) -> None:
        mark = entry.mark(*field_path)
        self.report.warning(entry.path, mark.line, mark.col, message)

    def document_error(self, document: Document, field_path: tuple[str | int, ...], message: str) -> None:
        mark = document.located.mark(field_path)
        self.report.error(document.source.path, mark.line, mark.col, message)

    def exists(self, entry: Entry, field_path: tuple[str | int, ...], value: str, known: Collection[str], what: str, where: str) -> bool:
        """Whether ``value`` names a known record; if not, an error with the id it plausibly meant.

        ``known`` is looked up as it is (a dict of thousands of records answers at once).
        """
        if value in known:
            return True
        if value in self.data.invalid_ids:
            return False  # the record itself has an error, reported at its own line
        self.error(entry, field_path, f"không có {what} mã '{value}' trong {where}{hint(value, known)}")
        return False


def hint(value: str, known: Iterable[str]) -> str:
    guess = suggest(value, known)
    return f"; có phải ý bạn là '{guess}'?" if guess else ""
