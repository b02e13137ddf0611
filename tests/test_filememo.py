"""What reading each file gave is kept while the file is unchanged, with its diagnostics, and stamped."""

from __future__ import annotations

import os

from conftest import make_project
from guongsang.diagnostics import Report
from guongsang.project import ProjectPaths, load_project
from guongsang.records.filememo import FileMemo


def test_an_unchanged_file_is_not_read_again_and_its_warnings_are_reported_again(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("ma: a\n", encoding="utf-8")
    memo, reads = FileMemo(), []

    def read(report: Report) -> dict[str, str]:
        reads.append(path.read_text(encoding="utf-8"))
        report.warning("a.yaml", 1, 1, "cảnh báo mẫu")
        return {"ma": reads[-1]}

    first_report, second_report = Report(), Report()
    first = memo.outcome("kind", path, read, first_report)
    second = memo.outcome("kind", path, read, second_report)
    assert second is first and memo.read == 1 and len(reads) == 1
    assert [str(d) for d in second_report.diagnostics] == [str(d) for d in first_report.diagnostics] == ["a.yaml:1:1: cảnh báo: cảnh báo mẫu"]
    assert memo.stamp(first) is not None and memo.stamp({"ma": "a\n"}) is None, "a stamp names the very object read"

    path.write_text("ma: b\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even a file saved with an older time counts as changed
    third = memo.outcome("kind", path, read, Report())
    assert third == {"ma": "ma: b\n"} and memo.read == 2
    assert memo.stamp(third) != memo.stamp(first)


def test_a_second_load_reads_only_the_saved_record_and_forgets_a_deleted_one(tmp_path):
    root = make_project(tmp_path / "p")
    paths, memo = ProjectPaths.at(root), FileMemo()
    first = load_project(paths, memo=memo)
    assert first.site is not None
    files = memo.read
    record = root / "data/guong/dang-van-khoa-thpt-le-quy-don.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("tom_tat: ", "tom_tat: Đã cập nhật. ", 1), encoding="utf-8")
    second = load_project(paths, memo=memo)
    assert memo.read == files + 1, "only the saved file is read again"
    assert second.site is not None and "Đã cập nhật." in second.site.profile("dang-van-khoa-thpt-le-quy-don").honoree.summary
    assert [str(d) for d in second.report.diagnostics] == [str(d) for d in first.report.diagnostics]
    (root / "data/guong/nguyen-thi-moi.yaml").write_text(record.read_text(encoding="utf-8").replace("ma: dang-van-khoa-thpt-le-quy-don", "ma: nguyen-thi-moi"), encoding="utf-8")
    assert load_project(paths, memo=memo).site.profile("nguyen-thi-moi") is not None
    (root / "data/guong/nguyen-thi-moi.yaml").unlink()
    assert load_project(paths, memo=memo).site.profile("nguyen-thi-moi") is None
