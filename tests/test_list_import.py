"""scripts/import.py danh-sach: an office list (XLSX, CSV) becomes honoree files, shown first, written whole or not at all."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import make_project, run_script, windows_1258

DECISION = ("901/QĐ-SGDĐT", datetime(2025, 8, 20), "Sở Giáo dục và Đào tạo tỉnh Hưng Yên")
# Header on row 4, below a merged title block, in odd case and without accents, as lists come.
HEADER = ["stt", "HO VA TEN", "chuc vu", "DON VI cong tac", "Danh hieu thi dua", "so QD", "NGAY QD", "co quan ban hanh", "Nam hoc"]
TEACHER = [1, "Lê Văn Bình", "Giáo viên Toán", "Trường THPT Lê Quý Đôn (mẫu)", "Chiến sĩ thi đua cơ sở", *DECISION, "2024-2025"]
TEACHER_FILE = "data/guong/le-van-binh-thpt-le-quy-don.yaml"


def write_xlsx(path: Path, *rows: list[object], header: list[str] = HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["SỞ GIÁO DỤC VÀ ĐÀO TẠO"])
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM HỌC 2024 - 2025"])
    sheet.append([])
    sheet.merge_cells("A1:I1")
    sheet.merge_cells("A2:I2")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def data_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p")


def test_xlsx_is_shown_then_written_then_published(project, tmp_path):
    """Dry run shows a diff and writes nothing; --ghi writes a valid file; the build publishes the profile with its award."""
    sheet = write_xlsx(tmp_path / "ds.xlsx", TEACHER)
    before = data_files(project)
    shown = run_script("import", project, "danh-sach", str(sheet), "--cong-khai")
    assert shown.returncode == 0, shown.stderr
    assert f"+++ b/{TEACHER_FILE}" in shown.stdout
    assert "+  - loai: chien-si-thi-dua-co-so\n+    nam_hoc: 2024-2025\n+    quyet_dinh:\n+      so: 901/QĐ-SGDĐT\n+      ngay: 2025-08-20\n" in shown.stdout
    assert "Mới: 1 · Cập nhật: 0" in shown.stderr and "Chạy thử: chưa ghi tệp nào" in shown.stderr
    assert data_files(project) == before

    written = run_script("import", project, "danh-sach", str(sheet), "--cong-khai", "--ghi")
    assert written.returncode == 0, written.stderr
    text = (project / TEACHER_FILE).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/guong.schema.json\nma: le-van-binh-thpt-le-quy-don\ndoi_tuong: giao_vien\nho: Lê\nten_dem: Văn\nten: Bình\n")
    assert text.endswith("cong_khai: true\n")
    assert run_script("check", project).returncode == 0

    built = run_script("build", project)
    assert built.returncode == 0, built.stderr
    page = (project / "site/guong/le-van-binh-thpt-le-quy-don/index.html").read_text(encoding="utf-8")
    assert "Lê Văn Bình" in page and "Chiến sĩ thi đua cơ sở" in page and "901/QĐ-SGDĐT" in page


@pytest.mark.parametrize(
    "content",
    [
        windows_1258("DANH SÁCH KHEN THƯỞNG;;;\r\nHọ và tên;Chức vụ;Đơn vị;Hình thức khen thưởng;Năm học\r\n"
               "Nguyễn Thị Ánh;Giáo viên;THPT Lê Quý Đôn;Lao động tiên tiến;2024-2025\r\n"),
        "\ufeffHỌ TÊN,Chức vụ,Đơn vị,Danh hiệu,Năm học\nNguyễn Thị Ánh,Giáo viên,thpt-le-quy-don,Lao động tiên tiến,2024 - 2025\n".encode(),
    ],
    ids=["windows-1258 with ';'", "utf-8 with BOM"],
)
def test_csv_in_either_encoding(project, tmp_path, content):
    """CSV saved by Excel in Windows-1258 with ';', or as UTF-8 with a BOM: the same record, in NFC."""
    (tmp_path / "ds.csv").write_bytes(content)
    result = run_script("import", project, "danh-sach", str(tmp_path / "ds.csv"), "--ghi")
    assert result.returncode == 0, result.stderr
    text = (project / "data/guong/nguyen-thi-anh-thpt-le-quy-don.yaml").read_text(encoding="utf-8")
    assert "ho: Nguyễn\nten_dem: Thị\nten: Ánh\n" in text and unicodedata.is_normalized("NFC", text)
    assert "  - loai: lao-dong-tien-tien\n    nam_hoc: 2024-2025\n" in text


@pytest.mark.parametrize(
    ("row", "header", "message"),
    [
        ([1, "Lê Văn Bình", "Giáo viên", "THPT Lê Qúy Đônn", "Lao động tiên tiến", *DECISION, "2024-2025"], HEADER,
         ":5:4: lỗi: ô D5, cột 'DON VI cong tac': không có đơn vị 'THPT Lê Qúy Đônn' trong data/don-vi/; gần nhất: 'Trường THPT Lê Quý Đôn (mẫu)' (thpt-le-quy-don)"),
        ([1, "Lê Văn Bình", "Giáo viên", "THPT Lê Quý Đôn", "Lao động tiên tiếng", *DECISION, "2024-2025"], HEADER,
         ":5:5: lỗi: ô E5, cột 'Danh hieu thi dua': không có danh hiệu, hình thức khen thưởng 'Lao động tiên tiếng' trong data/danh-hieu.yaml; gần nhất: 'Lao động tiên tiến' (lao-dong-tien-tien)"),
        ([1, "Lê Văn Bình", "Giáo viên", "THPT Lê Quý Đôn", "Lao động tiên tiến", DECISION[0], "31/02/2025", DECISION[2], "2024-2025"], HEADER,
         ":5:7: lỗi: ô G5, cột 'NGAY QD': ngày '31/02/2025' không có thật trên lịch"),
        ([1, None, "Giáo viên", "THPT Lê Quý Đôn", "Lao động tiên tiến", *DECISION, "2024-2025"], HEADER,
         ":5:2: lỗi: ô B5, cột 'HO VA TEN': thiếu họ tên (hoặc tên tập thể); điền vào ô này"),
        ([1, "Lê Văn Bình", "Giáo viên", "Lao động tiên tiến"], ["STT", "Họ và tên", "Chức vụ", "Danh hiệu"],
         ":4:1: lỗi: dòng tiêu đề thiếu cột 'Đơn vị'; đã thấy: A 'STT', B 'Họ và tên', C 'Chức vụ', D 'Danh hiệu'"),
        ([1, "Lê Văn Bình", "Tổ trưởng", "THPT Lê Quý Đôn", "Lao động tiên tiến", *DECISION, "2024-2025"], HEADER,
         ":5:3: lỗi: ô C5, cột 'chuc vu': không xác định được đối tượng (giáo viên, cán bộ quản lý, nhân viên hay học sinh): chức vụ 'Tổ trưởng' không cho biết; thêm cột 'Đối tượng'"),
        ([1, "Trường THPT Lê Quý Đôn (mẫu)", None, "THPT Lê Quý Đôn", "Lao động tiên tiến", *DECISION, "2024-2025"], HEADER,
         ":5:5: lỗi: ô E5, cột 'Danh hieu thi dua': 'Lao động tiên tiến' dành cho cá nhân, không trao cho tập thể; sửa danh hiệu hoặc cột 'Đối tượng'"),
    ],
    ids=["unknown unit", "unknown award", "bad date", "empty name", "missing column", "role not stated", "award not for a collective"],
)
def test_row_errors_name_cell_and_fix_and_write_nothing(project, tmp_path, row, header, message):
    """Each problem names the file, the row as Excel numbers it, the column (letter and header), and the fix."""
    sheet = write_xlsx(tmp_path / "ds.xlsx", row, header=header)
    before = data_files(project)
    result = run_script("import", project, "danh-sach", str(sheet), "--ghi")
    assert result.returncode == 1
    assert f"{sheet}{message}" in result.stderr, result.stderr
    assert "Có lỗi: chưa ghi tệp nào" in result.stderr
    assert data_files(project) == before


def test_project_rule_broken_by_import_writes_nothing(project, tmp_path):
    """A principal whose school holds no award that year breaks a project rule: the error names the list row, nothing is written."""
    principal = [1, "Đặng Minh Trí", "Hiệu trưởng", "THPT Lê Quý Đôn", "Lao động tiên tiến", *DECISION, "2024-2025"]
    sheet = write_xlsx(tmp_path / "ds.xlsx", TEACHER, principal)
    before = data_files(project)
    result = run_script("import", project, "danh-sach", str(sheet), "--ghi")
    assert result.returncode == 1
    assert "data/guong/dang-minh-tri-thpt-le-quy-don.yaml:" in result.stderr
    assert "cán bộ quản lý chỉ là gương điển hình khi tập thể do mình đứng đầu" in result.stderr
    assert f"(từ {sheet} dòng 6)" in result.stderr
    assert data_files(project) == before


def test_reimport_is_idempotent_and_keeps_hand_edits(project, tmp_path):
    """Re-running changes nothing; an edited chức vụ is a reported conflict; --ghi-de takes the list's value and keeps the comments."""
    sheet = write_xlsx(tmp_path / "ds.xlsx", TEACHER)
    assert run_script("import", project, "danh-sach", str(sheet), "--ghi").returncode == 0
    again = run_script("import", project, "danh-sach", str(sheet), "--ghi")
    assert again.returncode == 0 and "Không có thay đổi." in again.stderr and again.stdout == ""

    path = project / TEACHER_FILE
    edited = path.read_text(encoding="utf-8").replace("chuc_vu: Giáo viên Toán\n", "# Văn phòng đã rà soát\nchuc_vu: Tổ trưởng chuyên môn  # từ 01/9\n")
    path.write_text(edited, encoding="utf-8")
    kept = run_script("import", project, "danh-sach", str(sheet), "--ghi")
    assert kept.returncode == 0
    assert (f"{TEACHER_FILE}:9:10: cảnh báo: chức vụ, công việc: tệp ghi 'Tổ trưởng chuyên môn', danh sách ({sheet} dòng 5)"
            " ghi 'Giáo viên Toán'; giữ như tệp (chạy lại với --ghi-de để lấy theo danh sách)") in kept.stderr
    assert "Xung đột: 1" in kept.stderr and "Không có thay đổi." in kept.stderr
    assert path.read_text(encoding="utf-8") == edited

    overwritten = run_script("import", project, "danh-sach", str(sheet), "--ghi", "--ghi-de")
    assert overwritten.returncode == 0, overwritten.stderr
    assert "-chuc_vu: Tổ trưởng chuyên môn  # từ 01/9\n+chuc_vu: Giáo viên Toán  # từ 01/9\n" in overwritten.stdout
    assert path.read_text(encoding="utf-8") == edited.replace("Tổ trưởng chuyên môn", "Giáo viên Toán")


def test_overwrite_fills_an_empty_decision_as_a_block(project, tmp_path):
    """An award whose 'quyet_dinh:' was left empty by hand takes the list's decision with --ghi-de, in the file's layout."""
    sheet = write_xlsx(tmp_path / "ds.xlsx", TEACHER)
    assert run_script("import", project, "danh-sach", str(sheet), "--ghi").returncode == 0
    path = project / TEACHER_FILE
    complete = path.read_text(encoding="utf-8")
    block = "    quyet_dinh:\n      so: 901/QĐ-SGDĐT\n      ngay: 2025-08-20\n      co_quan: Sở Giáo dục và Đào tạo tỉnh Hưng Yên\n"
    assert block in complete
    path.write_text(complete.replace(block, "    quyet_dinh:\n"), encoding="utf-8")
    filled = run_script("import", project, "danh-sach", str(sheet), "--ghi", "--ghi-de")
    assert filled.returncode == 0, filled.stderr
    assert path.read_text(encoding="utf-8") == complete


def test_existing_record_gains_only_the_missing_award(project, tmp_path):
    """A seed honoree (matched by id) gets the new award appended below its own; the rest of its file is untouched."""
    seed = project / "data/guong/nguyen-thi-thu-ha-thpt-hoang-hoa-tham.yaml"
    original = seed.read_text(encoding="utf-8")
    rows = [
        [1, "NGUYỄN THỊ THU HÀ", "Giáo viên Ngữ văn", "THPT Hoàng Hoa Thám", "Chiến sĩ thi đua cơ sở", *DECISION, "2024-2025"],
        # already in the file: same type and school year
        [2, "Nguyễn Thị Thu Hà", "Giáo viên Ngữ văn", "THPT Hoàng Hoa Thám", "Chiến sĩ thi đua cơ sở", "812/QĐ-SGDĐT", datetime(2023, 8, 15), "Sở Giáo dục và Đào tạo tỉnh Hưng Yên", "2022-2023"],
    ]
    result = run_script("import", project, "danh-sach", str(write_xlsx(tmp_path / "ds.xlsx", *rows)), "--ghi")
    assert result.returncode == 0, result.stderr
    assert "2 dòng, 1 hồ sơ. Mới: 0 · Cập nhật: 1" in result.stderr
    added = "  - loai: chien-si-thi-dua-co-so\n    nam_hoc: 2024-2025\n    quyet_dinh:\n      so: 901/QĐ-SGDĐT\n      ngay: 2025-08-20\n      co_quan: Sở Giáo dục và Đào tạo tỉnh Hưng Yên\n"
    anchor = "    phong_trao: doi-moi-sang-tao-2021-2025\nphong_trao:"
    assert seed.read_text(encoding="utf-8") == original.replace(anchor, anchor.replace("\nphong_trao:", f"\n{added}phong_trao:"))


def test_two_row_header_and_two_rows_for_one_person(project, tmp_path):
    """'Quyết định' merged over 'Số' and 'Ngày'; a column-number row; one person on two rows makes one file with both awards."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH KHEN THƯỞNG"])
    sheet.append(["TT", "Họ tên", "Đơn vị", "Hình thức khen thưởng", "Quyết định", None, None, "Năm học"])
    sheet.append([None, None, None, None, "Số", "Ngày", "Cơ quan", None])
    sheet.merge_cells("E2:G2")
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"])
    sheet.append([1, "Hà Thị Thu", "THPT Lê Quý Đôn", "Giấy khen của Giám đốc Sở GDĐT", "77/QĐ-SGDĐT", datetime(2025, 6, 1), "Sở GDĐT", "2024-2025"])
    sheet.append([2, "Hà Thị Thu", "THPT Lê Quý Đôn", "Lao động tiên tiến", *DECISION, "2024-2025"])
    workbook.save(tmp_path / "ds.xlsx")
    result = run_script("import", project, "danh-sach", str(tmp_path / "ds.xlsx"), "--doi-tuong", "giao_vien", "--ghi")
    assert result.returncode == 0, result.stderr
    text = (project / "data/guong/ha-thi-thu-thpt-le-quy-don.yaml").read_text(encoding="utf-8")
    assert "  - loai: giay-khen-giam-doc-so\n    nam_hoc: 2024-2025\n    quyet_dinh:\n      so: 77/QĐ-SGDĐT\n      ngay: 2025-06-01\n      co_quan: Sở GDĐT\n  - loai: lao-dong-tien-tien\n" in text


def test_students_are_never_published_by_import(project, tmp_path):
    """With --cong-khai, adults are published but students stay unpublished, and the output says consent is needed."""
    student = [2, "Phạm Gia Bảo", "Học sinh lớp 12A1", "THPT Lê Quý Đôn", "Học sinh Xuất sắc", None, None, None, "2024-2025"]
    result = run_script("import", project, "danh-sach", str(write_xlsx(tmp_path / "ds.xlsx", TEACHER, student)), "--cong-khai", "--ghi")
    assert result.returncode == 0, result.stderr
    text = (project / "data/guong/pham-gia-bao-thpt-le-quy-don.yaml").read_text(encoding="utf-8")
    assert "doi_tuong: hoc_sinh\n" in text and "cong_khai: false" in text
    assert (project / TEACHER_FILE).read_text(encoding="utf-8").endswith("cong_khai: true\n")
    assert "1 hồ sơ học sinh mới để chưa công khai (cong_khai: false), kể cả khi có --cong-khai" in result.stderr
    assert "sự đồng ý của cha, mẹ hoặc người giám hộ và của em từ đủ 7 tuổi" in result.stderr


def test_a_list_may_name_the_school_and_the_award_as_they_were_worded(project, tmp_path):
    """A 2022 list writes the school's former name and a city's 'UBND thành phố': both find their record."""
    row = [1, "Lê Văn Bình", "Giáo viên Toán", "Trường THCS Tây Sơn (mẫu)", "Bằng khen của Chủ tịch UBND thành phố",
           "88/QĐ-UBND", datetime(2022, 9, 20), "UBND tỉnh Thái Bình", "2021-2022"]
    result = run_script("import", project, "danh-sach", str(write_xlsx(tmp_path / "ds.xlsx", row)), "--ghi")
    assert result.returncode == 0, result.stderr
    text = (project / "data/guong/le-van-binh-thcs-quang-trung.yaml").read_text(encoding="utf-8")
    assert "don_vi: thcs-quang-trung\n" in text and "  - loai: bang-khen-chu-tich-ubnd-tinh\n    nam_hoc: 2021-2022\n" in text
