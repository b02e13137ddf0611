"""scripts/new.py: a new honoree, story, document or campaign as a file the build accepts, or nothing."""

from __future__ import annotations

import pytest
from conftest import make_project, run_script


@pytest.mark.parametrize(
    ("args", "path", "expected"),
    [
        (["guong", "--doi-tuong", "giao_vien", "--ho", "Trần", "--ten-dem", "Thị", "--ten", "Bình", "--don-vi", "thpt-le-quy-don"],
         "data/guong/tran-thi-binh-thpt-le-quy-don.yaml", "ma: tran-thi-binh-thpt-le-quy-don\ndoi_tuong: giao_vien\nho: Trần\n"),
        (["guong", "--doi-tuong", "tap_the", "--ten-tap-the", "Tổ Hóa - Sinh", "--don-vi", "thpt-le-quy-don"],
         "data/guong/to-hoa-sinh-thpt-le-quy-don.yaml", "ten_tap_the: Tổ Hóa - Sinh\n"),
        (["cau-chuyen", "--tieu-de", "Đội tình nguyện dọn rác bờ sông", "--ngay", "2026-11-20"],
         "content/cau-chuyen/doi-tinh-nguyen-don-rac-bo-song.md", "tieu_de: Đội tình nguyện dọn rác bờ sông\nngay: 2026-11-20\n"),
        (["van-ban", "--co-quan-chu-quan", "UBND TỈNH HƯNG YÊN", "--so-ky-hieu", "/KH-SGDĐT", "--dia-danh", "Hưng Yên", "--nam", "2026", "--trich-yeu", "Về việc tổ chức hội nghị"],
         "content/van-ban/2026-ve-viec-to-chuc-hoi-nghi.md", "trang_thai: du_thao\n"),
        (["phong-trao", "--ma", "thi-dua-2026", "--ten", "Phong trào thi đua năm 2026", "--tu-ngay", "01/01/2026", "--den-ngay", "31/12/2026"],
         "data/phong-trao/thi-dua-2026.yaml", "tu_ngay: 2026-01-01\nden_ngay: 2026-12-31\n"),
    ],
    ids=["person", "collective", "story", "draft document", "campaign"],
)
def test_new_record_is_valid_and_builds(tmp_path, args, path, expected):
    root = make_project(tmp_path / "p")
    result = run_script("new", root, *args)
    assert result.returncode == 0, result.stderr
    assert f"Đã tạo {path}" in result.stderr
    assert expected in (root / path).read_text(encoding="utf-8")
    assert run_script("check", root).returncode == 0


@pytest.mark.parametrize(
    ("args", "message", "path"),
    [
        (["guong", "--doi-tuong", "giao_vien", "--ho", "Lê", "--ten", "An", "--don-vi", "thpt-le-quy-donn"],
         "data/guong/le-an-thpt-le-quy-donn.yaml:6:9: lỗi: không có đơn vị mã 'thpt-le-quy-donn' trong data/don-vi/; có phải ý bạn là 'thpt-le-quy-don'?",
         "data/guong/le-an-thpt-le-quy-donn.yaml"),
        (["phong-trao", "--ma", "pt", "--ten", "X", "--tu-ngay", "2026-12-31", "--den-ngay", "2026-01-01"],
         "lỗi: 'den_ngay' (01/01/2026) đứng trước 'tu_ngay' (31/12/2026)", "data/phong-trao/pt.yaml"),
        (["phong-trao", "--ten", "X"], "lỗi: thiếu --ma", None),
    ],
    ids=["unknown unit", "period backwards", "missing value without a terminal"],
)
def test_invalid_record_is_not_kept(tmp_path, args, message, path):
    root = make_project(tmp_path / "p")
    result = run_script("new", root, *args)
    assert result.returncode != 0
    assert message in result.stderr
    if path:
        assert not (root / path).exists()


def test_existing_file_is_never_overwritten(tmp_path):
    root = make_project(tmp_path / "p")
    existing = root / "data/phong-trao/doi-moi-sang-tao-2021-2025.yaml"
    before = existing.read_bytes()
    result = run_script("new", root, "phong-trao", "--ma", "doi-moi-sang-tao-2021-2025", "--ten", "X", "--tu-ngay", "2026-01-01", "--den-ngay", "2026-12-31")
    assert result.returncode == 2
    assert "lỗi: đã có tệp data/phong-trao/doi-moi-sang-tao-2021-2025.yaml" in result.stderr
    assert existing.read_bytes() == before
