"""The import formats' registry: a reader registered in office/formats.py is the one the real imports use.

A format added for these tests (a plan saved as a web page, a list saved as tab-separated text) goes
through the same dispatch and importers as .docx or .xlsx, and the files it gives are checked as written.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import make_project
from guongsang.office import formats, planimport, rosterimport
from guongsang.office.plansource import PlanFileError, PlanText
from guongsang.office.rosterrows import RowDefaults
from guongsang.office.rostersheet import SheetError
from guongsang.office.scaffold import NewFileStatus
from guongsang.project import ProjectPaths
from test_plan_import import CASES, seed


class _Paragraphs(HTMLParser):
    """Each <p> of a web page as one line, blank lines between, as the plan readers give them."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.lines += ["", ""]

    def handle_data(self, data: str) -> None:
        if self.lines:
            self.lines[-1] += data


def read_web_page(path: Path) -> PlanText:
    parser = _Paragraphs()
    parser.feed(path.read_text(encoding="utf-8"))
    return PlanText(parser.lines)


def read_tab_separated(path: Path, label: str, sheet_name: str | None) -> list[list[object]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def paths(tmp_path: Path) -> ProjectPaths:
    return ProjectPaths.at(make_project(tmp_path / "p"))


def test_a_registered_plan_format_is_read_by_the_real_import(tmp_path, monkeypatch):
    """A plan saved as a web page, once its reader is registered, becomes the same document as its text copy
    (each imported into a project of its own: one number, one document)."""
    paths, other = (ProjectPaths.at(make_project(tmp_path / name, seeds=False)) for name in ("p", "q"))
    text = seed("004")
    page = tmp_path / "ke-hoach.html"
    page.write_text("".join(f"<p>{html.escape(line)}</p>\n" for line in text.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    supplied = CASES["004"][1]
    with pytest.raises(PlanFileError, match="không đọc được loại tệp '.html'"):
        planimport.import_plan(paths, planimport.PlanOptions(page, supplied, "content/van-ban/trang.md"))

    monkeypatch.setitem(formats.PLAN_READERS, ".html", read_web_page)
    from_page = planimport.import_plan(paths, planimport.PlanOptions(page, supplied, "content/van-ban/trang.md"))
    from_text = planimport.import_plan(other, planimport.PlanOptions(text, supplied, "content/van-ban/trang.md"))

    assert from_page.new_file is not None and from_page.new_file.status is NewFileStatus.KEPT, from_page.summary
    assert from_text.new_file is not None and from_text.new_file.status is NewFileStatus.KEPT, from_text.summary
    written = (paths.root / "content/van-ban/trang.md").read_text(encoding="utf-8")
    assert "so_ky_hieu: 1729/KH-SGDĐT\n" in written and "co_quan_chu_quan: UBND TỈNH HƯNG YÊN\n" in written
    assert "\n## I. MỤC ĐÍCH, YÊU CẦU\n" in written
    assert written == (other.root / "content/van-ban/trang.md").read_text(encoding="utf-8")
    assert from_page.summary.replace("ke-hoach.html", text.name) == from_text.summary


def test_a_registered_list_format_is_read_by_the_real_import(paths, tmp_path, monkeypatch):
    """A list saved as tab-separated text, once its reader is registered, writes the honoree's file."""
    listed = tmp_path / "ds.tsv"
    listed.write_text(
        "DANH SÁCH KHEN THƯỞNG\n\nHọ và tên\tChức vụ\tĐơn vị\tDanh hiệu\tNăm học\n"
        "Nguyễn Thị Ánh\tGiáo viên\tTHPT Lê Quý Đôn\tLao động tiên tiến\t2024-2025\n",
        encoding="utf-8",
    )
    options = rosterimport.RosterOptions(listed, "ds.tsv", write=True, defaults=RowDefaults())
    with pytest.raises(SheetError, match="không nhập được tệp '.tsv'"):
        rosterimport.import_list(paths, options)

    monkeypatch.setitem(formats.LIST_READERS, ".tsv", read_tab_separated)
    result = rosterimport.import_list(paths, options)

    assert result.ok and result.written, [str(d) for d in result.diagnostics]
    assert [change.path for change in result.changed] == ["data/guong/nguyen-thi-anh-thpt-le-quy-don.yaml"]
    written = (paths.root / "data/guong/nguyen-thi-anh-thpt-le-quy-don.yaml").read_text(encoding="utf-8")
    assert "ho: Nguyễn\nten_dem: Thị\nten: Ánh\ndon_vi: thpt-le-quy-don\nchuc_vu: Giáo viên\n" in written
    assert "khen_thuong:\n  - loai: lao-dong-tien-tien\n    nam_hoc: 2024-2025\n" in written
