"""Records in data/: each editor's mistake gives its exact message at the line to fix (the loading table)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import write_files
from guongsang.project import ProjectPaths, load_project
from samples import project_files

U = "data/don-vi/truong-a.yaml"
C = "data/phong-trao/pt.yaml"
T = "data/tieu-chi/tc.yaml"
D = "data/danh-hieu.yaml"
G = "data/guong/truong-a-tap-the.yaml"
M = "data/guong/nguyen-van-an.yaml"
GV = "data/guong/tran-thi-binh.yaml"
HS = "data/guong/le-cuong.yaml"


def check(root: Path, files: dict[str, str | bytes]) -> list[str]:
    """The diagnostic lines `make check` prints for a project holding ``files``."""
    write_files(root, files)
    return [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]


def changed(path: str, old: str, new: str) -> dict[str, str]:
    """The sample project with one edit in one file."""
    files = project_files()
    assert old in files[path], (path, old)
    files[path] = files[path].replace(old, new, 1)
    return files


def test_sample_project_is_valid(tmp_path):
    """The table's starting point, one record of each kind, loads without any message."""
    assert check(tmp_path, project_files()) == []


# (what is wrong, file, text replaced, replacement, the exact lines printed)
CASES = [
    (
        'unit kind',
        U, 'loai: thpt', 'loai: truong_thpt',
        [
            "data/don-vi/truong-a.yaml:3:7: lỗi: trường 'loai' (Loại đơn vị): giá trị 'truong_thpt' không hợp lệ; chọn một trong: 'mam_non', 'tieu_hoc', 'thcs', 'thpt', 'gdtx', 'phong', 'so' hoặc 'khac'",
        ],
    ),
    (
        'unit parent',
        U, 'don_vi_cap_tren: so-mau', 'don_vi_cap_tren: so-mauu',
        [
            "data/don-vi/truong-a.yaml:7:18: lỗi: không có đơn vị mã 'so-mauu' trong data/don-vi/; có phải ý bạn là 'so-mau'?",
        ],
    ),
    (
        'id with accents',
        HS, 'ma: le-cuong', 'ma: Lê-Cường',
        [
            "data/guong/le-cuong.yaml:1:5: lỗi: trường 'ma' (Mã hồ sơ): mã 'Lê-Cường' chỉ được gồm chữ thường không dấu, số và dấu '-', ví dụ 'thpt-nguyen-trai'",
        ],
    ),
    (
        'unit missing province',
        U, 'tinh: Hưng Yên\n', '',
        [
            "data/don-vi/truong-a.yaml:1:1: lỗi: thiếu trường 'tinh' (Tỉnh, thành phố); thêm dòng 'tinh: …'. Tên gọi tại ngày 'ap_dung_tu'. Tỉnh trước khi hợp nhất ghi ở 'tinh_truoc'.",
        ],
    ),
    (
        'unit date',
        U, 'ap_dung_tu: 2025-07-01', 'ap_dung_tu: 2025-13-01',
        [
            "data/don-vi/truong-a.yaml:6:13: lỗi: trường 'ap_dung_tu' (Địa danh áp dụng từ ngày): tháng 13 không có thật trong '2025-13-01'",
        ],
    ),
    (
        'unit self parent',
        U, 'don_vi_cap_tren: so-mau', 'don_vi_cap_tren: truong-a',
        [
            'data/don-vi/truong-a.yaml:7:18: lỗi: đơn vị cấp trên tạo thành vòng lặp (truong-a → truong-a); một đơn vị không thể là cấp trên của chính nó',
        ],
    ),
    (
        'campaign form',
        C, 'hinh_thuc: chuyen_de', 'hinh_thuc: dot_xuat',
        [
            "data/phong-trao/pt.yaml:3:12: lỗi: trường 'hinh_thuc' (Hình thức): giá trị 'dot_xuat' không hợp lệ; chọn một trong: 'thuong_xuyen' hoặc 'chuyen_de'",
        ],
    ),
    (
        'campaign end before start',
        C, 'den_ngay: 2025-12-31', 'den_ngay: 2020-12-31',
        [
            "data/phong-trao/pt.yaml:5:11: lỗi: 'den_ngay' (31/12/2020) đứng trước 'tu_ngay' (17/9/2021)",
        ],
    ),
    (
        'phase outside',
        C, '    den_ngay: 2022-06-30', '    den_ngay: 2026-06-30',
        [
            "data/phong-trao/pt.yaml:8:5: lỗi: đợt 'Đợt 1' (17/9/2021–30/6/2026) nằm ngoài thời gian của phong trào (17/9/2021–31/12/2025)",
        ],
    ),
    (
        'review outside',
        C, '    ngay: 2023-11-20', '    ngay: 2026-11-20',
        [
            'data/phong-trao/pt.yaml:13:11: cảnh báo: sơ kết ngày 20/11/2026 nằm ngoài thời gian của phong trào (17/9/2021–31/12/2025)',
        ],
    ),
    (
        'campaign doc unknown',
        C, 'van_ban: [mau]', 'van_ban: [mau-x]',
        [
            "data/phong-trao/pt.yaml:14:11: lỗi: không có văn bản mã 'mau-x' trong content/van-ban/; có phải ý bạn là 'mau'?",
        ],
    ),
    (
        'campaign criteria unknown',
        C, 'bo_tieu_chi: [tc]', 'bo_tieu_chi: [tc-x]',
        [
            "data/phong-trao/pt.yaml:15:15: lỗi: không có bộ tiêu chí mã 'tc-x' trong data/tieu-chi/; có phải ý bạn là 'tc'?",
        ],
    ),
    (
        'campaign subjects scalar',
        C, 'doi_tuong: [tap_the, can_bo_quan_ly, giao_vien, hoc_sinh]', 'doi_tuong: giao_vien',
        [
            "data/phong-trao/pt.yaml:6:12: lỗi: trường 'doi_tuong' (Đối tượng): cần một danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhưng gặp 'giao_vien'",
        ],
    ),
    (
        'campaign subject bad',
        C, 'doi_tuong: [tap_the, can_bo_quan_ly, giao_vien, hoc_sinh]', 'doi_tuong: [tap_the, can_bo_quan_ly, giao vien, hoc_sinh]',
        [
            "data/phong-trao/pt.yaml:6:38: lỗi: trường 'doi_tuong[3]' (Đối tượng): giá trị 'giao vien' không hợp lệ; chọn một trong: 'tap_the', 'can_bo_quan_ly', 'giao_vien', 'nhan_vien' hoặc 'hoc_sinh'",
        ],
    ),
    (
        'criteria dup item',
        T, '  - ma: tc-2', '  - ma: tc-1',
        [
            "data/tieu-chi/tc.yaml:9:9: lỗi: trùng mã tiêu chí 'tc-1' trong bộ (đã khai báo ở dòng 7)",
        ],
    ),
    (
        'criteria empty',
        T, 'tieu_chi:\n  - ma: tc-1\n    noi_dung: Có nhiều sáng kiến\n  - ma: tc-2\n    noi_dung: Được tập thể ghi nhận\n', 'tieu_chi: []\n',
        [
            "data/tieu-chi/tc.yaml:6:11: lỗi: trường 'tieu_chi' (Các tiêu chí): cần ít nhất 1 mục",
        ],
    ),
    (
        'criteria doc unknown',
        T, 'van_ban_nguon: mau', 'van_ban_nguon: ke-hoach',
        [
            "data/tieu-chi/tc.yaml:5:16: lỗi: không có văn bản mã 'ke-hoach' trong content/van-ban/",
        ],
    ),
    (
        'criteria scope',
        T, 'pham_vi: cu_the', 'pham_vi: rieng',
        [
            "data/tieu-chi/tc.yaml:4:10: lỗi: trường 'pham_vi' (Chung hay cụ thể): giá trị 'rieng' không hợp lệ; chọn một trong: 'chung' hoặc 'cu_the'",
        ],
    ),
    (
        'award title both',
        D, '    doi_tuong: ca_nhan\n    cap: co_so\n    tham_quyen: Thủ trưởng đơn vị, Giám đốc Sở GDĐT', '    doi_tuong: ca_nhan_va_tap_the\n    cap: co_so\n    tham_quyen: Thủ trưởng đơn vị, Giám đốc Sở GDĐT',
        [
            "data/danh-hieu.yaml:10:16: lỗi: danh hiệu thi đua dành cho cá nhân hoặc cho tập thể, không cho cả hai: chọn 'ca_nhan' hoặc 'tap_the'",
        ],
    ),
    (
        'award student honour collective',
        D, '  - ma: hoc-sinh-gioi\n    ten: Học sinh Giỏi\n    nhom: khen_thuong_hoc_sinh\n    doi_tuong: ca_nhan', '  - ma: hoc-sinh-gioi\n    ten: Học sinh Giỏi\n    nhom: khen_thuong_hoc_sinh\n    doi_tuong: tap_the',
        [
            "data/danh-hieu.yaml:161:16: lỗi: khen thưởng học sinh chỉ dành cho cá nhân: đặt 'doi_tuong: ca_nhan'",
        ],
    ),
    (
        'award dup id',
        D, '  - ma: hoc-sinh-gioi\n', '  - ma: lao-dong-tien-tien\n    ten: Trùng\n    nhom: danh_hieu_thi_dua\n    doi_tuong: ca_nhan\n    cap: co_so\n    tham_quyen: Sở\n    thu_bac: 1\n  - ma: hoc-sinh-gioi\n',
        [
            "data/danh-hieu.yaml:158:9: lỗi: trùng mã danh hiệu 'lao-dong-tien-tien' (đã khai báo ở data/danh-hieu.yaml:7); mỗi danh hiệu một mã riêng",
        ],
    ),
    (
        'award unknown key',
        D, '    thu_bac: 10\n  - ma: chien-si-thi-dua-co-so', '    thu_bac: 10\n    hang_muc: a\n  - ma: chien-si-thi-dua-co-so',
        [
            "data/danh-hieu.yaml:14:5: lỗi: trường 'hang_muc' không có trong mẫu; có phải ý bạn là 'hang'? (tên trường viết thường, không dấu)",
        ],
    ),
    (
        'award rank negative',
        D, '    thu_bac: 10\n  - ma: chien-si-thi-dua-co-so', '    thu_bac: -1\n  - ma: chien-si-thi-dua-co-so',
        [
            "data/danh-hieu.yaml:13:14: lỗi: trường 'danh_hieu[1].thu_bac' (Thứ bậc): cần số từ 0 trở lên, nhưng gặp số -1",
        ],
    ),
    (
        'honoree unit',
        GV, 'don_vi: truong-a', 'don_vi: truong-b',
        [
            "data/guong/tran-thi-binh.yaml:6:9: lỗi: không có đơn vị mã 'truong-b' trong data/don-vi/; có phải ý bạn là 'truong-a'?",
        ],
    ),
    (
        'honoree campaign unknown',
        GV, 'phong_trao: [pt]', 'phong_trao: [pt-2024]',
        [
            "data/guong/tran-thi-binh.yaml:23:14: lỗi: không có phong trào mã 'pt-2024' trong data/phong-trao/",
        ],
    ),
    (
        'campaign not for subject',
        C, 'doi_tuong: [tap_the, can_bo_quan_ly, giao_vien, hoc_sinh]', 'doi_tuong: [tap_the, can_bo_quan_ly, hoc_sinh]',
        [
            "data/guong/tran-thi-binh.yaml:15:17: lỗi: phong trào 'pt' dành cho tập thể, cán bộ quản lý, học sinh, không dành cho giáo viên",
            "data/guong/tran-thi-binh.yaml:23:14: lỗi: phong trào 'pt' dành cho tập thể, cán bộ quản lý, học sinh, không dành cho giáo viên",
        ],
    ),
    (
        'criterion malformed',
        GV, 'tieu_chi_dat: [tc/tc-1]', 'tieu_chi_dat: [tc-1]',
        [
            "data/guong/tran-thi-binh.yaml:24:16: lỗi: tiêu chí 'tc-1' cần viết dạng 'mã-bộ-tiêu-chí/mã-tiêu-chí'",
        ],
    ),
    (
        'criterion set unknown',
        GV, 'tieu_chi_dat: [tc/tc-1]', 'tieu_chi_dat: [tx/tc-1]',
        [
            "data/guong/tran-thi-binh.yaml:24:16: lỗi: không có bộ tiêu chí mã 'tx' trong data/tieu-chi/",
        ],
    ),
    (
        'criterion item unknown',
        GV, 'tieu_chi_dat: [tc/tc-1]', 'tieu_chi_dat: [tc/tc-9]',
        [
            "data/guong/tran-thi-binh.yaml:24:16: lỗi: không có tiêu chí mã 'tc-9' trong bộ 'tc'; có phải ý bạn là 'tc-1'?",  # as close as 'tc-2': the first in order
        ],
    ),
    (
        'criterion not for subject',
        HS, 'don_vi: truong-a', 'don_vi: truong-a\ntieu_chi_dat: [tc/tc-1]',
        [
            "data/guong/le-cuong.yaml:6:16: lỗi: bộ tiêu chí 'tc' áp dụng cho giáo viên, không áp dụng cho học sinh",
        ],
    ),
    (
        'award type unknown',
        GV, '  - loai: chien-si-thi-dua-co-so', '  - loai: chien-si-thi-dua-coso',
        [
            "data/guong/tran-thi-binh.yaml:9:11: lỗi: không có danh hiệu mã 'chien-si-thi-dua-coso' trong data/danh-hieu.yaml; có phải ý bạn là 'chien-si-thi-dua-co-so'?",
        ],
    ),
    (
        'collective title on person',
        GV, '  - loai: chien-si-thi-dua-co-so', '  - loai: tap-the-lao-dong-xuat-sac',
        [
            "data/guong/tran-thi-binh.yaml:9:11: lỗi: 'Tập thể lao động xuất sắc' dành cho tập thể, không trao cho cá nhân",
        ],
    ),
    (
        'person title on collective',
        G, '  - loai: tap-the-lao-dong-xuat-sac', '  - loai: lao-dong-tien-tien',
        [
            "data/guong/truong-a-tap-the.yaml:5:11: lỗi: 'Lao động tiên tiến' dành cho cá nhân, không trao cho tập thể",
        ],
    ),
    (
        'grade where none',
        GV, '    nam: 2023\n', '    hang: nhat\n    nam: 2023\n',
        [
            "data/guong/tran-thi-binh.yaml:10:11: lỗi: 'Chiến sĩ thi đua cơ sở' không chia hạng; xóa dòng 'hang'",
        ],
    ),
    (
        'grade missing',
        GV, '    hang: ba\n', '',
        [
            "data/guong/tran-thi-binh.yaml:16:5: lỗi: 'Huân chương Lao động' cần ghi 'hang' là một trong: nhat, nhi, ba",
        ],
    ),
    (
        'grade not in list',
        GV, '    hang: ba\n', '    hang: khuyen_khich\n',
        [
            "data/guong/tran-thi-binh.yaml:17:11: lỗi: 'Huân chương Lao động' cần ghi 'hang' là một trong: nhat, nhi, ba",
        ],
    ),
    (
        'decision missing',
        GV, '    nam: 2024\n    quyet_dinh:\n      so: 99/QĐ-CTN\n      ngay: 2024-11-15\n      co_quan: Chủ tịch nước\n', '    nam: 2024\n',
        [
            "data/guong/tran-thi-binh.yaml:16:5: lỗi: hồ sơ công khai: khen thưởng 'Huân chương Lao động' cần 'quyet_dinh' (so, ngay, co_quan), ví dụ so: 1234/QĐ-UBND",
        ],
    ),
    (
        'both year and school year',
        GV, '    nam: 2023\n', '    nam: 2023\n    nam_hoc: 2022-2023\n',
        [
            "data/guong/tran-thi-binh.yaml:9:5: lỗi: mỗi khen thưởng ghi đúng một trong hai: 'nam' (ví dụ 2024) hoặc 'nam_hoc' (ví dụ 2023-2024)",
        ],
    ),
    (
        'neither year',
        GV, '    nam: 2024\n', '',
        [
            "data/guong/tran-thi-binh.yaml:16:5: lỗi: mỗi khen thưởng ghi đúng một trong hai: 'nam' (ví dụ 2024) hoặc 'nam_hoc' (ví dụ 2023-2024)",
        ],
    ),
    (
        'school year malformed',
        HS, 'nam_hoc: 2023-2024', 'nam_hoc: 2023-2025',
        [
            "data/guong/le-cuong.yaml:9:14: lỗi: trường 'khen_thuong[1].nam_hoc' (Năm học): năm học '2023-2025' phải gồm hai năm liền nhau, ví dụ '2023-2024'",
        ],
    ),
    (
        'award outside campaign',
        GV, '    nam: 2023\n    quyet_dinh:\n      so: 812/QĐ-SGDĐT\n      ngay: 2023-08-15', '    nam: 2019\n    quyet_dinh:\n      so: 812/QĐ-SGDĐT\n      ngay: 2019-08-15',
        [
            "data/guong/tran-thi-binh.yaml:15:17: lỗi: khen thưởng năm 2019 nằm ngoài thời gian của phong trào 'Phong trào mẫu' (17/9/2021–31/12/2025)",
        ],
    ),
    (
        'manager unit not exemplary',
        G, 'nam_hoc: 2022-2023', 'nam_hoc: 2020-2021',
        [
            "data/guong/nguyen-van-an.yaml:10:14: lỗi: cán bộ quản lý chỉ là gương điển hình khi tập thể do mình đứng đầu (đơn vị 'truong-a') cũng là tập thể điển hình cùng năm 2022-2023; thêm hồ sơ tập thể của chính đơn vị đó (không ghi 'ten_tap_the') có khen thưởng năm ấy, hoặc ghi lý do ở 'ngoai_le_don_vi'",
        ],
    ),
    (
        'student with a title',
        HS, '  - loai: giai-hoc-sinh-gioi-cap-tinh\n    hang: nhi\n', '  - loai: lao-dong-tien-tien\n',
        [
            "data/guong/le-cuong.yaml:7:11: lỗi: 'Lao động tiên tiến' là danh hiệu thi đua theo Luật Thi đua, khen thưởng, không xét cho học sinh; dùng khen thưởng học sinh",
        ],
    ),
    (
        'teacher with student honour',
        GV, '  - loai: chien-si-thi-dua-co-so', '  - loai: hoc-sinh-gioi',
        [
            "data/guong/tran-thi-binh.yaml:9:11: lỗi: 'Học sinh Giỏi' là khen thưởng học sinh, chỉ trao cho học sinh",
        ],
    ),
    (
        'collective with name parts',
        G, 'don_vi: truong-a', 'don_vi: truong-a\nho: Nguyễn',
        [
            "data/guong/truong-a-tap-the.yaml:4:5: lỗi: hồ sơ tập thể không có 'ho'; tên tập thể ghi ở 'ten_tap_the'",
        ],
    ),
    (
        'person without given name',
        GV, 'ten: Bình\n', '',
        [
            "data/guong/tran-thi-binh.yaml:1:1: lỗi: hồ sơ cá nhân thiếu trường 'ten' (Tên); thêm dòng 'ten: …'",
        ],
    ),
    (
        'person with collective name',
        GV, 'don_vi: truong-a', 'don_vi: truong-a\nten_tap_the: Tổ Toán',
        [
            "data/guong/tran-thi-binh.yaml:7:14: lỗi: hồ sơ cá nhân không có 'ten_tap_the'; ghi họ tên ở 'ho', 'ten_dem', 'ten'",
        ],
    ),
    (
        'photo missing',
        GV, 'cong_khai: true', 'anh:\n  tep: anh/binh.jpg\n  mo_ta: Cô Bình trên bục giảng\ncong_khai: true',
        [
            "data/guong/tran-thi-binh.yaml:27:3: cảnh báo: ảnh chưa có sự đồng ý của chính người đó (pham_vi: anh) nên không được đăng; hồ sơ vẫn được đăng (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)",
            "data/guong/tran-thi-binh.yaml:27:8: lỗi: không thấy tệp ảnh 'anh/binh.jpg' (đường dẫn tính từ thư mục content/)",
        ],
    ),
    (
        'photo alt short',
        GV, 'cong_khai: true', 'anh:\n  tep: anh/binh.jpg\n  mo_ta: ảnh\ncong_khai: true',
        [
            "data/guong/tran-thi-binh.yaml:28:10: lỗi: trường 'anh.mo_ta' (Mô tả ảnh): cần ít nhất 5 ký tự, nhưng gặp 'ảnh'",
        ],
    ),
    (
        'decision before year',
        GV, '      ngay: 2024-11-15', '      ngay: 2022-11-15',
        [
            'data/guong/tran-thi-binh.yaml:21:13: cảnh báo: quyết định ngày 15/11/2022 có trước năm thành tích (2024); kiểm tra lại',
        ],
    ),
    (
        'published not bool',
        GV, 'cong_khai: true', 'cong_khai: có',
        [
            "data/guong/tran-thi-binh.yaml:26:12: lỗi: trường 'cong_khai' (Công khai): cần 'true' (có) hoặc 'false' (không), nhưng gặp 'có'",
        ],
    ),
    (
        'honoree id duplicate',
        HS, 'ma: le-cuong', 'ma: tran-thi-binh',
        [
            "data/guong/le-cuong.yaml:1:5: cảnh báo: tên tệp nên trùng mã: đổi tên tệp thành 'tran-thi-binh.yaml'",
            "data/guong/tran-thi-binh.yaml:1:5: lỗi: trùng mã hồ sơ gương điển hình 'tran-thi-binh' (đã khai báo ở data/guong/le-cuong.yaml:1); mỗi hồ sơ gương điển hình một mã riêng",
        ],
    ),
    (
        'photo alt missing',
        GV, 'cong_khai: true', 'anh:\n  tep: anh/binh.jpg\ncong_khai: true',
        [
            "data/guong/tran-thi-binh.yaml:26:1: lỗi: thiếu trường 'anh.mo_ta' (Mô tả ảnh); thêm dòng 'mo_ta: …'. Người không xem được ảnh sẽ nghe mô tả này.",
        ],
    ),
    (
        'year out of range',
        GV, '    nam: 2024\n', '    nam: 1024\n',
        [
            "data/guong/tran-thi-binh.yaml:18:10: lỗi: trường 'khen_thuong[2].nam' (Năm): cần số từ 1945 trở lên, nhưng gặp số 1024",
        ],
    ),
    (
        'student summary list',
        HS, 'cong_khai: true', 'tom_tat:\n  - a\ncong_khai: true',
        [
            "data/guong/le-cuong.yaml:15:3: lỗi: trường 'tom_tat' (Tóm tắt thành tích): cần một đoạn chữ, nhưng gặp một danh sách",
        ],
    ),
]


# Units with a history: names one after the other, a life span, a successor; awards within that life.
_FORMER = "ten_truoc:\n  - ten: Trường B (mẫu)\n    den_ngay: 2020-06-30\n  - ten: Trường C (mẫu)\n    tu_ngay: {}\n    den_ngay: {}\n"
_TEACHER_AWARD = "loai: chien-si-thi-dua-co-so\n    nam: 2023\n    quyet_dinh:\n      so: 812/QĐ-SGDĐT\n      ngay: 2023-08-15"
_AFTER = "khen thưởng năm {} có sau ngày đơn vị 'truong-a' ngừng hoạt động ({}, 'den_ngay' trong data/don-vi/truong-a.yaml)"
CASES += [
    (
        'unit names overlap',
        U, 'du_lieu_mau: true\n', _FORMER.format("2020-06-01", "2023-06-30"),
        [
            "data/don-vi/truong-a.yaml:12:14: lỗi: tên 'Trường C (mẫu)' bắt đầu ngày 01/6/2020, khi tên 'Trường B (mẫu)' còn dùng (đến 30/6/2020); hai thời kỳ chồng lên nhau: sửa 'tu_ngay' thành 01/7/2020",
        ],
    ),
    (
        'unit names leave a gap',
        U, 'du_lieu_mau: true\n', _FORMER.format("2020-09-01", "2023-06-30"),
        [
            "data/don-vi/truong-a.yaml:12:14: lỗi: từ 01/7/2020 đến 31/8/2020 đơn vị không có tên nào: sửa 'tu_ngay' thành 01/7/2020 hoặc thêm tên gọi của thời kỳ đó",
        ],
    ),
    (
        'unit names out of order',
        U, 'du_lieu_mau: true\n', _FORMER.format("2019-01-01", "2019-06-30"),
        [
            "data/don-vi/truong-a.yaml:13:15: lỗi: 'ten_truoc' xếp theo thời gian, cũ trước mới sau: tên 'Trường C (mẫu)' kết thúc trước tên 'Trường B (mẫu)' ở dòng trên; đổi chỗ hai mục",
        ],
    ),
    (
        'unit name used before the unit existed',
        U, 'du_lieu_mau: true\n', "tu_ngay: 2021-01-01\n" + _FORMER.format("2020-07-01", "2021-06-30"),
        [
            "data/don-vi/truong-a.yaml:11:15: lỗi: tên 'Trường B (mẫu)' dùng đến 30/6/2020, trước khi đơn vị thành lập (01/01/2021, 'tu_ngay'); sửa một trong hai ngày",
        ],
    ),
    (
        'unit ends before it starts',
        U, 'du_lieu_mau: true\n', "tu_ngay: 2025-06-30\nden_ngay: 2020-01-01\n",
        ["data/don-vi/truong-a.yaml:9:11: lỗi: 'den_ngay' (01/01/2020) đứng trước ngày thành lập 'tu_ngay' (30/6/2025)"],
    ),
    (
        'award before the unit existed',
        U, 'du_lieu_mau: true\n', "tu_ngay: 2023-09-01\n",
        [
            f"data/guong/{name}.yaml:{line}:14: lỗi: khen thưởng năm học 2022-2023 có trước ngày đơn vị 'truong-a' thành lập (01/9/2023, 'tu_ngay' trong data/don-vi/truong-a.yaml); kiểm tra ngày hoặc đơn vị"
            for name, line in (("nguyen-van-an", 10), ("truong-a-tap-the", 6))
        ],
    ),
    (
        'award after the unit merged into its successor',
        U, 'du_lieu_mau: true\n', "den_ngay: 2023-12-31\ndon_vi_ke_tiep: so-mau\n",
        [f"data/guong/tran-thi-binh.yaml:18:10: lỗi: {_AFTER.format(2024, '31/12/2023')}; từ ngày 01/01/2024 ghi đơn vị kế tiếp 'so-mau'"],
    ),
    (
        'unknown successor',
        U, 'du_lieu_mau: true\n', "den_ngay: 2025-06-30\ndon_vi_ke_tiep: so-mauu\n",
        ["data/don-vi/truong-a.yaml:9:17: lỗi: không có đơn vị mã 'so-mauu' trong data/don-vi/; có phải ý bạn là 'so-mau'?"],
    ),
    (
        'successor of a unit that never ended',
        U, 'du_lieu_mau: true\n', "don_vi_ke_tiep: so-mau\n",
        ["data/don-vi/truong-a.yaml:8:17: lỗi: đơn vị có đơn vị kế tiếp là đơn vị đã ngừng hoạt động: thêm 'den_ngay' (ngày cuối cùng, ví dụ 2025-06-30)"],
    ),
    (
        'unit its own successor',
        U, 'du_lieu_mau: true\n', "den_ngay: 2025-06-30\ndon_vi_ke_tiep: truong-a\n",
        ["data/don-vi/truong-a.yaml:9:17: lỗi: đơn vị không thể là đơn vị kế tiếp của chính nó; ghi mã đơn vị đã nhận lại đơn vị này"],
    ),
    (
        'district-level award after the district level ended',
        GV, _TEACHER_AWARD, _TEACHER_AWARD.replace("chien-si-thi-dua-co-so", "giay-khen-truong-phong-gddt-huyen").replace("2023", "2025").replace("SGDĐT", "PGDĐT"),
        [
            "data/guong/tran-thi-binh.yaml:13:13: lỗi: 'Giấy khen của Trưởng phòng Giáo dục và Đào tạo huyện' chỉ được trao đến ngày 30/6/2025"
            " ('den_ngay' trong data/danh-hieu.yaml); khen thưởng ngày 15/8/2025 cần loại khen thưởng khác, ví dụ của cơ quan cấp tỉnh hoặc cấp xã hiện nay",
        ],
    ),
]
CASES += [
    (
        "school year before the campaign started",
        GV, "    nam: 2023\n    quyet_dinh:\n      so: 812/QĐ-SGDĐT\n      ngay: 2023-08-15", "    nam_hoc: 2020-2021\n    quyet_dinh:\n      so: 812/QĐ-SGDĐT\n      ngay: 2021-08-15",
        [
            "data/guong/tran-thi-binh.yaml:15:17: lỗi: khen thưởng năm học 2020-2021 nằm ngoài thời gian của phong trào 'Phong trào mẫu' (17/9/2021–31/12/2025)",
        ],
    ),
    (
        "decision number malformed",
        HS, "      so: 300/QĐ-SGDĐT", "      so: QĐ 300",
        [
            "data/guong/le-cuong.yaml:11:11: lỗi: số quyết định 'QĐ 300' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'",
        ],
    ),
    (
        "parent units in a loop",
        "data/don-vi/so-mau.yaml", "tinh: Hưng Yên\n", "tinh: Hưng Yên\ndon_vi_cap_tren: truong-a\n",
        [
            "data/don-vi/so-mau.yaml:5:18: lỗi: đơn vị cấp trên tạo thành vòng lặp (so-mau → truong-a → so-mau); một đơn vị không thể là cấp trên của chính nó",
            "data/don-vi/truong-a.yaml:7:18: lỗi: đơn vị cấp trên tạo thành vòng lặp (truong-a → so-mau → truong-a); một đơn vị không thể là cấp trên của chính nó",
        ],
    ),
    (
        "a team does not make its principal exemplary",
        G, "cong_khai: true", "ten_tap_the: Tổ Toán - Tin\ncong_khai: true",
        [
            "data/guong/nguyen-van-an.yaml:10:14: lỗi: cán bộ quản lý chỉ là gương điển hình khi tập thể do mình đứng đầu (đơn vị 'truong-a') cũng là tập thể điển hình cùng năm 2022-2023; thêm hồ sơ tập thể của chính đơn vị đó (không ghi 'ten_tap_the') có khen thưởng năm ấy, hoặc ghi lý do ở 'ngoai_le_don_vi'",
        ],
    ),
]
CASES += [
    (
        "honoree id that is an index page",
        HS, "ma: le-cuong", "ma: trang",
        [
            "data/guong/le-cuong.yaml:1:5: cảnh báo: tên tệp nên trùng mã: đổi tên tệp thành 'trang.yaml'",
            "data/guong/le-cuong.yaml:1:5: lỗi: mã 'trang' trùng tên một trang danh sách (guong/trang/); chọn mã khác, ví dụ thêm tên đơn vị",
        ],
    ),
    (
        "old id that is another record's id",
        HS, "cong_khai: true", "ma_cu: [tran-thi-binh]\ncong_khai: true",
        [
            "data/guong/le-cuong.yaml:14:9: lỗi: mã cũ 'tran-thi-binh' đang là mã của hồ sơ data/guong/tran-thi-binh.yaml:1; một địa chỉ chỉ trỏ tới một hồ sơ",
        ],
    ),
]


def test_old_id_declared_twice(tmp_path):
    """Two records may not both claim one old address."""
    files = changed(HS, "cong_khai: true", "ma_cu: [le-van-cuong]\ncong_khai: true")
    files[GV] = files[GV].replace("cong_khai: true", "ma_cu: [le-van-cuong]\ncong_khai: true")
    assert check(tmp_path, files) == [
        "data/guong/tran-thi-binh.yaml:26:9: lỗi: mã cũ 'le-van-cuong' đã khai báo ở data/guong/le-cuong.yaml:1;"
        " một địa chỉ cũ chỉ chuyển tới một hồ sơ"
    ]


def test_criteria_of_a_campaign_the_honoree_is_not_in(tmp_path):
    """A criteria set that belongs to a campaign counts only for honorees in that campaign."""
    files = changed(GV, "    phong_trao: pt\n", "")
    files[GV] = files[GV].replace("phong_trao: [pt]\n", "")
    assert check(tmp_path, files) == [
        "data/guong/tran-thi-binh.yaml:22:16: lỗi: bộ tiêu chí 'tc' thuộc phong trào 'pt'; thêm phong trào đó vào"
        " 'phong_trao' của hồ sơ hoặc chọn bộ tiêu chí của phong trào hồ sơ tham gia"
    ]


@pytest.mark.parametrize(("path", "old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_record(tmp_path, path, old, new, expected):
    """One mistake: its message (Vietnamese: field, expected, found, fix) at the line to change."""
    assert check(tmp_path, changed(path, old, new)) == expected


def test_manager_with_a_stated_exception(tmp_path):
    """A manager whose unit is not exemplary that year is accepted when the record says why."""
    files = changed(G, "nam_hoc: 2022-2023", "nam_hoc: 2020-2021")
    files[M] = files[M].replace("cong_khai: true", "ngoai_le_don_vi: Mới điều động về trường từ tháng 9/2022\ncong_khai: true")
    assert check(tmp_path, files) == []


def test_annulled_award_needs_no_decision(tmp_path):
    """An annulled award is kept in the record for history but needs no decision and does not count."""
    files = changed(GV, "    nam: 2024\n    quyet_dinh:\n      so: 99/QĐ-CTN\n      ngay: 2024-11-15\n      co_quan: Chủ tịch nước\n", "    nam: 2024\n    bi_huy: true\n")
    assert check(tmp_path, files) == []


def test_missing_vocabulary_and_organization(tmp_path):
    """The two single-file collections are required; each missing file is named."""
    files = project_files()
    del files["data/to-chuc.yaml"], files["data/danh-hieu.yaml"]
    assert check(tmp_path, files) == [
        "data/danh-hieu.yaml:0:0: lỗi: thiếu tệp data/danh-hieu.yaml (danh hiệu); tạo tệp theo mẫu trong README",
        "data/to-chuc.yaml:0:0: lỗi: thiếu tệp data/to-chuc.yaml (thông tin cơ quan); tạo tệp theo mẫu trong README",
    ]


def test_vocabulary_of_the_wrong_shape(tmp_path):
    """A vocabulary file that is not a 'danh_hieu:' list is refused in plain words."""
    files = {**project_files(), D: "- ma: a\n"}
    assert check(tmp_path, files) == [
        "data/danh-hieu.yaml:1:1: lỗi: phần khai báo phải gồm các dòng 'trường: giá trị', nhưng gặp một danh sách"
    ]


def test_stray_files_are_named(tmp_path):
    """A folder or file in data/ that belongs to no collection is named, with the likely intended one."""
    files = {**project_files(), "data/guong-dien-hinh/a.yaml": "ma: a\n", "data/guong/ghi-chu.txt": "x"}
    assert check(tmp_path, files) == [
        "data/guong-dien-hinh:0:0: cảnh báo: 'guong-dien-hinh' không thuộc loại dữ liệu nào nên bị bỏ qua; có phải ý bạn là 'guong'?",
        "data/guong/ghi-chu.txt:0:0: cảnh báo: tệp không dùng đến: thư mục guong/ chỉ chứa tệp .yaml, mỗi tệp một hồ sơ gương điển hình",
    ]


def test_file_name_should_match_the_id(tmp_path):
    """A record whose file name differs from its id loads, with a warning naming the right file name."""
    files = project_files()
    files["data/guong/le-cuong-2024.yaml"] = files.pop(HS)
    assert check(tmp_path, files) == [
        "data/guong/le-cuong-2024.yaml:1:5: cảnh báo: tên tệp nên trùng mã: đổi tên tệp thành 'le-cuong.yaml'"
    ]


def test_text_problems_in_data_files(tmp_path):
    """NFD text is normalized with a warning; TCVN3 text and malformed YAML are errors at their line."""
    files = project_files()
    files[GV] = files[GV].replace("tom_tat: Giáo viên dạy giỏi cấp tỉnh.", "tom_tat: " + unicodedata.normalize("NFD", "Giáo viên"))
    files[HS] = files[HS].replace("ten: Cường", "ten: C­êng")
    files[U] = files[U].replace("xa: xã Tân Tiến", "xa: xã: Tân Tiến")
    assert check(tmp_path, files) == [
        "data/don-vi/truong-a.yaml:4:7: lỗi: dấu ':' đặt sai chỗ; nếu giá trị có dấu ':' thì đặt cả giá trị trong ngoặc kép",
        "data/guong/le-cuong.yaml:4:6: lỗi: chữ 'C­êng' có dấu hiệu gõ bằng bảng mã cũ (TCVN3/VNI) rồi dán vào;"
        " hãy chuyển đoạn văn sang Unicode (Unikey: Công cụ chuyển mã, nguồn TCVN3 hoặc VNI, đích Unicode)",
        "data/guong/tran-thi-binh.yaml:25:12: cảnh báo: chữ tiếng Việt ở dạng tổ hợp (NFD, thường gặp khi dán từ Word,"
        " PDF hoặc macOS); đã tự chuẩn hóa về dạng dựng sẵn (NFC), nên lưu lại tệp ở dạng NFC",
    ]


def test_people_sort_by_given_name_in_vietnamese_order(tmp_path):
    """Honorees sort by given name, then middle, then family name, with ICU's Vietnamese rules."""
    files = project_files()
    files[HS] = files[HS].replace("ho: Lê\nten: Cường", "ho: Đặng\nten: Ánh")
    write_files(tmp_path, files)
    honorees = load_project(ProjectPaths.at(tmp_path)).site.honorees
    assert [h.given_name or h.unit for h in honorees] == ["An", "Ánh", "Bình", "truong-a"]


NEVER_KEPT = [
    ("so_dien_thoai: 0912345678", "số điện thoại cá nhân"),
    ("cccd: '001203004567'", "số căn cước công dân, mã định danh cá nhân"),
    ("ngay_sinh: 2010-05-01", "ngày tháng năm sinh đầy đủ"),
    ("ho_ten_me: Nguyễn Thị A", "họ tên cha mẹ"),
    ("suc_khoe: tốt", "thông tin sức khỏe"),
    ("ma_hoc_sinh: HS001", "mã học sinh"),
    ("Địa chỉ: thôn 3", "địa chỉ nhà riêng"),
    ("email: em@example.vn", "thư điện tử cá nhân"),
]


@pytest.mark.parametrize(("line", "what"), NEVER_KEPT, ids=[k.split(":")[0] for k, _ in NEVER_KEPT])
def test_personal_data_that_is_never_kept(tmp_path, line, what):
    """Keys for data the law keeps off the site are refused with the reason, not with a did-you-mean."""
    key = line.split(":")[0]
    assert check(tmp_path, changed(HS, "don_vi: truong-a", f"don_vi: truong-a\n{line}")) == [
        f"data/guong/le-cuong.yaml:6:1: lỗi: trường '{key}' không bao giờ được lưu: {what} là dữ liệu cá nhân không được công khai"
        " (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Luật Trẻ em 2016); xóa dòng này và giữ thông tin ở hồ sơ giấy của đơn vị"
    ]


@pytest.mark.parametrize(("key", "value"), [("dan_toc", "Kinh"), ("ton_giao", "Phật giáo"), ("dang_vien", "true")])
def test_sensitive_fields_need_their_own_consent(tmp_path, key, value):
    """Ethnicity, religion and party membership only with consent for that very field."""
    refused = check(tmp_path / "a", changed(HS, "don_vi: truong-a", f"don_vi: truong-a\n{key}: {value}"))
    assert refused == [
        f"data/guong/le-cuong.yaml:6:{len(key) + 3}: lỗi: '{key}' là dữ liệu cá nhân nhạy cảm, chỉ ghi khi người đó đồng ý công khai"
        f" (pham_vi: {key}) theo Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; thêm sự đồng ý hoặc xóa dòng này"
    ]
    files = changed(HS, "don_vi: truong-a", f"don_vi: truong-a\n{key}: {value}")
    files[HS] = files[HS].replace("pham_vi: [ten, truong_lop, cau_chuyen]", f"pham_vi: [ten, truong_lop, cau_chuyen, {key}]")
    assert check(tmp_path / "b", files) == []


CHILD = "data/guong/le-cuong.yaml"
CHILD_LAW_TAIL = "theo Luật Trẻ em 2016 và Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; thêm mục 'dong_y' (nguoi, ngay, pham_vi) hoặc đặt 'cong_khai: false'"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda s: s.split("dong_y:")[0], "cha, mẹ hoặc người giám hộ và chính em học sinh (từ đủ 7 tuổi) cho công khai tên và trường, lớp"),
        (lambda s: s.replace("  - nguoi: ban_than\n    ngay: 2024-09-01\n    pham_vi: [ten, truong_lop, cau_chuyen]\n", ""), "chính em học sinh (từ đủ 7 tuổi) cho công khai tên và trường, lớp"),
        (lambda s: s.replace("pham_vi: [ten, truong_lop, cau_chuyen]\n  - nguoi: ban_than", "pham_vi: [ten]\n  - nguoi: ban_than"), "cha, mẹ hoặc người giám hộ cho công khai trường, lớp"),
        (lambda s: s.replace("ngay: 2024-09-01", "ngay: 2099-09-01", 1), "cha, mẹ hoặc người giám hộ cho công khai tên và trường, lớp"),
    ],
    ids=["no consent", "guardian only", "school not consented", "consent dated in the future"],
)
def test_child_profile_needs_consent(tmp_path, edit, expected):
    """A published student's name and school need a guardian's consent and, from age 7, the child's."""
    files = project_files()
    files[CHILD] = edit(files[CHILD])
    assert check(tmp_path, files) == [f"{CHILD}:14:12: lỗi: hồ sơ học sinh công khai cần sự đồng ý của {expected} {CHILD_LAW_TAIL}"]


def test_child_under_seven_and_adult_student(tmp_path):
    """Under 7 only the guardian consents; a student stated to be an adult consents alone."""
    files = project_files()
    files[CHILD] = files[CHILD].replace("  - nguoi: ban_than\n    ngay: 2024-09-01\n    pham_vi: [ten, truong_lop, cau_chuyen]\n", "") + "duoi_7_tuoi: true\n"
    assert check(tmp_path / "a", files) == []
    files = project_files()
    files[CHILD] = files[CHILD].split("dong_y:")[0] + "nguoi_lon: true\n"
    assert check(tmp_path / "b", files) == []


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("anh/binh.jpg", b"not an image at all", "content/anh/binh.jpg:0:0: lỗi: tệp không đọc được như một ảnh (hỏng, hoặc không phải ảnh dù có đuôi .jpg)"),
        ("anh/binh.pdf", b"%PDF-1.4", f"{GV}:27:8: lỗi: 'anh/binh.pdf' không phải ảnh: chỉ nhận tệp .jpg, .png hoặc .webp"),
        ("anh/binh.png", b"\x89PNG" + b"0" * 8_100_000, "content/anh/binh.png:0:0: lỗi: ảnh nặng 8.1 MB, quá giới hạn 8 MB; hãy thu nhỏ ảnh trước khi thêm"),
    ],
    ids=["not an image", "not an image type", "over the size cap"],
)
def test_bad_photo_files(tmp_path, name, content, expected):
    """A record naming a file that is no image is refused at the photo's line; a file of content/ that is
    a broken or oversized image is refused at its own path, whether a record names it or not."""
    files = changed(GV, "cong_khai: true", f"anh:\n  tep: {name}\n  mo_ta: Cô Bình trên bục giảng\ndong_y:\n  - nguoi: ban_than\n    ngay: 2025-01-02\n    pham_vi: [anh]\ncong_khai: true")
    files[f"content/{name}"] = content
    assert check(tmp_path, files) == [expected]
