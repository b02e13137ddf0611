"""Personal data in editors' files, found at `make check` with the matching the build's output scan uses
(lang/personaldata.py): the editor is pointed at the file, line and column, before anything is built."""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import unquote

from guongsang.diagnostics import Report
from guongsang.lang.personaldata import csv_text, scan_text
from guongsang.records.dataset import DataSet, Entry
from guongsang.records.filememo import FileMemo
from guongsang.records.sourcetexts import Place, data_entries, entry_texts


def check_personal_data(
    data: DataSet, paragraphs: list[Place], tables: list[Place], allowed: frozenset[str], report: Report,
    memo: FileMemo | None = None,
) -> None:
    """Every personal-data hit in data/, in the ``paragraphs`` of pages and text files, and in the CSV
    ``tables`` (each read whole, every cell with its column's header); ``allowed``: the agency's own
    e-mail address and phone (extra.co_quan of mkdocs.yml). ``memo``: a record file unchanged since the
    last load is not read again."""
    for entry in data_entries(data):
        found = memo.derived(("personal-data", allowed), entry.located, lambda: _in_record(entry, allowed)) if memo else _in_record(entry, allowed)
        for line, col, text in found:
            report.error(entry.path, line, col, text)
    for place in paragraphs:
        # Markdown may write a character as an entity (&#48;) or a link with %-escapes (tel:%2B84…):
        # the page shows them decoded, so they are read decoded too.
        decoded = unquote(html.unescape(place.text))
        found = dict.fromkeys(scan_text(place.text, allowed) + scan_text(decoded, allowed))
        for kind, excerpt in found:
            report.error(place.path, *place.where(excerpt), message(kind, excerpt))
    for table in tables:
        for kind, excerpt in scan_text(csv_text(table.text), allowed):
            report.error(table.path, *table.where(excerpt), message(kind, excerpt))


def _in_record(entry: Entry[Any], allowed: frozenset[str]) -> list[tuple[int, int, str]]:
    """The hits in one record file: line, column and message."""
    return [
        (*place.where(excerpt), message(kind, excerpt))
        for place in entry_texts(entry) for kind, excerpt in scan_text(place.text, allowed)
    ]


def message(kind: str, excerpt: str) -> str:
    return (
        f"có {kind} ('{excerpt}'); dữ liệu cá nhân không được công khai (Luật Bảo vệ dữ liệu cá nhân"
        " 91/2025/QH15): xóa khỏi tệp"
    )
