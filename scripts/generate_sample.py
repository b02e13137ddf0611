"""Generate N fictional honorees (and the units they belong to) for scale tests, deterministic for a seed.

The records follow every rule `make check` applies, use the real award vocabulary and the demo campaign,
and are marked as sample data. They are written into data/ of the project given (normally a copy).
Usage: python scripts/generate_sample.py --root DIR --honorees 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from guongsang.lang.text import slugify
from guongsang.project import ProjectPaths
from guongsang.records.dataset import HONOREES, UNITS
from guongsang.records.schemas import modeline
from guongsang.records.stories import STORIES_DIR

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trịnh Mai Cao Lương Tạ Hà Lâm".split()
MIDDLE = "Văn Thị Minh Ngọc Thu Thanh Hữu Đức Quốc Hoàng Thành Kim Bảo Gia Xuân Anh Phương Hải Diệu Khánh".split()
GIVEN = (
    "An Anh Bình Châu Chi Cường Dũng Dương Đạt Giang Hà Hải Hạnh Hiếu Hoa Hòa Hồng Huy Hương Khánh Lan Linh Long "
    "Mai Minh Nam Nga Ngọc Nhung Phong Phúc Phương Quân Quang Sơn Tâm Thảo Thắng Thủy Trang Trung Tú Tuấn Vân Việt Yến"
).split()
TEAMS = ["Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên", "Tổ Ngoại ngữ", "Tổ Văn phòng"]
SUBJECTS = ["tap_the", "can_bo_quan_ly", "giao_vien", "giao_vien", "giao_vien", "nhan_vien", "hoc_sinh", "hoc_sinh"]
KINDS = [("thpt", "Trường THPT"), ("thcs", "Trường THCS"), ("tieu_hoc", "Trường Tiểu học"), ("mam_non", "Trường Mầm non")]
PLACES = ["Tân Tiến", "Hòa Bình", "Quang Trung", "Đông Hưng", "Minh Khai", "Việt Hòa", "Thanh Long", "Phú Thịnh", "Hồng Quang"]
CAMPAIGN = "doi-moi-sang-tao-2021-2025"
ADULT_AWARDS = ["lao-dong-tien-tien", "chien-si-thi-dua-co-so", "giay-khen-giam-doc-so", "bang-khen-chu-tich-ubnd-tinh"]
STUDENT_AWARDS = ["hoc-sinh-xuat-sac", "giai-hoc-sinh-gioi-cap-tinh"]
GRADES = {"giai-hoc-sinh-gioi-cap-tinh": ["nhat", "nhi", "ba", "khuyen_khich"]}
POSITIONS = {
    "can_bo_quan_ly": ["Hiệu trưởng", "Phó Hiệu trưởng"],
    "giao_vien": ["Giáo viên Toán", "Giáo viên Ngữ văn", "Giáo viên Tiếng Anh", "Giáo viên chủ nhiệm", "Tổ trưởng chuyên môn"],
    "nhan_vien": ["Nhân viên thư viện", "Nhân viên kế toán", "Nhân viên thiết bị"],
    "hoc_sinh": ["Học sinh"],
}


def _award(rng: random.Random, kind: str, year: int, with_campaign: bool) -> str:
    lines = [f"  - loai: {kind}"]
    if kind in GRADES:
        lines.append(f"    hang: {rng.choice(GRADES[kind])}")
    lines.append(f"    nam_hoc: {year - 1}-{year}")
    issuer = "UBND tỉnh Hưng Yên" if "ubnd" in kind else "Sở Giáo dục và Đào tạo tỉnh Hưng Yên"
    symbol = "QĐ-UBND" if "ubnd" in kind else "QĐ-SGDĐT"
    lines += [
        "    quyet_dinh:",
        f"      so: {rng.randint(100, 2999)}/{symbol}",
        f"      ngay: {year}-{rng.randint(6, 9):02d}-{rng.randint(1, 28):02d}",
        f"      co_quan: {issuer}",
    ]
    if with_campaign:
        lines.append(f"    phong_trao: {CAMPAIGN}")
    return "\n".join(lines)


def generate(root: Path, honorees: int, seed: int, stories: int = 0) -> tuple[int, int]:
    """Write the records, and ``stories`` stories about adults who consented; return (units, honorees)."""
    rng = random.Random(seed)
    paths = ProjectPaths.at(root)
    data = paths.data_dir
    unit_count = max(1, honorees // 40)
    units = []
    for n in range(unit_count):
        kind, prefix = KINDS[n % len(KINDS)]
        name = f"{prefix} {rng.choice(FAMILY)} {rng.choice(GIVEN)} số {n + 1} (mẫu)"
        unit_id = f"mau-{slugify(prefix)}-{n + 1:05d}"
        units.append((unit_id, name))
        (data / "don-vi").mkdir(parents=True, exist_ok=True)
        (data / "don-vi" / f"{unit_id}.yaml").write_text(
            f"{modeline(UNITS)}\nma: {unit_id}\nten: {name}\nloai: {kind}\nxa: xã {rng.choice(PLACES)}\n"
            f"tinh: Hưng Yên\nap_dung_tu: 2025-07-01\ndu_lieu_mau: true\n",
            encoding="utf-8",
        )
    folder = data / "guong"
    folder.mkdir(parents=True, exist_ok=True)
    storied: list[tuple[str, str]] = []
    for n in range(honorees):
        unit_id, unit_name = units[n % unit_count]
        # The first record of each unit is the unit itself, exemplary every year, so its managers qualify;
        # later collectives are teams inside the unit.
        subject = "tap_the" if n < unit_count else rng.choice(SUBJECTS)
        years = sorted(rng.sample(range(2022, 2026), rng.randint(1, 3))) if subject != "tap_the" else [2022, 2023, 2024, 2025]
        lines = [modeline(HONOREES)]
        if subject == "tap_the":
            team = rng.choice(TEAMS) if n >= unit_count else None
            record_id = f"{unit_id}-{slugify(team)}-{n:05d}" if team else f"{unit_id}-tap-the"
            lines += [f"ma: {record_id}", "doi_tuong: tap_the", f"don_vi: {unit_id}"]
            if team:
                lines.append(f"ten_tap_the: {team}")
            awards = [_award(rng, "tap-the-lao-dong-tien-tien", year, True) for year in years]
            summary = f"{team or unit_name} nhiều năm liền đạt danh hiệu Tập thể lao động tiên tiến."
        else:
            family, middle, given = rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)
            record_id = f"{slugify(f'{family} {middle} {given}')}-{n:05d}"
            lines += [f"ma: {record_id}", f"doi_tuong: {subject}", f"ho: {family}", f"ten_dem: {middle}", f"ten: {given}",
                      f"don_vi: {unit_id}", f"chuc_vu: {rng.choice(POSITIONS[subject])}"]
            pool = STUDENT_AWARDS if subject == "hoc_sinh" else ADULT_AWARDS
            awards = [_award(rng, rng.choice(pool), year, subject != "hoc_sinh") for year in years]
            summary = f"{family} {middle} {given} có nhiều đóng góp trong phong trào đổi mới sáng tạo tại {unit_name}."
        lines += ["khen_thuong:", *awards, f"phong_trao: [{CAMPAIGN}]", f"tom_tat: {summary}", "cong_khai: true", "du_lieu_mau: true"]
        if subject == "hoc_sinh":  # a child's name and school are published only with both consents
            for party in ("nguoi_giam_ho", "ban_than"):
                lines += ["dong_y:"] if party == "nguoi_giam_ho" else []
                lines += [f"  - nguoi: {party}", "    ngay: 2025-09-05", "    pham_vi: [ten, truong_lop]"]
        elif subject != "tap_the" and len(storied) < stories:  # a story about a person needs their consent
            lines += ["dong_y:", "  - nguoi: ban_than", "    ngay: 2025-09-05", "    pham_vi: [cau_chuyen]"]
            storied.append((record_id, f"{family} {middle} {given}"))
        (folder / f"{record_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _write_stories(paths.docs_dir / STORIES_DIR, storied, rng)
    return unit_count, honorees


def _write_stories(folder: Path, storied: list[tuple[str, str]], rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    deeds = ["giúp học sinh vùng khó đến trường", "tự làm đồ dùng dạy học", "trả lại của rơi", "hiến máu tình nguyện", "dạy thêm miễn phí cho học sinh yếu"]
    for n, (honoree_id, name) in enumerate(storied):
        deed = rng.choice(deeds)
        day = f"2025-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
        body = " ".join(f"{name} {deed}, được đồng nghiệp và học sinh quý mến." for _ in range(rng.randint(4, 9)))
        (folder / f"cau-chuyen-mau-{n:05d}.md").write_text(
            f"---\ntieu_de: {name} {deed}\nngay: {day}\ntac_gia: Văn phòng Sở\nguong: [{honoree_id}]\n"
            f"the: [\"Người tốt, việc tốt\", {rng.choice(['Giáo viên', 'Nhân viên', 'Quản lý'])}]\n---\n\n{body}\n\n"
            "*Câu chuyện mẫu do máy sinh để thử quy mô lớn.*\n",
            encoding="utf-8",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sinh dữ liệu mẫu (hư cấu) cho thử nghiệm quy mô lớn.")
    parser.add_argument("--root", type=Path, required=True, help="thư mục dự án (thường là một bản sao)")
    parser.add_argument("--honorees", type=int, default=1000, help="số hồ sơ gương điển hình")
    parser.add_argument("--stories", type=int, default=0, help="số câu chuyện (về người lớn đã đồng ý)")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu")
    args = parser.parse_args(argv)
    units, honorees = generate(args.root, args.honorees, args.seed, args.stories)
    print(f"Đã sinh {units} đơn vị và {honorees} hồ sơ trong {args.root / 'data'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
