"""Small valid inputs for the loading tables: each test changes one thing and expects one message."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

DOCUMENT = """\
---
loai: KẾ HOẠCH
co_quan_chu_quan: UBND TỈNH MẪU
co_quan_ban_hanh: SỞ GIÁO DỤC VÀ ĐÀO TẠO
so_ky_hieu: 12/KH-SGDĐT
dia_danh: Mẫu Sơn
ngay_ban_hanh: 2024-03-05
trich_yeu: Thử nghiệm kiểm tra
can_cu:
  - loai: Luật
    so_ky_hieu: 06/2022/QH15
    ngay: 2022-06-15
nguoi_ky:
  tham_quyen: KT.
  cap_tren: GIÁM ĐỐC
  chuc_vu: PHÓ GIÁM ĐỐC
  ho_ten: Nguyễn Văn A
noi_nhan:
  - Các đơn vị;
  - "Lưu: VT."
trang_thai: ban_hanh
---

## I. MỤC ĐÍCH

Nội dung.
"""

UNIT = """\
ma: truong-a
ten: Trường THPT A (mẫu)
loai: thpt
xa: xã Tân Tiến
tinh: Hưng Yên
ap_dung_tu: 2025-07-01
don_vi_cap_tren: so-mau
du_lieu_mau: true
"""

DEPARTMENT = """\
ma: so-mau
ten: Sở Giáo dục và Đào tạo (mẫu)
loai: so
tinh: Hưng Yên
"""

CAMPAIGN = """\
ma: pt
ten: Phong trào mẫu
hinh_thuc: chuyen_de
tu_ngay: 2021-09-17
den_ngay: 2025-12-31
doi_tuong: [tap_the, can_bo_quan_ly, giao_vien, hoc_sinh]
dot:
  - ten: Đợt 1
    tu_ngay: 2021-09-17
    den_ngay: 2022-06-30
so_ket_tong_ket:
  - loai: so_ket
    ngay: 2023-11-20
van_ban: [mau]
bo_tieu_chi: [tc]
"""

CRITERIA = """\
ma: tc
ten: Tiêu chí mẫu
doi_tuong: [giao_vien]
pham_vi: cu_the
van_ban_nguon: mau
tieu_chi:
  - ma: tc-1
    noi_dung: Có nhiều sáng kiến
  - ma: tc-2
    noi_dung: Được tập thể ghi nhận
"""

COLLECTIVE = """\
ma: truong-a-tap-the
doi_tuong: tap_the
don_vi: truong-a
khen_thuong:
  - loai: tap-the-lao-dong-xuat-sac
    nam_hoc: 2022-2023
    quyet_dinh:
      so: 1500/QĐ-UBND
      ngay: 2023-08-20
      co_quan: UBND tỉnh Hưng Yên
cong_khai: true
"""

MANAGER = """\
ma: nguyen-van-an
doi_tuong: can_bo_quan_ly
ho: Nguyễn
ten_dem: Văn
ten: An
don_vi: truong-a
chuc_vu: Hiệu trưởng
khen_thuong:
  - loai: chien-si-thi-dua-co-so
    nam_hoc: 2022-2023
    quyet_dinh:
      so: 812/QĐ-SGDĐT
      ngay: 2023-08-15
      co_quan: Sở GDĐT
cong_khai: true
"""

TEACHER = """\
ma: tran-thi-binh
doi_tuong: giao_vien
ho: Trần
ten_dem: Thị
ten: Bình
don_vi: truong-a
chuc_vu: Giáo viên Toán
khen_thuong:
  - loai: chien-si-thi-dua-co-so
    nam: 2023
    quyet_dinh:
      so: 812/QĐ-SGDĐT
      ngay: 2023-08-15
      co_quan: Sở GDĐT
    phong_trao: pt
  - loai: huan-chuong-lao-dong
    hang: ba
    nam: 2024
    quyet_dinh:
      so: 99/QĐ-CTN
      ngay: 2024-11-15
      co_quan: Chủ tịch nước
phong_trao: [pt]
tieu_chi_dat: [tc/tc-1]
tom_tat: Giáo viên dạy giỏi cấp tỉnh.
cong_khai: true
"""

STUDENT = """\
ma: le-cuong
doi_tuong: hoc_sinh
ho: Lê
ten: Cường
don_vi: truong-a
khen_thuong:
  - loai: giai-hoc-sinh-gioi-cap-tinh
    hang: nhi
    nam_hoc: 2023-2024
    quyet_dinh:
      so: 300/QĐ-SGDĐT
      ngay: 2024-03-10
      co_quan: Sở GDĐT
cong_khai: true
dong_y:
  - nguoi: nguoi_giam_ho
    ngay: 2024-09-01
    pham_vi: [ten, truong_lop, cau_chuyen]
  - nguoi: ban_than
    ngay: 2024-09-01
    pham_vi: [ten, truong_lop, cau_chuyen]
"""


def required_data() -> dict[str, str]:
    """The two data files every project needs: the organization and the award vocabulary."""
    return {
        "data/to-chuc.yaml": (ROOT / "data/to-chuc.yaml").read_text(encoding="utf-8"),
        "data/danh-hieu.yaml": (ROOT / "data/danh-hieu.yaml").read_text(encoding="utf-8"),
    }


def project_files() -> dict[str, str]:
    """A small valid project: the real vocabulary and organization, one document, one of each record."""
    return {
        **required_data(),
        "content/van-ban/mau.md": DOCUMENT,
        "data/don-vi/truong-a.yaml": UNIT,
        "data/don-vi/so-mau.yaml": DEPARTMENT,
        "data/phong-trao/pt.yaml": CAMPAIGN,
        "data/tieu-chi/tc.yaml": CRITERIA,
        "data/guong/truong-a-tap-the.yaml": COLLECTIVE,
        "data/guong/nguyen-van-an.yaml": MANAGER,
        "data/guong/tran-thi-binh.yaml": TEACHER,
        "data/guong/le-cuong.yaml": STUDENT,
    }
