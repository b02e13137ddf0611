"""Office exports: achievement summary and Appendix 02 statistics, read back as a spreadsheet program would."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from conftest import make_project, run_script

CONFERENCE = "hoi-nghi-dien-hinh-tien-tien-2025"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("xuat"))


def test_achievement_summary_has_one_row_per_delegate(project, tmp_path):
    result = run_script("export", project, "trich-ngang", CONFERENCE, "--ra", str(tmp_path))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(tmp_path / f"trich-ngang-{CONFERENCE}.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("Trích ngang thành tích đại biểu cử đi dự cấp trên: HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN")
    assert rows[1] == ("STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ, đơn vị công tác", "Thành tích chính", "Danh hiệu cao nhất", "Số, ngày quyết định")
    people = rows[2:5]
    assert [row[1] for row in people] == ["Ngô Thị Lan Anh", "Vũ Đức Thắng", "Đinh Thị Huệ"]
    assert people[0][6] == "Bằng khen của Chủ tịch UBND thành phố (2024)"
    assert people[0][7] == "3187/QĐ-UBND ngày 15/11/2024 của UBND thành phố Hải Phòng"
    assert rows[-1][0].startswith("Năm sinh và giới tính để trống")
    with (tmp_path / f"trich-ngang-{CONFERENCE}.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert len(table) == 4 and table[1][1] == "Ngô Thị Lan Anh" and table[1][4].endswith("Trường THPT Hoa Phượng (mẫu)")


def test_award_statistics_count_by_type_and_year(project, tmp_path):
    result = run_script("export", project, "thong-ke", "--tu", "2020", "--den", "2025", "--ra", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(tmp_path / "thong-ke-khen-thuong-2020-2025.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("Phụ lục 02: Thống kê số liệu khen thưởng giai đoạn 2020 - 2025",) + (None,) * 10
    assert rows[1][4:] == ("2020", "2021", "2022", "2023", "2024", "2025", "Cộng")
    body, total = rows[2:-1], rows[-1]
    assert total[2] == "Tổng cộng"
    for column in range(4, 11):
        assert total[column] == sum(row[column] for row in body)
    assert all(row[10] == sum(row[4:10]) for row in body)
    assert ("Danh hiệu thi đua", "Tập thể lao động xuất sắc", "Tập thể") in [row[1:4] for row in body]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trich-ngang", "hoi-nghi-khong-co"], "lỗi: không có hội nghị mã 'hoi-nghi-khong-co' trong data/hoi-nghi/"),
        (["thong-ke", "--tu", "2025", "--den", "2020"], "lỗi: năm cuối (2020) đứng trước năm đầu (2025)"),
    ],
)
def test_export_mistakes_are_named(project, tmp_path, args, message):
    result = run_script("export", project, *args, "--ra", str(tmp_path))
    assert result.returncode == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("inside", ["site", "content/tai-lieu"])
def test_exports_never_go_into_the_published_site(project, inside):
    """The tables hold unpublished records: site/ and content/ are refused."""
    target = project / inside / "xuat"
    result = run_script("export", project, "thong-ke", "--tu", "2020", "--den", "2025", "--ra", str(target))
    assert result.returncode == 2
    assert "bảng có dữ liệu chưa công khai" in result.stderr
    assert not target.exists()
